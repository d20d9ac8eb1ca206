import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigate } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  DataTable,
  InlineStack,
  Page,
  Select,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { DeadlineBadge } from "~/components/deadline-badge";
import { ListEmptyState } from "~/components/list-empty-state";
import { withSearch } from "~/components/nav-items";
import { REQUEST_TYPE_INFO, REQUEST_TYPES, type RequestType } from "~/domain/requests/request-types";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import {
  DUE_FILTERS,
  parseRequestListQuery,
  QUEUE_FILTERS,
  type RequestListQuery,
  requestListSearch,
  STATE_FILTERS,
} from "~/services/requests/queue-filters";
import { searchRequests } from "~/services/requests/request-list.server";

/** Links made before the filters (?filter=overdue…) open the same view with the new ones. */
function legacyFilter(params: URLSearchParams) {
  const filter = params.get("filter");
  if (!filter || !QUEUE_FILTERS.includes(filter as never)) return params;
  const next = new URLSearchParams(params);
  next.delete("filter");
  if (filter === "closed" || filter === "all") next.set("state", filter);
  else if (filter !== "open") next.set("due", filter);
  return next;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  const query = parseRequestListQuery(legacyFilter(new URL(request.url).searchParams));
  return { query, ...(await searchRequests(context.db, shop.id, query)) };
}

export default function Requests() {
  const { query, requests, next } = useLoaderData<typeof loader>();
  const { locale, t } = useTranslation();
  const { search } = useLocation();
  const navigate = useNavigate();
  const [q, setQ] = useState(query.q ?? "");
  useEffect(() => setQ(query.q ?? ""), [query.q]);
  const dates = useDates();
  const day = (value: string) => dates.day(value);
  const go = (change: Partial<RequestListQuery>) => {
    const qs = requestListSearch({ ...query, after: undefined, ...change });
    navigate(withSearch(`/app/requests${qs ? `?${qs}` : ""}`, search));
  };
  const filtered = Boolean(query.q || query.type || query.due || query.state !== "open");
  const firstPage = requestListSearch({ ...query, after: undefined });
  return (
    <Page
      title={t("requests.title")}
      primaryAction={{ content: t("requests.new"), url: withSearch("/app/requests/new", search) }}
      secondaryActions={[
        { content: t("requests.outbox"), url: withSearch("/app/outbox", search) },
        { content: t("paymentChecks.title"), url: withSearch("/app/payment-checks", search) },
      ]}
      pagination={{
        hasPrevious: Boolean(query.after),
        previousURL: query.after
          ? withSearch(`/app/requests${firstPage ? `?${firstPage}` : ""}`, search)
          : undefined,
        hasNext: next !== null,
        nextURL: next
          ? withSearch(`/app/requests?${requestListSearch({ ...query, after: next })}`, search)
          : undefined,
      }}
    >
      <Card padding="0">
        <Box padding="400">
          <BlockStack gap="300">
            <Form
              method="get"
              onSubmit={(event) => {
                event.preventDefault();
                go({ q: q.trim() || undefined });
              }}
            >
              <InlineStack gap="200" blockAlign="end">
                <div style={{ flexGrow: 1 }}>
                  <TextField
                    label={t("requestList.searchLabel")}
                    name="q"
                    value={q}
                    onChange={setQ}
                    autoComplete="off"
                    placeholder={t("requestList.searchPlaceholder")}
                    helpText={t("requestList.searchHelp")}
                  />
                </div>
                <Button submit>{t("requestList.search")}</Button>
              </InlineStack>
            </Form>
            <InlineStack gap="300" wrap>
              <Select
                label={t("requests.type")}
                name="type"
                value={query.type ?? ""}
                onChange={(value) => go({ type: (value || undefined) as RequestType | undefined })}
                options={[
                  { label: t("requestList.anyType"), value: "" },
                  ...REQUEST_TYPES.map((type) => ({
                    label: REQUEST_TYPE_INFO[type].label[locale],
                    value: type,
                  })),
                ]}
              />
              <Select
                label={t("requests.state")}
                name="state"
                value={query.state}
                onChange={(value) => go({ state: value as RequestListQuery["state"] })}
                options={STATE_FILTERS.map((state) => ({
                  label: t(`requestList.states.${state}` as never),
                  value: state,
                }))}
              />
              <Select
                label={t("requests.due")}
                name="due"
                value={query.due ?? ""}
                onChange={(value) => go({ due: (value || undefined) as RequestListQuery["due"] })}
                options={[
                  { label: t("requestList.anyDue"), value: "" },
                  ...DUE_FILTERS.map((due) => ({ label: t(`requestList.due.${due}` as never), value: due })),
                ]}
              />
            </InlineStack>
          </BlockStack>
        </Box>
        {requests.length === 0 ? (
          filtered ? (
            <ListEmptyState
              testId="requests-no-match"
              heading={t("requestList.noMatch")}
              help={t("requestList.noMatchHelp")}
              action={{ content: t("requestList.clear"), url: withSearch("/app/requests", search) }}
            />
          ) : (
            <ListEmptyState
              testId="requests-empty"
              heading={t("requests.empty")}
              help={t("requests.emptyHelp")}
              action={{ content: t("emptyStates.newRequest"), url: withSearch("/app/requests/new", search) }}
            />
          )
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
                <DeadlineBadge status={r.deadline} dueDate={r.dueDate} />
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
