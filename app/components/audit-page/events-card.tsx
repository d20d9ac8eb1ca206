// One page of the audit log: each entry's number, time, actor, action and the record it concerns
// (linked when the admin has a page for it).
import { Link } from "@remix-run/react";
import { BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import { ListEmptyState } from "~/components/list-empty-state";
import { withSearch } from "~/components/nav-items";
import { TechnicalDetail } from "~/components/technical-detail";
import type { Locale } from "~/i18n/locale";
import { type Translate, translateDynamic } from "~/i18n/translate";
import { type AuditView, actionLabel } from "./kit";

const TARGETS = [
  "request",
  "subject",
  "email",
  "job",
  "document",
  "backfill",
  "notice_version",
  "payment_check",
  "register_entry",
  "shop",
  "webhook_receipt",
] as const;

export function AuditEventsCard(props: {
  events: AuditView["events"];
  /** Whether filters are applied (an empty page then says so). */
  filtered: boolean;
  locale: Locale;
  t: Translate;
  search: string;
  when: (iso: string | null) => string;
}) {
  const { events, locale, t, search, when } = props;
  const target = (event: AuditView["events"][number]) => {
    if (!event.targetType) return "—";
    const label = (TARGETS as readonly string[]).includes(event.targetType)
      ? t(`audit.targets.${event.targetType as (typeof TARGETS)[number]}`)
      : t("audit.targets.other");
    if (!event.targetId) return `${label} · ${t("audit.unlinked")}`;
    const to =
      event.targetType === "request"
        ? `/app/requests/${event.targetId}`
        : event.targetType === "subject"
          ? `/app/consents?subject=${encodeURIComponent(event.targetId)}`
          : null;
    // The record's id is for support and for re-verifying the CSV: folded away (docs/decisions/054).
    return (
      <>
        {to ? (
          <Link to={withSearch(to, search)} data-testid="audit-target-link">
            {label}
          </Link>
        ) : (
          label
        )}
        <TechnicalDetail summary={t("technical.detail")}>{event.targetId}</TechnicalDetail>
      </>
    );
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="p" tone="subdued">
          {t("audit.help")}
        </Text>
        {events.length === 0 ? (
          props.filtered ? (
            <ListEmptyState
              testId="audit-no-match"
              heading={t("emptyStates.auditFiltered.heading")}
              help={t("emptyStates.auditFiltered.help")}
              action={{ content: t("emptyStates.clearFilters"), url: withSearch("/app/audit", search) }}
            />
          ) : (
            <ListEmptyState
              testId="audit-empty"
              heading={t("emptyStates.audit.heading")}
              help={t("emptyStates.audit.help")}
            />
          )
        ) : (
          <DataTable
            columnContentTypes={["numeric", "text", "text", "text", "text"]}
            headings={[
              t("audit.entry"),
              t("audit.time"),
              t("audit.actor"),
              t("audit.action"),
              t("audit.target"),
            ]}
            rows={events.map((event) => [
              event.seq,
              when(event.createdAt),
              translateDynamic(locale, "actor", event.actorType) +
                (event.actorId ? ` (${event.actorId})` : ""),
              actionLabel(locale, t, event.action),
              target(event),
            ])}
          />
        )}
      </BlockStack>
    </Card>
  );
}
