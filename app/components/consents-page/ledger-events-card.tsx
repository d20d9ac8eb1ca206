// The shop's ledger, newest first, filtered by source, kind and days, a page at a time, and its
// filtered CSV.
import { Form, Link, useNavigate } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Pagination,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { ListEmptyState } from "~/components/list-empty-state";
import { withSearch } from "~/components/nav-items";
import { formatDateTime } from "~/i18n/format-date";
import type { Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/translate";
import { type LedgerFilter, ledgerFilterSearch } from "~/services/consent-filters";
import type { LEDGER_FILTER_OPTIONS } from "~/services/consent-filters.server";
import type { ConsentsView } from "./kit";

export function LedgerEventsCard(props: {
  query: string;
  filter: LedgerFilter;
  options: typeof LEDGER_FILTER_OPTIONS;
  recent: ConsentsView["recent"];
  locale: Locale;
  t: Translate;
  search: string;
  downloading: boolean;
  downloadCsv: (filtered: boolean) => void;
}) {
  const { query, filter, options, recent, locale, t, search } = props;
  const navigate = useNavigate();
  const [from, setFrom] = useState(filter.from ?? "");
  const [to, setTo] = useState(filter.to ?? "");
  /** The page with these ledger filters (the search and the open subject kept). */
  const consentsUrl = (next: LedgerFilter) => {
    const params = new URLSearchParams(ledgerFilterSearch(next));
    if (query) params.set("q", query);
    const qs = params.toString();
    return withSearch(`/app/consents${qs ? `?${qs}` : ""}`, search);
  };
  const applyFilter = (change: Partial<LedgerFilter>) =>
    navigate(consentsUrl({ ...filter, before: undefined, ...change }));
  const filtered = ledgerFilterSearch(filter, false);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("ledgerList.title")}
        </Text>
        <Text as="p" tone="subdued">
          {t("ledgerList.help")}
        </Text>
        <InlineStack gap="300" wrap blockAlign="end">
          <Select
            label={t("ledgerList.source")}
            name="source"
            value={filter.source ?? ""}
            onChange={(value) => applyFilter({ source: value || undefined })}
            options={[
              { label: t("ledgerList.anySource"), value: "" },
              ...options.sources.map((source) => ({
                label: t(`ledgerList.sources.${source}` as never),
                value: source,
              })),
            ]}
          />
          <Select
            label={t("ledgerList.kind")}
            name="kind"
            value={filter.kind ?? ""}
            onChange={(value) => applyFilter({ kind: value || undefined })}
            options={[
              { label: t("ledgerList.anyKind"), value: "" },
              ...options.kinds.map((kind) => ({
                label: t(`ledgerList.kinds.${kind}` as never),
                value: kind,
              })),
            ]}
          />
          <Form
            method="get"
            onSubmit={(event) => {
              event.preventDefault();
              applyFilter({ from: from || undefined, to: to || undefined });
            }}
          >
            <InlineStack gap="200" blockAlign="end">
              <TextField
                label={t("ledgerList.from")}
                type="date"
                name="from"
                value={from}
                onChange={setFrom}
                autoComplete="off"
              />
              <TextField
                label={t("ledgerList.to")}
                type="date"
                name="to"
                value={to}
                onChange={setTo}
                autoComplete="off"
              />
              <Button submit>{t("ledgerList.apply")}</Button>
            </InlineStack>
          </Form>
        </InlineStack>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("ledgerList.timeZone", { zone: recent.timeZone })}
        </Text>
        {recent.events.length === 0 ? (
          filtered ? (
            <ListEmptyState
              testId="ledger-no-match"
              heading={t("emptyStates.ledgerFiltered.heading")}
              help={t("emptyStates.ledgerFiltered.help")}
              action={{
                content: t("emptyStates.clearFilters"),
                url: withSearch("/app/consents", search),
              }}
            />
          ) : (
            <ListEmptyState
              testId="ledger-empty"
              heading={t("emptyStates.ledger.heading")}
              help={t("emptyStates.ledger.help")}
              action={{
                content: t("emptyStates.ledger.action"),
                url: withSearch("/app/backfill", search),
              }}
            />
          )
        ) : (
          <div data-testid="ledger-events">
            <DataTable
              columnContentTypes={["numeric", "text", "text", "text", "text", "text"]}
              headings={[
                "#",
                t("consents.when"),
                t("ledgerList.kind"),
                t("ledgerList.source"),
                t("ledgerList.purpose"),
                t("consents.email"),
              ]}
              rows={recent.events.map((e) => [
                e.seq,
                formatDateTime(locale, e.occurredAt, { timeZone: recent.timeZone }),
                t(`ledgerList.kinds.${e.kind}` as never),
                t(`ledgerList.sources.${e.source}` as never),
                // A purpose in words: the banner's own title for a tracker purpose.
                e.purpose === "newsletter"
                  ? t("ledgerList.newsletter")
                  : t(`banner.purposes.${e.purpose.replace(/^tracking_/, "")}.title` as never),
                e.subjectId ? (
                  <Link
                    key="s"
                    to={withSearch(
                      `/app/consents?q=${encodeURIComponent(e.email ?? "")}&subject=${e.subjectId}`,
                      search,
                    )}
                  >
                    {e.email ?? t("consents.pseudonymised")}
                  </Link>
                ) : (
                  (e.email ?? (e.pseudonymised ? t("consents.pseudonymised") : "—"))
                ),
              ])}
            />
          </div>
        )}
        <InlineStack align="space-between" blockAlign="center">
          <Pagination
            hasPrevious={Boolean(filter.before)}
            onPrevious={() => navigate(consentsUrl({ ...filter, before: undefined }))}
            hasNext={recent.next !== null}
            onNext={() => navigate(consentsUrl({ ...filter, before: recent.next ?? undefined }))}
          />
          <Button onClick={() => props.downloadCsv(true)} loading={props.downloading}>
            {t("ledgerList.exportFiltered")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
