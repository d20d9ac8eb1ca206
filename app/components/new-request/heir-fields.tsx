// An heir's request's details (LIL art. 85): the deceased, the heir's relationship and what they ask.
import { ChoiceList, FormLayout, TextField } from "@shopify/polaris";
import { HEIR_SCOPES } from "~/domain/requests/request-details";
import type { DetailsProps } from "./kit";

export function HeirFields({ details, set, t, bad }: DetailsProps) {
  return (
    <>
      <FormLayout.Group>
        <TextField
          label={t("requests.deceasedEmail")}
          name="deceased_email"
          type="email"
          value={details.deceasedEmail}
          onChange={set("deceasedEmail")}
          autoComplete="off"
          error={bad("deceased_email")}
        />
        <TextField
          label={t("requests.heirRelationship")}
          name="heir_relationship"
          value={details.relationship}
          onChange={set("relationship")}
          autoComplete="off"
          error={bad("heir_relationship")}
        />
      </FormLayout.Group>
      <ChoiceList
        allowMultiple
        title={t("requests.heirScope")}
        choices={HEIR_SCOPES.map((value) => ({
          value,
          label: t(`requests.heirScopes.${value}` as never),
        }))}
        selected={details.scope}
        onChange={set("scope")}
        error={bad("heir_scope")}
      />
      {details.scope.map((s) => (
        <input key={s} type="hidden" name="heir_scope" value={s} />
      ))}
    </>
  );
}
