// A post-mortem directive's details (LIL art. 85): record, update or revoke it, its instructions, its
// executor and the shopper's specific consent.
import { Checkbox, FormLayout, Select, TextField } from "@shopify/polaris";
import type { DetailsProps } from "./kit";

export function DirectiveFields({ details, set, t, bad }: DetailsProps) {
  return (
    <>
      <Select
        label={t("requests.directiveAction")}
        name="directive_action"
        value={details.directiveAction}
        onChange={set("directiveAction")}
        options={["record", "update", "revoke"].map((value) => ({
          value,
          label: t(`requests.directiveActions.${value}` as never),
        }))}
      />
      <TextField
        label={t("requests.instructions")}
        name="directive_instructions"
        value={details.instructions}
        onChange={set("instructions")}
        multiline={3}
        autoComplete="off"
        error={bad("directive_instructions")}
      />
      <FormLayout.Group>
        <TextField
          label={t("requests.executorName")}
          name="executor_name"
          value={details.executorName}
          onChange={set("executorName")}
          autoComplete="off"
          error={bad("executor_name")}
        />
        <TextField
          label={t("requests.executorEmail")}
          name="executor_email"
          type="email"
          value={details.executorEmail}
          onChange={set("executorEmail")}
          autoComplete="off"
          error={bad("executor_email")}
        />
      </FormLayout.Group>
      <Checkbox
        label={t("requests.specificConsent")}
        checked={details.specificConsent}
        onChange={set("specificConsent")}
        error={bad("specific_consent")}
      />
      {details.specificConsent && <input type="hidden" name="specific_consent" value="on" />}
    </>
  );
}
