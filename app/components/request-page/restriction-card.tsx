// Restriction of processing (GDPR art. 18): its ground, whether it is in force, and staff's two
// decisions: grant it, and later lift it (the person is e-mailed first, art. 18(3)).
import { Form } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { RESTRICTION_GROUND_BASIS, type RestrictionGround } from "~/domain/requests/restriction";
import type { CardProps } from "./kit";

export function RestrictionCard({ data, t, when, busy }: CardProps) {
  const r = data.request;
  const restriction = data.restriction;
  const ground = (restriction?.ground ?? r.details.ground) as RestrictionGround | undefined;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" align="space-between">
          <Text as="h2" variant="headingMd">
            {t("restriction.title")}
          </Text>
          {restriction && (
            <span data-testid="restriction-status">
              <Badge tone={restriction.status === "lifted" ? undefined : "warning"}>
                {t(`restriction.status.${restriction.status}`)}
              </Badge>
            </span>
          )}
        </InlineStack>
        {ground && (
          <Text as="p">
            {t("restriction.groundLine", {
              ground: t(`restriction.grounds.${ground}`),
              basis: RESTRICTION_GROUND_BASIS[ground],
            })}
          </Text>
        )}
        {data.recipientsAsked && (
          <Text as="p" tone="subdued">
            {t("restriction.recipientsAsked")}
          </Text>
        )}
        {!restriction && (
          <>
            <Text as="p" tone="subdued">
              {t("restriction.notGranted")}
            </Text>
            {r.state === "in_progress" && (
              <Form method="post">
                <input type="hidden" name="intent" value="grant_restriction" />
                <Button submit variant="primary" loading={busy("grant_restriction")}>
                  {t("restriction.grant")}
                </Button>
              </Form>
            )}
          </>
        )}
        {restriction && (
          <BlockStack gap="100">
            <Text as="p">{t("restriction.grantedOn", { at: when(restriction.grantedAt) })}</Text>
            {restriction.liftDecidedAt && (
              <Text as="p">
                {t("restriction.liftDecidedOn", {
                  at: when(restriction.liftDecidedAt),
                  status: restriction.noticeStatus
                    ? t(`outbox.status.${restriction.noticeStatus}` as never)
                    : "—",
                })}
              </Text>
            )}
            {restriction.liftedAt && (
              <Text as="p">{t("restriction.liftedOn", { at: when(restriction.liftedAt) })}</Text>
            )}
          </BlockStack>
        )}
        {restriction?.status === "active" && (
          <Form method="post">
            <input type="hidden" name="intent" value="lift_restriction" />
            <BlockStack gap="200">
              <Text as="p" tone="subdued">
                {t("restriction.liftHelp")}
              </Text>
              <InlineStack>
                <Button submit loading={busy("lift_restriction")}>
                  {t("restriction.lift")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Form>
        )}
      </BlockStack>
    </Card>
  );
}
