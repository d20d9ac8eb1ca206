// Filtering the audit log (who, what, which record, which days), clearing the filters, and
// downloading the filtered log as CSV.
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { KeptParamsInputs } from "~/components/kept-params-inputs";
import { withSearch } from "~/components/nav-items";
import type { Locale } from "~/i18n/locale";
import { type Translate, translateDynamic } from "~/i18n/translate";
import { AUDIT_FILTERS, type AuditView, actionLabel } from "./kit";

export function AuditFiltersCard(props: {
  data: Pick<AuditView, "filter" | "actions" | "actors">;
  locale: Locale;
  t: Translate;
  search: string;
  downloading: boolean;
  onDownload: () => void;
}) {
  const { data, locale, t, search } = props;
  const [fields, setFields] = useState(() =>
    Object.fromEntries(AUDIT_FILTERS.map((name) => [name, data.filter[name] ?? ""])),
  );
  const set = (name: (typeof AUDIT_FILTERS)[number]) => (value: string) =>
    setFields((f) => ({ ...f, [name]: value }));
  const actionOptions = [
    { label: t("audit.anyAction"), value: "" },
    ...data.actions
      .map((code) => ({ label: actionLabel(locale, t, code), value: code }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
  ];
  return (
    <Card>
      <Form method="get" action="/app/audit">
        <KeptParamsInputs search={search} />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("audit.filtersTitle")}
          </Text>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
            <Select
              label={t("audit.actor")}
              name="actor"
              options={[
                { label: t("audit.anyActor"), value: "" },
                ...data.actors.map((type) => ({
                  label: translateDynamic(locale, "actor", type),
                  value: type,
                })),
              ]}
              value={fields.actor}
              onChange={set("actor")}
            />
            <TextField
              label={t("audit.who")}
              name="who"
              value={fields.who}
              onChange={set("who")}
              autoComplete="off"
            />
            <Select
              label={t("audit.action")}
              name="action"
              options={actionOptions}
              value={fields.action}
              onChange={set("action")}
            />
            <TextField
              label={t("audit.ref")}
              name="ref"
              helpText={t("audit.refHelp")}
              value={fields.ref}
              onChange={set("ref")}
              autoComplete="off"
            />
            <TextField
              label={t("audit.from")}
              name="from"
              type="date"
              value={fields.from}
              onChange={set("from")}
              autoComplete="off"
            />
            <TextField
              label={t("audit.to")}
              name="to"
              type="date"
              value={fields.to}
              onChange={set("to")}
              autoComplete="off"
            />
          </InlineGrid>
          <InlineStack gap="300" blockAlign="center">
            <Button submit variant="primary">
              {t("audit.apply")}
            </Button>
            <Button url={withSearch("/app/audit", search)}>{t("audit.clear")}</Button>
            <Button onClick={props.onDownload} loading={props.downloading}>
              {t("audit.download")}
            </Button>
          </InlineStack>
          <Text as="p" tone="subdued">
            {t("audit.downloadHelp")}
          </Text>
        </BlockStack>
      </Form>
    </Card>
  );
}
