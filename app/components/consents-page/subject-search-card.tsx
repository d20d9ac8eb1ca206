// Finding a shopper by the start of their e-mail, and the subjects found with their current state.
import { Form, useSubmit } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, DataTable, InlineStack, TextField } from "@shopify/polaris";
import { useState } from "react";
import { ListEmptyState } from "~/components/list-empty-state";
import { withSearch } from "~/components/nav-items";
import type { Translate } from "~/i18n/translate";
import { type ConsentsView, statusTone } from "./kit";

export function SubjectSearchCard(props: {
  query: string;
  results: ConsentsView["results"];
  t: Translate;
  when: (iso: string | null) => string;
  search: string;
}) {
  const { query, results, t, when, search } = props;
  const submit = useSubmit();
  const [q, setQ] = useState(query);
  return (
    <Card>
      <BlockStack gap="300">
        <Form
          method="get"
          onSubmit={(event) => {
            event.preventDefault();
            submit(
              { q, ...Object.fromEntries(new URLSearchParams(withSearch("", search).slice(1))) },
              { method: "get" },
            );
          }}
        >
          <InlineStack gap="200" blockAlign="end">
            <div style={{ flexGrow: 1 }}>
              <TextField
                label={t("consents.searchLabel")}
                name="q"
                value={q}
                onChange={setQ}
                autoComplete="off"
                placeholder="client@example.com"
              />
            </div>
            <Button submit>{t("consents.search")}</Button>
          </InlineStack>
        </Form>
        {query && results.length === 0 && (
          <ListEmptyState
            testId="consent-search-no-match"
            heading={t("emptyStates.consentSearch.heading")}
            help={t("emptyStates.consentSearch.help")}
          />
        )}
        {results.length > 0 && (
          <DataTable
            columnContentTypes={["text", "text", "text", "text"]}
            headings={[t("consents.email"), t("consents.status"), t("consents.since"), ""]}
            rows={results.map((s) => [
              s.email ?? "—",
              <Badge key="b" tone={statusTone(s.status)}>
                {t(`consents.states.${s.status}` as never)}
              </Badge>,
              when(s.since),
              <Button
                key="o"
                url={withSearch(`/app/consents?q=${encodeURIComponent(query)}&subject=${s.id}`, search)}
                size="slim"
              >
                {t("consents.open")}
              </Button>,
            ])}
          />
        )}
      </BlockStack>
    </Card>
  );
}
