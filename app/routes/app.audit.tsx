import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { BlockStack, Card, DataTable, Page, Text } from "@shopify/polaris";
import { withSearch } from "~/components/nav-items";
import { TechnicalDetail } from "~/components/technical-detail";
import { formatDateTime } from "~/i18n/format-date";
import { translateDynamic } from "~/i18n/translate";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { listAuditEvents, parseAuditCursor } from "~/services/audit-log.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  const before = parseAuditCursor(new URL(request.url).searchParams.get("before"));
  const page = await listAuditEvents(context.db, shop.id, before);
  return {
    next: page.next,
    isFirstPage: !before,
    events: page.events.map((event) => ({ ...event, createdAt: event.createdAt.toISOString() })),
  };
}

export default function AuditLog() {
  const { events, next, isFirstPage } = useLoaderData<typeof loader>();
  const { locale, t } = useTranslation();
  const { search } = useLocation();
  return (
    <Page
      title={t("audit.title")}
      pagination={{
        hasPrevious: !isFirstPage,
        previousURL: withSearch("/app/audit", search),
        hasNext: next !== null,
        nextURL: next ? withSearch(`/app/audit?before=${encodeURIComponent(next)}`, search) : undefined,
      }}
    >
      <Card>
        <BlockStack gap="300">
          <Text as="p" tone="subdued">
            {t("audit.help")}
          </Text>
          {events.length === 0 ? (
            <Text as="p">{t("audit.empty")}</Text>
          ) : (
            <DataTable
              columnContentTypes={["text", "text", "text", "text"]}
              headings={[t("audit.time"), t("audit.actor"), t("audit.action"), t("audit.target")]}
              rows={events.map((event) => [
                formatDateTime(locale, event.createdAt, { seconds: true }),
                translateDynamic(locale, "actor", event.actorType) +
                  (event.actorId ? ` (${event.actorId})` : ""),
                translateDynamic(locale, "auditAction", event.action),
                // What it is about, in words; its id folded away for whoever needs it.
                event.targetType ? (
                  <TechnicalDetail
                    key={event.id}
                    summary={translateDynamic(locale, "auditTarget", event.targetType)}
                  >
                    {`${event.targetType} ${event.targetId ?? ""}`}
                  </TechnicalDetail>
                ) : (
                  "—"
                ),
              ])}
            />
          )}
        </BlockStack>
      </Card>
    </Page>
  );
}
