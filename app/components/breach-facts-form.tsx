// The facts of a breach (GDPR art. 33(3), 33(5)), every text in French and English: recorded once,
// edited afterwards. Times are the shop's wall clock (datetime-local).
import { Button, FormLayout, InlineGrid, TextField } from "@shopify/polaris";
import { BilingualField, type FormValues, useFormValues } from "~/components/bilingual-field";
import { useTranslation } from "~/i18n/use-translation";

export function BreachFactsFields({
  values,
  fields,
  submitLabel,
  busy,
  disabled,
}: {
  values: FormValues;
  fields?: string[];
  submitLabel: string;
  busy: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { bind } = useFormValues(values);
  const bad = (name: string) =>
    Boolean(fields?.some((field) => field === name || field.startsWith(`${name}.`)));
  return (
    <FormLayout>
      <TextField
        {...bind("title")}
        label={t("breaches.fields.title")}
        autoComplete="off"
        error={bad("title") ? " " : undefined}
      />
      <InlineGrid columns={2} gap="300">
        <TextField
          {...bind("awareAt")}
          label={t("breaches.fields.awareAt")}
          type="datetime-local"
          autoComplete="off"
          error={bad("awareAt") ? " " : undefined}
        />
        <TextField
          {...bind("occurredAt")}
          label={t("breaches.fields.occurredAt")}
          type="datetime-local"
          autoComplete="off"
          error={bad("occurredAt") ? " " : undefined}
        />
      </InlineGrid>
      <BilingualField bind={bind} name="nature" label={t("breaches.fields.nature")} error={bad("nature")} />
      <BilingualField bind={bind} name="subjectCategories" label={t("breaches.fields.subjectCategories")} />
      <BilingualField bind={bind} name="dataCategories" label={t("breaches.fields.dataCategories")} />
      <InlineGrid columns={2} gap="300">
        <TextField
          {...bind("approxSubjects")}
          label={t("breaches.fields.approxSubjects")}
          type="number"
          min={0}
          autoComplete="off"
          error={bad("approxSubjects") ? " " : undefined}
        />
        <TextField
          {...bind("approxRecords")}
          label={t("breaches.fields.approxRecords")}
          type="number"
          min={0}
          autoComplete="off"
          error={bad("approxRecords") ? " " : undefined}
        />
      </InlineGrid>
      <BilingualField bind={bind} name="consequences" label={t("breaches.fields.consequences")} />
      <BilingualField bind={bind} name="measures" label={t("breaches.fields.measures")} />
      <TextField
        {...bind("dpoContact")}
        label={t("breaches.fields.dpoContact")}
        autoComplete="off"
        error={bad("dpoContact") ? " " : undefined}
      />
      <Button submit variant="primary" loading={busy} disabled={disabled}>
        {submitLabel}
      </Button>
    </FormLayout>
  );
}
