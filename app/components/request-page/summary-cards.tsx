// The request at a glance: its deadline (with pauses and extension), who asked and how, and the law.
import { Badge, BlockStack, Card, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import { DeadlineBadge } from "~/components/deadline-badge";
import { REQUEST_TYPE_INFO } from "~/domain/requests/request-types";
import { citeLaw } from "~/i18n/legal-citation";
import type { CardProps } from "./kit";

export function SummaryCards({ data, locale, t, when, day }: CardProps) {
  const r = data.request;
  const info = REQUEST_TYPE_INFO[r.type];
  return (
    <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingSm">
            {t("requests.due")}
          </Text>
          <Text as="p" variant="headingLg">
            <span data-testid="due-date">{day(data.deadline.dueDate)}</span>
          </Text>
          <InlineStack gap="200">
            <DeadlineBadge status={data.status?.status ?? "closed"} dueDate={data.deadline.dueDate} />
            {data.deadline.pausedDays > 0 && (
              <Badge>{t("requests.pausedDays", { days: data.deadline.pausedDays })}</Badge>
            )}
            {r.extensionMonths > 0 && (
              <Badge tone="attention">{t("requests.extended", { months: r.extensionMonths })}</Badge>
            )}
          </InlineStack>
          <Text as="p" tone="subdued">
            {t("requests.deadlineHelp", {
              received: day(data.deadline.receivedOn),
              first: day(data.deadline.firstDueDate),
            })}
          </Text>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingSm">
            {t("requests.requester")}
          </Text>
          <Text as="p">
            {r.requesterEmail ??
              t(r.channel === "retention" ? "requests.viaRetention" : "requests.viaShopify")}
          </Text>
          {r.requesterName && <Text as="p">{r.requesterName}</Text>}
          <Text as="p" tone="subdued">
            {t("requests.channelLine", {
              channel: t(`requests.channels.${r.channel}` as never),
              locale: r.locale.toUpperCase(),
              received: when(r.receivedAt),
            })}
          </Text>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingSm">
            {t("requests.legalBasis")}
          </Text>
          <Text as="p">{info.legalBasis.map((basis) => citeLaw(basis, locale)).join(" · ")}</Text>
          <Text as="p" tone="subdued">
            {info.description[locale]}
          </Text>
        </BlockStack>
      </Card>
    </InlineGrid>
  );
}
