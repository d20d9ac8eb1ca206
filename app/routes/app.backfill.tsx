// Import from Shopify (docs/decisions/046, 070): the shop's customers and orders, then the orders
// placed without an account, read through bulk operations; its progress, and a button to run it again.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, Page, ProgressBar, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { ListEmptyState } from "~/components/list-empty-state";
import { AppError } from "~/domain/errors";
import { appErrorResponse, type RefusedAction } from "~/http/app-error-response.server";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { backfillStatus, requestBackfill } from "~/services/backfill/backfill.server";

const FormSchema = z.object({ intent: z.literal("run") });

type ActionResult = { started: true } | { error: "invalid" } | RefusedAction;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  return backfillStatus(context.db, shop.id);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = FormSchema.safeParse({ intent: (await request.formData()).get("intent") });
  if (!form.success) return Response.json({ error: "invalid" } satisfies ActionResult, { status: 400 });
  try {
    await requestBackfill(context.db, shop, staffId);
    return Response.json({ started: true } satisfies ActionResult);
  } catch (error) {
    if (error instanceof AppError) return appErrorResponse(error);
    throw error;
  }
}

const ACTIVE = new Set(["starting", "running", "importing"]);

export default function Backfill() {
  const { latest, ordersAccess } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const { locale, t } = useTranslation();
  const dates = useDates();
  const date = { format: (instant: Date) => dates.dateTime(instant) };
  const number = new Intl.NumberFormat(locale);
  const active = latest !== null && ACTIVE.has(latest.status);
  // While it runs, the page follows it.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
  const percent =
    latest?.objectCount && latest.objectCount > 0
      ? Math.min(100, Math.round((latest.linesDone / latest.objectCount) * 100))
      : latest?.status === "done"
        ? 100
        : 0;
  return (
    <Page title={t("backfill.title")}>
      <BlockStack gap="400">
        {ordersAccess === "recent" && (
          <Banner tone="warning">
            <span data-testid="orders-access-warning">{t("ordersAccess.recent")}</span>
          </Banner>
        )}
        {result && "started" in result && <Banner tone="success">{t("backfill.started")}</Banner>}
        {result && "ok" in result && <Banner tone="warning">{t(`appErrors.${result.error}`)}</Banner>}
        <Card>
          <BlockStack gap="200">
            <Text as="p">{t("backfill.intro")}</Text>
            <Text as="p">{t("guestBackfill.intro")}</Text>
            <Text as="p" tone="subdued">
              {t("backfill.imported")}
            </Text>
          </BlockStack>
        </Card>
        <Card>
          {latest === null ? (
            <ListEmptyState
              testId="backfill-empty"
              heading={t("emptyStates.backfill.heading")}
              help={t("emptyStates.backfill.help")}
            />
          ) : (
            <BlockStack gap="200">
              <span data-testid="backfill-status">
                <Badge
                  tone={
                    latest.status === "done" ? "success" : latest.status === "failed" ? "critical" : "info"
                  }
                >
                  {t(`backfill.status.${latest.status}`)}
                </Badge>
              </span>
              {active && (
                <Text as="p">
                  <span data-testid="backfill-phase">
                    {t("guestBackfill.phase", {
                      step: latest.phase === "guests" ? 2 : 1,
                      label: t(`guestBackfill.phases.${latest.phase}`),
                    })}
                  </span>
                </Text>
              )}
              <ProgressBar progress={percent} size="small" />
              <Text as="p">
                {latest.objectCount
                  ? t("backfill.progress", {
                      lines: number.format(latest.linesDone),
                      total: number.format(latest.objectCount),
                    })
                  : t("backfill.progressUnknown", { lines: number.format(latest.linesDone) })}
              </Text>
              <Text as="p">
                <span data-testid="backfill-counts">
                  {t("backfill.counts", {
                    customers: number.format(latest.customers),
                    orders: number.format(latest.orders),
                    consentStates: number.format(latest.consentStates),
                  })}
                </span>
              </Text>
              {latest.phase === "guests" && (
                <Text as="p">
                  <span data-testid="backfill-guest-counts">
                    {t("guestBackfill.counts", {
                      guestOrders: number.format(latest.guestOrders),
                      guests: number.format(latest.guests),
                    })}
                  </span>
                </Text>
              )}
              <Text as="p" tone="subdued">
                {t("backfill.startedAt", { date: date.format(new Date(latest.createdAt)) })} ·{" "}
                {t(latest.trigger === "install" ? "backfill.trigger.install" : "backfill.trigger.staff")}
                {latest.finishedAt
                  ? ` · ${t("backfill.finishedAt", { date: date.format(new Date(latest.finishedAt)) })}`
                  : ""}
              </Text>
              {latest.status === "failed" && (
                <Banner tone="critical">{t("backfill.failed", { error: latest.error ?? "?" })}</Banner>
              )}
            </BlockStack>
          )}
        </Card>
        {!active && (
          <Form method="post">
            <input type="hidden" name="intent" value="run" />
            <Button submit variant="primary" loading={navigation.state === "submitting"}>
              {latest === null ? t("backfill.runFirst") : t("backfill.run")}
            </Button>
          </Form>
        )}
      </BlockStack>
    </Page>
  );
}
