// Form fields for the registers: every text in French and English side by side, the values kept
// in one map of dotted names ("purposes.0.purpose.fr") so the posted form mirrors the content.
import { InlineGrid, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";

export type FormValues = Record<string, string>;

export function useFormValues(initial: FormValues) {
  const [values, setValues] = useState(initial);
  const bind = (name: string) => ({
    name,
    value: values[name] ?? "",
    onChange: (value: string) => setValues((current) => ({ ...current, [name]: value })),
  });
  return { values, bind };
}

type Bind = ReturnType<typeof useFormValues>["bind"];

export function BilingualField({
  bind,
  name,
  label,
  multiline = true,
  error,
}: {
  bind: Bind;
  name: string;
  label: string;
  multiline?: boolean;
  error?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <InlineGrid columns={2} gap="300">
      {(["fr", "en"] as const).map((locale) => (
        <TextField
          key={locale}
          {...bind(`${name}.${locale}`)}
          label={`${label} (${t(locale === "fr" ? "register.form.french" : "register.form.english")})`}
          multiline={multiline ? 2 : undefined}
          autoComplete="off"
          error={error && !bind(`${name}.${locale}`).value.trim() ? " " : undefined}
        />
      ))}
    </InlineGrid>
  );
}

export function ChoiceField({
  bind,
  name,
  label,
  options,
}: {
  bind: Bind;
  name: string;
  label: string;
  options: { value: string; label: string }[];
}) {
  return <Select {...bind(name)} label={label} options={options} />;
}
