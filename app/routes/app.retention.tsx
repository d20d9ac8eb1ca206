// Retention (policy §4; GDPR art. 5(1)(e)): the shop's periods, who is past them, and the sweep
// that files their erasures for staff to approve.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Page,
  Text,
} from "@shopify/polaris";
import { z } from "zod";
import { ActionLock } from "~/components/confirm-action";
import { ListEmptyState } from "~/components/list-empty-state";
import { withSearch } from "~/components/nav-items";
import { RetentionApprovals } from "~/components/retention-approvals";
import { RetentionRepermission } from "~/components/retention-repermission";
import { FILTERED_COUNT_CAP, formatCount } from "~/i18n/format-count";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { repermissionProgress, startRepermission } from "~/services/repermission.server";
import {
  approveRetentionErasures,
  plannedRetentionErasures,
  retentionOverview,
  SWEEP_BATCH,
  sweepRetention,
} from "~/services/retention.server";

const FormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("sweep") }),
  z.object({ intent: z.literal("repermission") }),
  // The plans staff were shown: one approved after the page loaded is never approved unseen.
  z.object({
    intent: z.literal("approve"),
    runIds: z.array(z.string().min(1).max(64)).min(1).max(SWEEP_BATCH),
  }),
]);

type ActionResult = { filed?: number; approved?: number; repermission?: true; error?: "invalid" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  const db = context.db;
  const [overview, planned, repermission] = await Promise.all([
    retentionOverview(db, shop.id),
    plannedRetentionErasures(db, shop.id),
    repermissionProgress(db, shop.id),
  ]);
  return { ...overview, planned, repermission, batch: SWEEP_BATCH };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const data = await request.formData();
  const form = FormSchema.safeParse({ intent: data.get("intent"), runIds: data.getAll("runId") });
  if (!form.success) return Response.json({ error: "invalid" } satisfies ActionResult, { status: 400 });
  if (form.data.intent === "repermission") {
    await startRepermission(context.db, shop, staffId);
    return Response.json({ repermission: true } satisfies ActionResult);
  }
  const result: ActionResult =
    form.data.intent === "sweep"
      ? await sweepRetention(context.db, shop, staffId)
      : await approveRetentionErasures(context.db, shop, staffId, form.data.runIds);
  return Response.json(result);
}

export default function Retention() {
  const { policy, counts, due, planned, batch, ordersAccess, unknownLastOrder, restricted, repermission } =
    useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const { search } = useLocation();
  const { locale, t } = useTranslation();
  const dates = useDates();
  return (
    <Page title={t("retention.title")}>
      <ActionLock>
        <BlockStack gap="400">
          {ordersAccess === "recent" && (
            <Banner tone="warning">
              <span data-testid="orders-access-warning">
                {t("ordersAccess.recent")}{" "}
                {unknownLastOrder > 0 &&
                  t("retention.unknownLastOrder", { count: formatCount(unknownLastOrder, locale) })}
              </span>
            </Banner>
          )}
          <Card>
            <BlockStack gap="200">
              <Text as="p">
                {t("retention.policy", {
                  customerYears: policy.customerYearsAfterLastOrder,
                  prospectYears: policy.prospectYears,
                })}
              </Text>
              <InlineStack gap="200">
                <span data-testid="due-customers">
                  <Badge tone={counts.customers > 0 ? "attention" : "success"}>
                    {t("retention.dueCustomers", {
                      count: formatCount(counts.customers, locale, FILTERED_COUNT_CAP),
                    })}
                  </Badge>
                </span>
                <span data-testid="due-prospects">
                  <Badge tone={counts.prospects > 0 ? "attention" : "success"}>
                    {t("retention.dueProspects", {
                      count: formatCount(counts.prospects, locale, FILTERED_COUNT_CAP),
                    })}
                  </Badge>
                </span>
              </InlineStack>

              <Text as="p" tone="subdued">
                {t("retention.next")}
              </Text>
            </BlockStack>
          </Card>
          <RetentionRepermission progress={repermission} started={result?.repermission === true} />
          {typeof result?.approved === "number" && (
            <Banner tone="success">
              <span data-testid="approve-result">{t("retention.approved", { count: result.approved })}</span>
            </Banner>
          )}
          <RetentionApprovals planned={planned} />
          {typeof result?.filed === "number" && (
            <Banner
              tone={result.filed > 0 ? "success" : "info"}
              action={{ content: t("retention.toRequests"), url: withSearch("/app/requests", search) }}
            >
              <span data-testid="sweep-result">
                {result.filed > 0 ? t("retention.swept", { count: result.filed }) : t("retention.sweptNone")}
              </span>
            </Banner>
          )}
          {due.length > 0 && (
            <Card>
              <BlockStack gap="200">
                <Text as="p">{t("retention.sweepHelp", { batch })}</Text>
                <Form method="post">
                  <input type="hidden" name="intent" value="sweep" />
                  <Button
                    submit
                    variant="primary"
                    tone="critical"
                    loading={navigation.formData?.get("intent") === "sweep"}
                  >
                    {t("retention.sweep")}
                  </Button>
                </Form>
              </BlockStack>
            </Card>
          )}
          <Card>
            {due.length === 0 ? (
              <ListEmptyState
                testId="retention-empty"
                heading={t("emptyStates.retention.heading")}
                help={t("emptyStates.retention.help")}
                action={{
                  content: t("emptyStates.retention.action"),
                  url: withSearch("/app/settings", search),
                }}
              />
            ) : (
              <DataTable
                columnContentTypes={["text", "text", "text"]}
                headings={[t("retention.who"), t("retention.reason"), t("retention.since")]}
                rows={due.map((subject) => [
                  subject.email ?? `#${subject.shopifyCustomerId ?? subject.id}`,
                  t(subject.reason === "customer" ? "retention.reasonCustomer" : "retention.reasonProspect"),
                  dates.date(subject.since),
                ])}
              />
            )}
          </Card>
          {restricted.length > 0 && (
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  <span data-testid="retention-restricted">
                    {t("restriction.retentionKept", { count: restricted.length })}
                  </span>
                </Text>
                <Text as="p" tone="subdued">
                  {t("restriction.retentionKeptHelp")}
                </Text>
                <DataTable
                  columnContentTypes={["text", "text"]}
                  headings={[t("retention.who"), t("retention.reason")]}
                  rows={restricted.map((subject) => [
                    subject.requestId ? (
                      <Link key="who" to={withSearch(`/app/requests/${subject.requestId}`, search)}>
                        {subject.email ?? subject.id}
                      </Link>
                    ) : (
                      (subject.email ?? subject.id)
                    ),
                    subject.ground
                      ? t(`restriction.grounds.${subject.ground}` as never)
                      : t("restriction.badge"),
                  ])}
                />
              </BlockStack>
            </Card>
          )}
        </BlockStack>
      </ActionLock>
    </Page>
  );
}
