// The notice to recipients (GDPR art. 19): the systems Vigie told through their connectors, and the
// register's other recipients (carriers…) for staff to inform and mark.
import { Form } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type { CardProps } from "./kit";

export function RecipientsCard({ data, locale, t, when, busy }: CardProps) {
  if (data.recipients.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("restriction.recipientsTitle")}
        </Text>
        <Text as="p" tone="subdued">
          {t("restriction.recipientsHelp")}
        </Text>
        {data.recipients.map((n) => (
          <InlineStack key={n.id} gap="200" align="space-between" blockAlign="center">
            <span data-testid={`recipient-${n.recipient}`}>
              <InlineStack gap="200" blockAlign="center">
                <Text as="span" fontWeight="semibold">
                  {n.names?.[locale] || n.name}
                </Text>
                <Text as="span" tone="subdued">
                  {t(`restriction.channels.${n.channel}`)}
                </Text>
                <Badge
                  tone={n.status === "done" ? "success" : n.status === "failed" ? "critical" : undefined}
                >
                  {t(`restriction.noticeStatus.${n.status}`)}
                </Badge>
                {n.outcome && (
                  <Text as="span" tone="subdued" variant="bodySm">
                    {t(`restriction.outcomes.${n.outcome}` as never)}
                    {n.doneAt ? ` · ${when(n.doneAt)}` : ""}
                  </Text>
                )}
              </InlineStack>
            </span>
            {n.channel === "staff" && n.status === "pending" && (
              <InlineStack gap="200">
                <Form method="post">
                  <input type="hidden" name="intent" value="recipient_notice" />
                  <input type="hidden" name="noticeId" value={n.id} />
                  <input type="hidden" name="status" value="done" />
                  <Button submit size="slim" loading={busy("recipient_notice")}>
                    {t("restriction.markDone")}
                  </Button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="recipient_notice" />
                  <input type="hidden" name="noticeId" value={n.id} />
                  <input type="hidden" name="status" value="not_concerned" />
                  <Button submit size="slim" variant="plain">
                    {t("restriction.markNotConcerned")}
                  </Button>
                </Form>
              </InlineStack>
            )}
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}
