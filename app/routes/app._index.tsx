import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { z } from "zod";
import { withSearch } from "~/components/nav-items";
import { TechnicalDetail } from "~/components/technical-detail";
import { COUNT_CAP, formatCount, WEBHOOKS_COUNT_CAP } from "~/i18n/format-count";
import { jobWork } from "~/i18n/translate";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { JOB_STATUSES } from "~/jobs/queue/job-status";
import { requireAdmin } from "~/services/admin-auth.server";
import { getDashboard } from "~/services/dashboard.server";
import { retryJob } from "~/services/retry-job.server";

/** An item's admin path with the embedded app's query kept (before any #fragment). */
function adminLink(path: string, search: string) {
  const [pathname = path, fragment] = path.split("#");
  return `${withSearch(pathname, search)}${fragment ? `#${fragment}` : ""}`;
}

const RetryFormSchema = z.object({ intent: z.literal("retry"), jobId: z.string().min(1).max(100) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  const dashboard = await getDashboard(context.db, shop);
  return {
    ...dashboard,
    deadJobs: dashboard.deadJobs.map((job) => ({
      ...job,
      finishedAt: job.finishedAt?.toISOString() ?? null,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = RetryFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return Response.json({ retried: false }, { status: 400 });
  const retried = await retryJob({ db: context.db, shop, staffId, jobId: form.data.jobId });
  return Response.json({ retried }, { status: retried ? 200 : 409 });
}

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<{ retried: boolean }>();
  const navigation = useNavigation();
  const { locale, t } = useTranslation();
  const dates = useDates();
  const formatDate = (iso: string | null) => dates.dateTime(iso);
  const { search } = useLocation();
  const chain = data.auditChain.result;

  return (
    <Page title={t("dashboard.title")}>
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("dashboard.attentionTitle")}
              </Text>
              <div data-testid="attention">
                {data.attention.length === 0 ? (
                  <Text as="p" tone="subdued">
                    {t("dashboard.attentionEmpty")}
                  </Text>
                ) : (
                  <BlockStack gap="300">
                    {data.attention.map((section) => (
                      <BlockStack gap="100" key={section.id}>
                        <Text as="h3" variant="headingSm">
                          <span data-testid={`attention-${section.id}`}>
                            {section.title[locale]} ({section.total})
                          </span>
                        </Text>
                        <ul style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
                          {section.items.map((item) => (
                            <li key={`${item.path}-${item.text.en}`}>
                              <Link to={adminLink(item.path, search)}>{item.text[locale]}</Link>
                            </li>
                          ))}
                        </ul>
                        {section.total > section.items.length && (
                          <Text as="p" tone="subdued" variant="bodySm">
                            {t("dashboard.attentionMore", { count: section.total - section.items.length })}
                          </Text>
                        )}
                      </BlockStack>
                    ))}
                  </BlockStack>
                )}
              </div>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
            {(
              [
                ["openRequests", data.requests.open],
                ["dueThisWeek", data.requests.dueThisWeek],
                ["overdue", data.requests.overdue],
                ["subjects", data.subjects],
                ["auditEvents", data.auditEvents],
                ["webhooks7d", data.webhooks7d],
              ] as const
            ).map(([key, value]) => (
              <Card key={key}>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingSm" tone="subdued">
                    {t(`dashboard.${key}` as const)}
                  </Text>
                  <Text as="p" variant="heading2xl">
                    <span data-testid={`count-${key}`}>
                      {formatCount(value, locale, key === "webhooks7d" ? WEBHOOKS_COUNT_CAP : COUNT_CAP)}
                    </span>
                  </Text>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {t("dashboard.auditChainTitle")}
              </Text>
              <InlineStack gap="300" blockAlign="center">
                <span data-testid="audit-chain-status">
                  <Badge tone={chain === null ? undefined : chain.ok ? "success" : "critical"}>
                    {chain === null
                      ? t("dashboard.auditNever")
                      : chain.ok
                        ? t("dashboard.auditIntact")
                        : chain.brokenAt.seq === null
                          ? t("dashboard.auditBrokenOutside")
                          : t("dashboard.auditBroken", { seq: chain.brokenAt.seq })}
                  </Badge>
                </span>
                {data.auditChain.verifiedAt && (
                  <Text as="span" tone="subdued">
                    {t("dashboard.auditVerifiedAt", { at: formatDate(data.auditChain.verifiedAt) })}
                  </Text>
                )}
                <Link to={withSearch("/app/audit", search)}>{t("dashboard.auditOpen")}</Link>
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("dashboard.jobsTitle")}
              </Text>
              <Text as="p" tone="subdued">
                {t("dashboard.jobsHelp", {
                  succeededDays: data.jobsKeptDays.succeeded,
                  deadDays: data.jobsKeptDays.dead,
                })}
              </Text>
              <InlineStack gap="300" wrap>
                {JOB_STATUSES.map((status) => (
                  <Badge
                    key={status}
                    tone={
                      data.jobs[status] === 0
                        ? undefined
                        : status === "dead"
                          ? "critical"
                          : status === "failed"
                            ? "warning"
                            : undefined
                    }
                  >
                    {`${t(`jobStatus.${status}`)}${locale === "fr" ? "\u00a0: " : ": "}${formatCount(data.jobs[status], locale)}`}
                  </Badge>
                ))}
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <div id="dead-jobs" />
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("dashboard.deadTitle")}
              </Text>
              {result && (
                <Banner tone={result.retried ? "success" : "warning"}>
                  {result.retried ? t("dashboard.retried") : t("dashboard.retryFailed")}
                </Banner>
              )}
              {data.deadJobs.length === 0 ? (
                <Text as="p" tone="subdued">
                  {t("dashboard.deadEmpty")}
                </Text>
              ) : (
                <BlockStack gap="300">
                  {data.deadJobs.map((job) => (
                    <InlineStack key={job.id} gap="300" align="space-between" blockAlign="start" wrap={false}>
                      <BlockStack gap="100">
                        <Text as="p">
                          {t("technical.deadJob", {
                            work: jobWork(locale, job.type),
                            attempts: job.attempts,
                            at: formatDate(job.finishedAt),
                          })}
                        </Text>
                        <TechnicalDetail summary={t("technical.detail")}>
                          {`${t("technical.jobDetail", { type: job.type, id: job.id })}\n${job.lastError ?? ""}`}
                        </TechnicalDetail>
                      </BlockStack>
                      <Form method="post">
                        <input type="hidden" name="intent" value="retry" />
                        <input type="hidden" name="jobId" value={job.id} />
                        <Button submit size="slim" loading={navigation.formData?.get("jobId") === job.id}>
                          {t("dashboard.retry")}
                        </Button>
                      </Form>
                    </InlineStack>
                  ))}
                </BlockStack>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
