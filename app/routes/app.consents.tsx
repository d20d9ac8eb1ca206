import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  useNavigate,
  useNavigation,
  useSubmit,
} from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Layout,
  Page,
  Pagination,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { ConfirmAction } from "~/components/confirm-action";
import { ConsentRateChart } from "~/components/consent-rate-chart";
import { ListEmptyState } from "~/components/list-empty-state";
import { withSearch } from "~/components/nav-items";
import { formatDateTime } from "~/i18n/format-date";
import { translateDynamic } from "~/i18n/translate";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import {
  consentRateByMonth,
  consentTimeline,
  lastLedgerVerification,
  listLedgerEvents,
  requestLedgerVerification,
  searchConsentSubjects,
  withdrawByStaff,
} from "~/services/consent-admin.server";
import { type LedgerFilter, ledgerFilterSearch } from "~/services/consent-filters";
import { LEDGER_FILTER_OPTIONS, parseLedgerFilter } from "~/services/consent-filters.server";

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("withdraw"), subjectId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("verify") }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 200);
  const subjectId = url.searchParams.get("subject");
  const db = context.db;
  const filter = parseLedgerFilter(url.searchParams);
  const [results, timeline, rate, ledger, recent] = await Promise.all([
    searchConsentSubjects(db, shop.id, query),
    subjectId ? consentTimeline(db, shop.id, subjectId) : null,
    consentRateByMonth(db, shop.id),
    lastLedgerVerification(db, shop.id),
    listLedgerEvents(db, shop.id, filter),
  ]);
  return { query, results, timeline, rate, ledger, filter, recent, options: LEDGER_FILTER_OPTIONS };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return Response.json({ ok: false, message: "invalid" }, { status: 400 });
  if (form.data.intent === "verify") {
    await requestLedgerVerification(context.db, shop, staffId);
    return { ok: true, message: "verifyQueued" as const };
  }
  const result = await withdrawByStaff({ db: context.db, shop, staffId, subjectId: form.data.subjectId });
  if (!result.found) return Response.json({ ok: false, message: "notFound" }, { status: 404 });
  return { ok: true, message: result.withdrawn ? ("withdrawn" as const) : ("alreadyWithdrawn" as const) };
}

function statusTone(status: string) {
  return status === "subscribed" ? "success" : status === "unsubscribed" ? "critical" : undefined;
}

