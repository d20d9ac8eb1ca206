// The 72-hour clock to notify the CNIL (GDPR art. 33(1)), or when it was notified.
import { BlockStack, Card, Text } from "@shopify/polaris";
import { relativeTime } from "~/components/breach-clock";
import type { BreachCardProps } from "./kit";

export function ClockCard({ breach, locale, t, when, colon }: BreachCardProps) {
  return (
    <Card>
      <div data-testid="clock">
        <BlockStack gap="200">
          <Text as="p" variant="headingMd">
            {breach.notifiedAt
              ? t("breaches.clock.notifiedOn", {
                  when: when(breach.notifiedAt),
                  reference: breach.cnilReference ?? "",
                })
              : breach.clock.status === "not_required"
                ? t("breaches.clock.notRequired")
                : t(breach.clock.msLeft >= 0 ? "breaches.clock.deadline" : "breaches.clock.deadlinePassed", {
                    when: when(breach.clock.deadline),
                    relative: relativeTime(locale, breach.clock.msLeft),
                  })}
          </Text>
          <Text as="p" tone="subdued">
            {t("breaches.fields.awareAt")}
            {colon}
            {when(breach.awareAt)}. {t("breaches.clock.zone", { zone: breach.timeZone })}
          </Text>
        </BlockStack>
      </div>
    </Card>
  );
}
