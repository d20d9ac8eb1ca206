// The form of one recipient of the shop's data (GDPR art. 28, 44–46): who it is and its role, the
// service and data, where it processes them, its sub-processors, its contract and each transfer
// outside the EU with its safeguard, in French and English.
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, FormLayout, InlineGrid, Text, TextField } from "@shopify/polaris";
import { BilingualField, ChoiceField, type useFormValues } from "~/components/bilingual-field";
import { RECIPIENT_ROLES, TRANSFER_MECHANISMS } from "~/domain/processing/processors";
import type { Translate } from "~/i18n/translate";

export function ProcessorFormCard(props: {
  revision: number;
  transferRows: number;
  bind: ReturnType<typeof useFormValues>["bind"];
  /** Whether the last save refused this field (or one inside it). */
  bad: (name: string) => boolean;
  t: Translate;
  busy: boolean;
}) {
  const { revision, transferRows, bind, bad, t } = props;
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="revision" value={revision} />
        <input type="hidden" name="intent" value="save" />
        <FormLayout>
          <BilingualField bind={bind} name="name" label={t("processors.name")} error={bad("name")} />
          <ChoiceField
            bind={bind}
            name="role"
            label={t("processors.role")}
            options={RECIPIENT_ROLES.map((role) => ({
              value: role,
              label: t(`processors.roles.${role}`),
            }))}
          />
          <BilingualField bind={bind} name="service" label={t("processors.service")} error={bad("service")} />
          <BilingualField bind={bind} name="data" label={t("processors.data")} error={bad("data")} />
          <BilingualField
            bind={bind}
            name="location"
            label={t("processors.location")}
            error={bad("location")}
          />
          <BilingualField bind={bind} name="subProcessors" label={t("processors.subProcessors")} />
          <InlineGrid columns={2} gap="300">
            <TextField
              {...bind("contractDate")}
              label={t("processors.contractDate")}
              type="date"
              autoComplete="off"
              error={bad("contractDate") ? " " : undefined}
            />
            <TextField
              {...bind("contractUrl")}
              label={t("processors.contractUrl")}
              type="url"
              autoComplete="off"
              error={bad("contractUrl") ? " " : undefined}
            />
          </InlineGrid>
          <Text as="h2" variant="headingMd">
            {t("processors.transfers")}
          </Text>
          <Text as="p" tone="subdued">
            {t("register.form.rowsHelp")}
          </Text>
          {Array.from({ length: transferRows }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: form rows are positional (transfers.<index>.…)
            <BlockStack gap="200" key={`transfer-${index}`}>
              <BilingualField
                bind={bind}
                name={`transfers.${index}.destination`}
                label={t("processors.destination", { n: index + 1 })}
                multiline={false}
                error={bad(`transfers.${index}.destination`)}
              />
              <InlineGrid columns={2} gap="300">
                <ChoiceField
                  bind={bind}
                  name={`transfers.${index}.mechanism`}
                  label={t("processors.mechanism")}
                  options={TRANSFER_MECHANISMS.map((mechanism) => ({
                    value: mechanism,
                    label: t(`processors.mechanisms.${mechanism}`),
                  }))}
                />
              </InlineGrid>
              <BilingualField bind={bind} name={`transfers.${index}.detail`} label={t("processors.detail")} />
            </BlockStack>
          ))}
          <Button submit variant="primary" loading={props.busy}>
            {t("register.form.save")}
          </Button>
        </FormLayout>
      </Form>
    </Card>
  );
}
