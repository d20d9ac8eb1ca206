// The form of one processing activity (GDPR art. 30(1)): its name, purposes with their lawful
// basis, the people and data concerned, recipients, transfers, retention periods (each against the
// reference for its category), security and automated decisions, in French and English.
import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, InlineGrid, Text, TextField } from "@shopify/polaris";
import { BilingualField, ChoiceField, type useFormValues } from "~/components/bilingual-field";
import { LAWFUL_BASES } from "~/domain/processing/record";
import { RETENTION_CATEGORIES, RETENTION_CLOCKS } from "~/domain/processing/retention-references";
import type { Translate } from "~/i18n/translate";
import type { activityPage } from "~/services/processing-register.server";

export function ActivityFormCard(props: {
  page: Pick<SerializeFrom<typeof activityPage>, "revision" | "purposeRows" | "periodRows" | "reading">;
  bind: ReturnType<typeof useFormValues>["bind"];
  /** Whether the last save refused this field (or one inside it). */
  bad: (name: string) => boolean;
  t: Translate;
  busy: boolean;
}) {
  const { bind, bad, t } = props;
  const { revision, purposeRows, periodRows, reading } = props.page;
  return (
    <Card>
      <Form method="post" data-testid="activity-form">
        <input type="hidden" name="revision" value={revision} />
        <FormLayout>
          <BilingualField
            bind={bind}
            name="name"
            label={t("register.form.name")}
            multiline={false}
            error={bad("name")}
          />
          <Text as="h2" variant="headingMd">
            {t("register.purposes")}
          </Text>
          <Text as="p" tone="subdued">
            {t("register.form.rowsHelp")}
          </Text>
          {Array.from({ length: purposeRows }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: form rows are positional (purposes.<index>.…)
            <BlockStack gap="200" key={`purpose-${index}`}>
              <BilingualField
                bind={bind}
                name={`purposes.${index}.purpose`}
                label={t("register.form.purpose", { n: index + 1 })}
                error={bad(`purposes.${index}.purpose`)}
              />
              <InlineGrid columns={2} gap="300">
                <ChoiceField
                  bind={bind}
                  name={`purposes.${index}.basis`}
                  label={t("register.form.basis")}
                  options={LAWFUL_BASES.map((basis) => ({
                    value: basis,
                    label: t(`register.bases.${basis}`),
                  }))}
                />
              </InlineGrid>
              <BilingualField
                bind={bind}
                name={`purposes.${index}.basisDetail`}
                label={t("register.form.basisDetail")}
                multiline={false}
              />
              <BilingualField
                bind={bind}
                name={`purposes.${index}.legitimateInterest`}
                label={t("register.form.legitimateInterestField")}
                error={bad(`purposes.${index}.legitimateInterest`)}
              />
            </BlockStack>
          ))}
          <BilingualField
            bind={bind}
            name="subjects"
            label={t("register.subjects")}
            error={bad("subjects")}
          />
          <BilingualField bind={bind} name="data" label={t("register.data")} error={bad("data")} />
          <BilingualField
            bind={bind}
            name="recipients"
            label={t("register.recipients")}
            error={bad("recipients")}
          />
          <BilingualField bind={bind} name="processors" label={t("register.processors")} />
          <BilingualField bind={bind} name="transfers" label={t("register.transfers")} />
          <Text as="h2" variant="headingMd">
            {t("register.retention")}
          </Text>
          {Array.from({ length: periodRows }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: form rows are positional (retention.<index>.…)
            <BlockStack gap="200" key={`period-${index}`}>
              <Text as="h3" variant="headingSm">
                {t("register.form.period", { n: index + 1 })}
              </Text>
              {reading.retentionPeriods[index]?.reference ? (
                <Text as="p" tone="subdued">
                  {t("register.reference", {
                    reference: reading.retentionPeriods[index]?.reference ?? "",
                  })}
                </Text>
              ) : null}
              {reading.retentionPeriods[index]?.longerThanReference ? (
                <div data-testid={`retention-warning-${index}`}>
                  <Banner tone="warning">{t("register.longer")}</Banner>
                </div>
              ) : null}
              <InlineGrid columns={3} gap="300">
                <ChoiceField
                  bind={bind}
                  name={`retention.${index}.category`}
                  label={t("register.form.category")}
                  options={RETENTION_CATEGORIES.map((category) => ({
                    value: category,
                    label: t(`register.categories.${category}`),
                  }))}
                />
                <TextField
                  {...bind(`retention.${index}.months`)}
                  label={t("register.form.months")}
                  type="number"
                  autoComplete="off"
                />
                <ChoiceField
                  bind={bind}
                  name={`retention.${index}.clock`}
                  label={t("register.form.clock")}
                  options={RETENTION_CLOCKS.map((clock) => ({
                    value: clock,
                    // The phrase the notice prints, one wording for staff and shoppers.
                    label: t(`privacyNotice.clocks.${clock}`),
                  }))}
                />
              </InlineGrid>
              <BilingualField
                bind={bind}
                name={`retention.${index}.note`}
                label={t("register.form.note")}
                multiline={false}
              />
            </BlockStack>
          ))}
          <BilingualField bind={bind} name="security" label={t("register.security")} />
          <BilingualField bind={bind} name="automatedDecision" label={t("register.automated")} />
          <Text as="p" tone="subdued">
            {t("register.form.automatedHelp")}
          </Text>
          <Button submit variant="primary" loading={props.busy}>
            {t("register.form.save")}
          </Button>
          <input type="hidden" name="intent" value="save" />
        </FormLayout>
      </Form>
    </Card>
  );
}
