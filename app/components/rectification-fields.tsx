// The corrected values of a rectification request (GDPR art. 16) on staff's intake form: only what
// must change is filled; the service validates them whole (RequestedChangesSchema).
import { BlockStack, FormLayout, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { Translate } from "~/i18n/translate";
import { RECTIFICATION_FORM_FIELDS } from "~/services/requests/request-form";

export function RectificationFields({ t, bad }: { t: Translate; bad: (field: never) => string | undefined }) {
  const [values, setValues] = useState<Record<string, string>>({});
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {t("privacy.rectification.legend")}
      </Text>
      <Text as="p" tone="subdued">
        {t("privacy.rectification.help")}
      </Text>
      <FormLayout>
        {RECTIFICATION_FORM_FIELDS.map(([name, label]) => (
          <TextField
            key={name}
            label={t(`privacy.rectification.${label}`)}
            name={name}
            value={values[name] ?? ""}
            onChange={(value) => setValues((v) => ({ ...v, [name]: value }))}
            // Staff type someone else's data: their own browser's must not fill it.
            autoComplete="off"
            error={bad(name as never)}
          />
        ))}
      </FormLayout>
    </BlockStack>
  );
}
