// The corrected values of a rectification request (GDPR art. 16) on staff's intake form: only what
// must change is filled; the service validates them whole (RequestedChangesSchema).
import { BlockStack, FormLayout, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { Translate } from "~/i18n/translate";

const FIELDS = [
  ["rect_first_name", "firstName", "given-name"],
  ["rect_last_name", "lastName", "family-name"],
  ["rect_email", "email", "off"],
  ["rect_phone", "phone", "off"],
  ["rect_address1", "address1", "off"],
  ["rect_address2", "address2", "off"],
  ["rect_city", "city", "off"],
  ["rect_zip", "zip", "off"],
  ["rect_country", "country", "off"],
] as const;

export function RectificationFields({ t, bad }: { t: Translate; bad: (field: never) => string | undefined }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const error = bad("rect_first_name" as never);
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {t("rectification.form.legend")}
      </Text>
      <Text as="p" tone="subdued">
        {t("rectification.form.help")}
      </Text>
      {error && (
        <Text as="p" tone="critical">
          {error}
        </Text>
      )}
      <FormLayout>
        {FIELDS.map(([name, label, autoComplete]) => (
          <TextField
            key={name}
            label={t(`rectification.form.${label}`)}
            name={name}
            value={values[name] ?? ""}
            onChange={(value) => setValues((v) => ({ ...v, [name]: value }))}
            autoComplete={autoComplete}
          />
        ))}
      </FormLayout>
    </BlockStack>
  );
}
