// The audit log: the chain's verification, the filters and the CSV, and one page of entries. The page
// service is auditPage (app/services/audit-log.server.ts); each card is in app/components/audit-page/.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { BlockStack, Page } from "@shopify/polaris";
import { z } from "zod";
import { ChainCard } from "~/components/audit-page/chain-card";
import { AuditEventsCard } from "~/components/audit-page/events-card";
import { AuditFiltersCard } from "~/components/audit-page/filters-card";
import { AUDIT_FILTERS } from "~/components/audit-page/kit";
import { useCsvDownload } from "~/components/csv-download";
import { withSearch } from "~/components/nav-items";
import { formatDateTime } from "~/i18n/format-date";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { requestAuditVerification } from "~/services/audit-chain.server";
import { auditPage } from "~/services/audit-log.server";

const ActionSchema = z.object({ intent: z.literal("verify") });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  return auditPage(context.db, shop.id, new URL(request.url).searchParams);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return Response.json({ queued: false }, { status: 400 });
  await requestAuditVerification(context.db, shop, staffId);
  return { queued: true };
}

export default function AuditLog() {
  const data = useLoaderData<typeof loader>();
  const queued = useActionData<typeof action>();
  const navigation = useNavigation();
  const { locale, t } = useTranslation();
  const { search } = useLocation();
  const filterQuery = new URLSearchParams(
    AUDIT_FILTERS.flatMap((name) => (data.filter[name] ? [[name, data.filter[name] as string]] : [])),
  ).toString();
  const withFilters = (path: string) =>
    withSearch(filterQuery ? `${path}${path.includes("?") ? "&" : "?"}${filterQuery}` : path, search);
  const when = (iso: string | null) =>
    formatDateTime(locale, iso, { seconds: true, timeZone: data.timeZone });
  const { downloading, download } = useCsvDownload();

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
        <ChainCard
          verification={data.verification}
          queued={Boolean(queued?.queued)}
          verifying={navigation.formData?.get("intent") === "verify"}
          t={t}
          when={when}
        />
        <AuditFiltersCard
          data={data}
          locale={locale}
          t={t}
          search={search}
          downloading={downloading}
          onDownload={() => download(withFilters("/app/audit.csv"), "audit-log.csv")}
        />
        <AuditEventsCard
          events={data.events}
          filtered={filterQuery !== ""}
          locale={locale}
          t={t}
          search={search}
          when={when}
        />
      </BlockStack>
    </Page>
  );
}
