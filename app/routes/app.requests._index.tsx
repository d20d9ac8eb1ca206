import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useNavigate } from "@remix-run/react";
import { Badge, Card, DataTable, EmptyState, Page, Tabs, Text } from "@shopify/polaris";
import { DeadlineBadge } from "~/components/deadline-badge";
import { withSearch } from "~/components/nav-items";
import { REQUEST_TYPE_INFO, type RequestType } from "~/domain/requests/request-types";
import { formatLocalDate } from "~/i18n/format-date";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { QUEUE_FILTERS, type QueueFilter } from "~/services/requests/queue-filters";
import { listRequests } from "~/services/requests/request-queue.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  const param = new URL(request.url).searchParams.get("filter");
  const filter: QueueFilter = QUEUE_FILTERS.includes(param as QueueFilter) ? (param as QueueFilter) : "open";
  return { filter, requests: await listRequests(context.db, shop.id, filter) };
}

export default function Requests() {
  const { filter, requests } = useLoaderData<typeof loader>();
  const { locale, t } = useTranslation();
  const { search } = useLocation();
  const navigate = useNavigate();
  const day = (value: string) => formatLocalDate(locale, value, "medium");
  const tabs = QUEUE_FILTERS.map((id) => ({ id, content: t(`requests.filters.${id}` as never) }));
  return (
    <Page
      title={t("requests.title")}
      primaryAction={{ content: t("requests.new"), url: withSearch("/app/requests/new", search) }}
      secondaryActions={[
        { content: t("requests.outbox"), url: withSearch("/app/outbox", search) },
        { content: t("paymentChecks.title"), url: withSearch("/app/payment-checks", search) },
      ]}
    >
      <Card padding="0">
        <Tabs
          tabs={tabs}
          selected={QUEUE_FILTERS.indexOf(filter)}
          onSelect={(index) => navigate(withSearch(`/app/requests?filter=${QUEUE_FILTERS[index]}`, search))}
        />
        {requests.length === 0 ? (
          <EmptyState heading={t("requests.empty")} image="">
            <Text as="p">{t("requests.emptyHelp")}</Text>
          </EmptyState>
        ) : (
          <DataTable
            columnContentTypes={["text", "text", "text", "text", "text", "text"]}
            headings={[
              t("requests.reference"),
              t("requests.type"),
              t("requests.requester"),
              t("requests.received"),
              t("requests.due"),
              t("requests.state"),
            ]}
            rows={requests.map((r) => [
              <Link
                key="ref"
                to={withSearch(`/app/requests/${r.id}`, search)}
                data-testid={`request-${r.reference}`}
              >
                {r.reference}
              </Link>,
              REQUEST_TYPE_INFO[r.type as RequestType].label[locale],
              r.requesterEmail ??
                t(r.channel === "retention" ? "requests.viaRetention" : "requests.viaShopify"),
              day(r.receivedOn),
              <span key="due">
                {day(r.dueDate)} <DeadlineBadge status={r.deadline} daysLeft={r.daysLeft} />
              </span>,
              <span key="state">
                <Badge>{t(`requests.states.${r.state}` as never)}</Badge>{" "}
                {r.restricted && (
                  <span data-testid={`restricted-${r.reference}`}>
                    <Badge tone="warning">{t("restriction.badge")}</Badge>
                  </span>
                )}
              </span>,
            ])}
          />
        )}
      </Card>
    </Page>
  );
}