export default function Consents() {
  const { query, results, timeline, rate, ledger, filter, recent, options } = useLoaderData<typeof loader>();
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
  const filteredCsv = ledgerFilterSearch(filter, false);
  const result = useActionData<{ ok: boolean; message: string }>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const { locale, t } = useTranslation();
  const { search } = useLocation();
  const [q, setQ] = useState(query);
  const [downloading, setDownloading] = useState(false);
  const dates = useDates();
  const when = (iso: string | Date | null) => dates.dateTime(iso);

  async function downloadCsv(filtered: boolean) {
    // fetch (not a link): in the Shopify admin, App Bridge adds the session token to fetch calls.
    setDownloading(true);
    try {
      const response = await fetch(
        withSearch(`/app/consents/ledger.csv${filtered && filteredCsv ? `?${filteredCsv}` : ""}`, search),
      );
      const blob = await response.blob();
      const href = URL.createObjectURL(blob);
      const a = Object.assign(document.createElement("a"), { href, download: "consent-ledger.csv" });
      a.click();
      URL.revokeObjectURL(href);
    } finally {
      setDownloading(false);
    }
  }

  const verification = ledger.result as {
    ok?: boolean;
    count?: number;
    brokenAt?: { seq: number; reason: string };
  } | null;

  return (
    <Page title={t("consents.title")}>
      <Layout>
        {result && (
          <Layout.Section>
            <Banner tone={result.ok ? "success" : "warning"}>
              {t(`consents.messages.${result.message}` as never)}
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
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
        </Layout.Section>

        {timeline && (
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    {timeline.subject.email}
                  </Text>
                  <Badge tone={statusTone(timeline.state?.status ?? "never")}>
                    {t(`consents.states.${timeline.state?.status ?? "never"}` as never)}
                  </Badge>
                </InlineStack>
                {(timeline.state?.status === "subscribed" || timeline.state?.status === "pending") && (
                  <ConfirmAction
                    intent="withdraw"
                    fields={{ subjectId: timeline.subject.id }}
                    label={t("consents.withdraw")}
                    title={t("adminWalk.withdrawTitle")}
                    confirm={t("adminWalk.withdrawConfirm")}
                    critical
                    testId="withdraw-consent"
                    body={
                      <Text as="p">
                        {t("adminWalk.withdrawBody", { email: timeline.subject.email ?? "" })}
                      </Text>
                    }
                  />
                )}
                <DataTable
                  columnContentTypes={["numeric", "text", "text", "text", "text"]}
                  headings={[
                    "#",
                    t("consents.when"),
                    t("consents.event"),
                    t("consents.proof"),
                    t("consents.synced"),
                  ]}
                  rows={timeline.events.map((e) => [
                    e.seq,
                    when(e.occurredAt),
                    `${t(`consents.kinds.${e.kind}` as never)} · ${translateDynamic(locale, "consentSource", e.source)} · ${t(`consents.bases.${e.lawfulBasis}` as never)}`,
                    <div key="p" style={{ whiteSpace: "normal", maxWidth: "28rem" }}>
                      {e.wording && (
                        <div>
                          « {e.wording} » ({e.wordingLocale})
                        </div>
                      )}
                      <Text as="span" tone="subdued" variant="bodySm">
                        {[
                          e.noticeVersion && `${t("consents.notice")} ${e.noticeVersion}`,
                          e.privacyNoticeVersion &&
                            t("consents.noticeInForce", { version: e.privacyNoticeVersion }),
                          e.orderId && `${t("consents.order")} ${e.orderId}`,
                          e.confirmsEventId &&
                            t("consents.confirms", {
                              seq: timeline.events.find((x) => x.id === e.confirmsEventId)?.seq ?? "?",
                            }),
                          e.ipPrefix && `IP ${e.ipPrefix}`,
                          e.userAgent,
                          e.actor && `${t("actor.staff")} ${e.actor}`,
                          e.pseudonymised && t("consents.pseudonymised"),
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </Text>
                    </div>,
                    e.syncs.length === 0
                      ? "—"
                      : e.syncs.map((sync) => `${sync.system}: ${sync.outcome ?? sync.status}`).join(", "),
                  ])}
                />
              </BlockStack>
            </Card>
          </Layout.Section>
        )}

        <Layout.Section>
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
                filteredCsv ? (
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
                <Button onClick={() => downloadCsv(true)} loading={downloading}>
                  {t("ledgerList.exportFiltered")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("consents.rateTitle")}
              </Text>
              <ConsentRateChart months={rate} />
            </BlockStack>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("consents.ledgerTitle")}
              </Text>
              <Text as="p" tone="subdued">
                {t("consents.ledgerHelp", { count: ledger.events })}
              </Text>
              {verification && (
                <Banner tone={verification.ok ? "success" : "critical"}>
                  <span data-testid="ledger-verification">
                    {verification.ok
                      ? t("consents.verifiedOk", {
                          count: verification.count ?? 0,
                          at: when(ledger.verifiedAt),
                        })
                      : t("consents.verifiedBroken", {
                          seq: verification.brokenAt?.seq ?? 0,
                          reason: verification.brokenAt?.reason ?? "",
                          at: when(ledger.verifiedAt),
                        })}
                  </span>
                </Banner>
              )}
              <InlineStack gap="200">
                <Form method="post">
                  <input type="hidden" name="intent" value="verify" />
                  <Button submit loading={navigation.formData?.get("intent") === "verify"}>
                    {t("consents.verify")}
                  </Button>
                </Form>
                <Button onClick={() => downloadCsv(false)} loading={downloading}>
                  {t("consents.exportCsv")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
