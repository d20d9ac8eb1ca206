// What happened to the request (its audit trail) and what the requester was sent.
import { Badge, BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { translateDynamic } from "~/i18n/translate";
import type { CardProps } from "./kit";

export function HistoryCards({ data, locale, t, when }: CardProps) {
  return (
    <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t("requests.timeline")}
          </Text>
          {data.timeline.map((e) => (
            <Text as="p" key={e.id}>
              <Text as="span" tone="subdued">
                {when(e.createdAt)}
              </Text>{" "}
              · {translateDynamic(locale, "auditAction", e.action)} (
              {translateDynamic(locale, "actor", e.actorType)})
            </Text>
          ))}
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t("requests.emails")}
          </Text>
          {data.emails.length === 0 && (
            <Text as="p" tone="subdued">
              —
            </Text>
          )}
          {data.emails.map((e) => (
            <Text as="p" key={e.id}>
              <Text as="span" tone="subdued">
                {when(e.createdAt)}
              </Text>{" "}
              · <span lang={data.request.locale}>{e.subject}</span>{" "}
              <Badge>{t(`outbox.status.${e.status}` as never)}</Badge>
            </Text>
          ))}
        </BlockStack>
      </Card>
    </InlineGrid>
  );
}
