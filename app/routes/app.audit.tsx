import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineGrid,
  InlineStack,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { ListEmptyState } from "~/components/list-empty-state";
import { withSearch } from "~/components/nav-items";
import { TechnicalDetail } from "~/components/technical-detail";
import { formatDateTime } from "~/i18n/format-date";
import type { Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/translate";
import { translateDynamic } from "~/i18n/translate";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { type AuditVerification, requestAuditVerification } from "~/services/audit-chain.server";
import {
  AUDIT_ACTIONS,
  AUDIT_ACTOR_TYPES,
  listAuditEvents,
  parseAuditQuery,
} from "~/services/audit-log.server";

const ActionSchema = z.object({ intent: z.literal("verify") });
const KEPT = ["locale", "host", "shop", "embedded"] as const;
const FILTERS = ["actor", "who", "action", "ref", "from", "to"] as const;
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

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  const { filter, before } = parseAuditQuery(new URL(request.url).searchParams);
  const page = await listAuditEvents(context.db, shop.id, filter, before);
  return {
    filter,
    isFirstPage: before === undefined,
    next: page.next,
    timeZone: page.timeZone,
    actions: AUDIT_ACTIONS,
    actors: AUDIT_ACTOR_TYPES,
    verification: {
      ...page.verification,
      verifiedAt: page.verification.verifiedAt?.toISOString() ?? null,
    },
    events: page.events.map((event) => ({ ...event, createdAt: event.createdAt.toISOString() })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return Response.json({ queued: false }, { status: 400 });
  await requestAuditVerification(context.db, shop, staffId);
  return { queued: true };
}

/** The words for an action; an action the catalogues do not know yet still reads as one. */
function actionLabel(locale: Locale, t: Translate, code: string) {
  const label = translateDynamic(locale, "auditAction", code);
  return label === code ? t("audit.otherAction", { code }) : label;
}

function breakText(t: Translate, result: Extract<AuditVerification, { ok: false }>) {
  const { seq, entryId, reason } = result.brokenAt;
  if (seq === null) return t("audit.reasons.insertedOutside", { id: entryId ?? "" });
  return t(`audit.reasons.${reason}`, { seq });
}

export default function AuditLog() {
  const data = useLoaderData<typeof loader>();
  const queued = useActionData<typeof action>();
  const navigation = useNavigation();
  const { locale, t } = useTranslation();
  const { search } = useLocation();
  const [fields, setFields] = useState(() =>
    Object.fromEntries(FILTERS.map((name) => [name, data.filter[name] ?? ""])),
  );
  const set = (name: (typeof FILTERS)[number]) => (value: string) =>
    setFields((f) => ({ ...f, [name]: value }));
  const current = new URLSearchParams(search);
  const filterQuery = new URLSearchParams(
    FILTERS.flatMap((name) => (data.filter[name] ? [[name, data.filter[name] as string]] : [])),
  ).toString();
  const withFilters = (path: string) =>
    withSearch(filterQuery ? `${path}${path.includes("?") ? "&" : "?"}${filterQuery}` : path, search);
  const when = (iso: string | null) =>
    formatDateTime(locale, iso, { seconds: true, timeZone: data.timeZone });
  const result = data.verification.result;
  const [downloading, setDownloading] = useState(false);

  async function downloadCsv() {
    // fetch (not a link): in the Shopify admin, App Bridge adds the session token to fetch calls.
    setDownloading(true);
    try {
      const response = await fetch(withFilters("/app/audit.csv"));
      const href = URL.createObjectURL(await response.blob());
      const a = Object.assign(document.createElement("a"), { href, download: "audit-log.csv" });
      a.click();
      URL.revokeObjectURL(href);
    } finally {
      setDownloading(false);
    }
  }
  const actionOptions = [
    { label: t("audit.anyAction"), value: "" },
    ...data.actions
      .map((code) => ({ label: actionLabel(locale, t, code), value: code }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
  ];

  const target = (event: (typeof data.events)[number]) => {
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
    <Page
      title={t("audit.title")}
      pagination={{
        hasPrevious: !data.isFirstPage,
        // No link where there is no previous page (a disabled link has no role to name).
        previousURL: data.isFirstPage ? undefined : withFilters("/app/audit"),
        hasNext: data.next !== null,
        nextURL: data.next ? withFilters(`/app/audit?before=${data.next}`) : undefined,
      }}
    >
      <BlockStack gap="400">
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("audit.chainTitle")}
            </Text>
            <Text as="p" tone="subdued">
              {t("audit.chainHelp")}
            </Text>
            <Banner tone={result === null ? "info" : result.ok ? "success" : "critical"}>
              <span data-testid="audit-verification">
                {result === null
                  ? t("audit.neverVerified")
                  : result.ok
                    ? t("audit.intact", { count: result.count, at: when(data.verification.verifiedAt) })
                    : t("audit.broken", {
                        problem: breakText(t, result),
                        at: when(data.verification.verifiedAt),
                      })}
              </span>
            </Banner>
            {queued?.queued && <Banner tone="info">{t("audit.verifyQueued")}</Banner>}
            <Form method="post">
              <input type="hidden" name="intent" value="verify" />
              <Button submit loading={navigation.formData?.get("intent") === "verify"}>
                {t("audit.verify")}
              </Button>
            </Form>
          </BlockStack>
        </Card>
        <Card>
          <Form method="get" action="/app/audit">
            {KEPT.map((name) =>
              current.get(name) ? (
                <input key={name} type="hidden" name={name} value={current.get(name) ?? ""} />
              ) : null,
            )}
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
                <Button onClick={downloadCsv} loading={downloading}>
                  {t("audit.download")}
                </Button>
              </InlineStack>
              <Text as="p" tone="subdued">
                {t("audit.downloadHelp")}
              </Text>
            </BlockStack>
          </Form>
        </Card>
        <Card>
          <BlockStack gap="300">
            <Text as="p" tone="subdued">
              {t("audit.help")}
            </Text>
            {data.events.length === 0 ? (
              filterQuery ? (
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
                rows={data.events.map((event) => [
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
      </BlockStack>
    </Page>
  );
}
