import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineStack, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import { ConfirmAction, maskEmail } from "~/components/confirm-action";
import { ListEmptyState } from "~/components/list-empty-state";
import { withSearch } from "~/components/nav-items";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { decidePaymentCheck, listPaymentChecks } from "~/services/payment-checks.server";

const DecisionSchema = z.object({
  checkId: z.string().min(1).max(100),
  outcome: z.enum(["cleared", "order_refused"]),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  return { checks: await listPaymentChecks(context.db, shop.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = DecisionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return Response.json({ ok: false }, { status: 400 });
  const decided = await decidePaymentCheck(context.db, shop, staffId, form.data.checkId, form.data.outcome);
  return Response.json({ ok: decided !== null }, { status: decided ? 200 : 409 });
}

export default function PaymentChecks() {
  const { checks } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { search } = useLocation();
  const dates = useDates();
  const when = (iso: string) => dates.dateTime(iso);
  return (
    <Page
      title={t("paymentChecks.title")}
      backAction={{ content: t("requests.title"), url: withSearch("/app/requests", search) }}
    >
      <BlockStack gap="400">
        <Text as="p" tone="subdued">
          {t("paymentChecks.help")}
        </Text>
        {checks.length === 0 && (
          <ListEmptyState
            testId="payment-checks-empty"
            heading={t("emptyStates.paymentChecks.heading")}
            help={t("emptyStates.paymentChecks.help")}
            action={{
              content: t("emptyStates.paymentChecks.action"),
              url: withSearch("/app/requests", search),
            }}
          />
        )}
        {checks.map((c) => (
          <Card key={c.id}>
            <BlockStack gap="200">
              <InlineStack align="space-between">
                <Text as="h2" variant="headingSm">{`${t("paymentChecks.order")} ${c.orderRef}`}</Text>
                <Badge
                  tone={
                    c.status === "order_refused"
                      ? "critical"
                      : c.status === "cleared"
                        ? "success"
                        : "attention"
                  }
                >
                  {t(`paymentChecks.statuses.${c.status}` as never)}
                </Badge>
              </InlineStack>
              <Text
                as="p"
                tone="subdued"
              >{`${c.reason} · ${when(c.createdAt)}${c.email ? ` · ${c.email}` : ""}`}</Text>
              {c.documents.map((d) => (
                <a
                  key={d.id}
                  href={withSearch(`/app/documents/${d.id}`, search)}
                  target="_blank"
                  rel="noreferrer"
                >
                  {t("paymentChecks.view")} {d.name}
                </a>
              ))}
              {(c.status === "documents_received" ||
                c.status === "documents_requested" ||
                c.status === "open") && (
                <InlineStack gap="200">
                  <Form method="post">
                    <input type="hidden" name="checkId" value={c.id} />
                    <input type="hidden" name="outcome" value="cleared" />
                    <Button submit>{t("paymentChecks.clear")}</Button>
                  </Form>
                  <ConfirmAction
                    intent="order_refused"
                    fields={{ checkId: c.id, outcome: "order_refused" }}
                    label={t("paymentChecks.refuse")}
                    title={t("confirm.refuseOrder.title")}
                    confirm={t("confirm.refuseOrder.action")}
                    critical
                    body={
                      <BlockStack gap="200">
                        <Text as="p">
                          {t("confirm.refuseOrder.body", {
                            order: c.orderRef,
                            who: c.email ? maskEmail(c.email) : t("confirm.someone"),
                          })}
                        </Text>
                        <Text as="p" tone="subdued">
                          {t("confirm.refuseOrder.after")}
                        </Text>
                      </BlockStack>
                    }
                  />
                </InlineStack>
              )}
            </BlockStack>
          </Card>
        ))}
      </BlockStack>
    </Page>
  );
}
