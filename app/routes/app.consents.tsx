// The Consents page: find a shopper and their consent history, the shop's ledger (filtered, paged,
// exported) and its verification, and the consent rate. The page service loads it
// (loadConsentsPage in app/services/consent-admin.server.ts); each card is in
// app/components/consents-page/.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Card, Layout, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import { ConsentRateChart } from "~/components/consent-rate-chart";
import { LedgerEventsCard } from "~/components/consents-page/ledger-events-card";
import { LedgerVerificationCard } from "~/components/consents-page/ledger-verification-card";
import { SubjectSearchCard } from "~/components/consents-page/subject-search-card";
import { SubjectTimelineCard } from "~/components/consents-page/subject-timeline-card";
import { useCsvDownload } from "~/components/csv-download";
import { withSearch } from "~/components/nav-items";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import {
  loadConsentsPage,
  requestLedgerVerification,
  withdrawByStaff,
} from "~/services/consent-admin.server";
import { ledgerFilterSearch } from "~/services/consent-filters";
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
  const filter = parseLedgerFilter(url.searchParams);
  const page = await loadConsentsPage(context.db, shop.id, { query, subjectId, filter });
  return { query, ...page, filter, options: LEDGER_FILTER_OPTIONS };
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

export default function Consents() {
  const { query, results, timeline, rate, ledger, filter, recent, options } = useLoaderData<typeof loader>();
  const result = useActionData<{ ok: boolean; message: string }>();
  const navigation = useNavigation();
  const { locale, t } = useTranslation();
  const { search } = useLocation();
  const { downloading, download } = useCsvDownload();
  const filteredCsv = ledgerFilterSearch(filter, false);
  const downloadCsv = (filtered: boolean) =>
    download(
      withSearch(`/app/consents/ledger.csv${filtered && filteredCsv ? `?${filteredCsv}` : ""}`, search),
      "consent-ledger.csv",
    );
  const dates = useDates();
  const when = (iso: string | null) => dates.dateTime(iso);

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
          <SubjectSearchCard query={query} results={results} t={t} when={when} search={search} />
        </Layout.Section>

        {timeline && (
          <Layout.Section>
            <SubjectTimelineCard timeline={timeline} locale={locale} t={t} when={when} />
          </Layout.Section>
        )}

        <Layout.Section>
          <LedgerEventsCard
            query={query}
            filter={filter}
            options={options}
            recent={recent}
            locale={locale}
            t={t}
            search={search}
            downloading={downloading}
            downloadCsv={downloadCsv}
          />
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
          <LedgerVerificationCard
            ledger={ledger}
            t={t}
            when={when}
            verifying={navigation.formData?.get("intent") === "verify"}
            downloading={downloading}
            downloadCsv={downloadCsv}
          />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
