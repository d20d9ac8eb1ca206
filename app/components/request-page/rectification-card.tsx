// The rectification card (GDPR art. 16, docs/decisions/068): per system, each field now and
// corrected, then each system's outcome; one approval (confirmed in a modal), a retry per failed
// or stalled system.
import { Form } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { ConfirmAction, listOf } from "~/components/confirm-action";
import type { RectificationPanel } from "~/services/rectification/rectification-view.server";
import type { CardProps } from "./kit";

const TONES = { done: "success", already: "success", not_found: "info", failed: "critical" } as const;

export function RectificationCard({ panel, t, locale, who }: CardProps & { panel: RectificationPanel }) {
  const name = (system: string) =>
    system === "vigie" ? t("receipts.ownRecords") : t(`requests.systems.${system}` as never);
  const changing = panel.systems.filter((s) => s.changes.length > 0);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("rectification.title")}
        </Text>
        {panel.status === "planning" && <Text as="p">{t("rectification.planning")}</Text>}
        {panel.error && (
          <Text as="p" tone="critical">
            {t("rectification.planFailed", { error: panel.error })}
          </Text>
        )}
        {panel.status !== "planning" && <Text as="p">{t("rectification.intro")}</Text>}
        {panel.systems.map((s) => (
          <div key={s.system} data-testid={`rectification-${s.system}`}>
            <BlockStack gap="100">
              <InlineStack gap="200" blockAlign="center">
                <Text as="h3" variant="headingSm">
                  {name(s.system)}
                </Text>
                {s.state && (
                  <Badge tone={s.state in TONES ? TONES[s.state as keyof typeof TONES] : undefined}>
                    {t(`rectification.state.${s.state}` as never)}
                  </Badge>
                )}
                {s.skipped && s.changes.length === 0 && (
                  <Text as="span" tone="subdued">
                    {t(`rectification.skipped.${s.skipped}` as never)}
                  </Text>
                )}
              </InlineStack>
              {s.changes.map((c) => (
                <Text as="p" key={c.field}>
                  <Text as="span" fontWeight="semibold">
                    {t(`receipts.fields.${c.field}` as never)}
                  </Text>
                  {c.to !== null && (
                    <>
                      {" — "}
                      <s>{c.from ?? t("rectification.empty")}</s>
                      {" → "}
                      <span data-testid="rectified-value">{c.to}</span>
                    </>
                  )}
                </Text>
              ))}
              {s.detail && (
                <Text as="p" tone="critical">
                  {s.detail}
                </Text>
              )}
              {(s.state === "failed" || s.stalled) && (
                <Form method="post">
                  <input type="hidden" name="intent" value="retry_rectification" />
                  <input type="hidden" name="system" value={s.system} />
                  <Button submit>{t("rectification.retry")}</Button>
                </Form>
              )}
            </BlockStack>
          </div>
        ))}
        {panel.status === "planned" && (
          <BlockStack gap="100">
            {changing.length === 0 && (
              <Text as="p" tone="subdued">
                {t("rectification.nothingToChange")}
              </Text>
            )}
            <ConfirmAction
              intent="approve_rectification"
              label={t("rectification.approve")}
              title={t("rectification.approveTitle")}
              confirm={t("rectification.approve")}
              primary
              testId="approve-rectification"
              body={
                <BlockStack gap="200">
                  <Text as="p">{t("rectification.approveBody")}</Text>
                  <Text as="p">
                    {who} ·{" "}
                    {listOf(
                      locale,
                      changing.map((s) => name(s.system)),
                    )}
                  </Text>
                </BlockStack>
              }
            />
          </BlockStack>
        )}
        {panel.status === "done" && <Text as="p">{t("rectification.done")}</Text>}
      </BlockStack>
    </Card>
  );
}
