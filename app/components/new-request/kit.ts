// The new request form's values beyond the common fields: each type's details, kept while staff switch
// types, as the form's fields name them.
import { useState } from "react";
import type { Translate } from "~/i18n/translate";

export type TypeDetails = {
  directiveAction: string;
  instructions: string;
  executorName: string;
  executorEmail: string;
  specificConsent: boolean;
  scope: string[];
  deceasedEmail: string;
  relationship: string;
  restrictionGround: string;
  recipientsAsked: boolean;
};

export function useTypeDetails() {
  const [details, setDetails] = useState<TypeDetails>({
    directiveAction: "record",
    instructions: "",
    executorName: "",
    executorEmail: "",
    specificConsent: false,
    scope: [],
    deceasedEmail: "",
    relationship: "",
    restrictionGround: "",
    recipientsAsked: false,
  });
  const set =
    <K extends keyof TypeDetails>(key: K) =>
    (value: TypeDetails[K]) =>
      setDetails((d) => ({ ...d, [key]: value }));
  return { details, set };
}

export type DetailsProps = {
  details: TypeDetails;
  set: ReturnType<typeof useTypeDetails>["set"];
  t: Translate;
  /** The error to show on a field the last send refused. */
  bad: (field: string) => string | undefined;
};
