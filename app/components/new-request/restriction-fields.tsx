// A restriction's ground (GDPR art. 18(1)), and for the requests art. 19 covers, whether the shopper
// asked to be told the recipients.
import { Checkbox, Select } from "@shopify/polaris";
import { RESTRICTION_GROUND_BASIS, RESTRICTION_GROUNDS } from "~/domain/requests/restriction";
import type { DetailsProps } from "./kit";

export function RestrictionGroundField({ details, set, t, bad }: DetailsProps) {
  return (
    <Select
      label={t("restriction.groundLabel")}
      name="restriction_ground"
      value={details.restrictionGround}
      onChange={set("restrictionGround")}
      placeholder="—"
      options={RESTRICTION_GROUNDS.map((value) => ({
        value,
        label: `${t(`restriction.grounds.${value}`)} (${RESTRICTION_GROUND_BASIS[value]})`,
      }))}
      error={bad("restriction_ground")}
    />
  );
}

export function RecipientsAskedField({ details, set, t }: DetailsProps) {
  return (
    <>
      <Checkbox
        label={t("privacy.restriction.recipientsAsked")}
        checked={details.recipientsAsked}
        onChange={set("recipientsAsked")}
      />
      {details.recipientsAsked && <input type="hidden" name="recipients_asked" value="on" />}
    </>
  );
}
