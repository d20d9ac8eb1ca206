// The retention page's re-permission card (docs/decisions/069): who is to be asked, who was and
// waits, who renewed, who stayed silent past their period; staff may send the e-mails now.
import { Form, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { FILTERED_COUNT_CAP, formatCount, WALK_BUDGET } from "~/i18n/format-count";
import { useTranslation } from "~/i18n/use-translation";

export type RepermissionProgress = {
  leadDays: number;
  due: number;
  /** False when `due` is a lower bound (docs/decisions/090). */
  dueComplete: boolean;
  asked: number;
  renewed: number;
  ended: number;
  running: boolean;
};

export function RetentionRepermission({
  progress,
  started,
}: {
  progress: RepermissionProgress;
  started: boolean;
}) {
  const { locale, t } = useTranslation();
  const colon = locale === "fr" ? "\u00a0: " : ": ";
  const navigation = useNavigation();
  const counts = [
    {
      id: "due",
      label: t("repermission.card.due"),
      count: progress.due,
      tone: progress.due > 0 ? "attention" : undefined,
    },
    { id: "asked", label: t("repermission.card.asked"), count: progress.asked, tone: "info" },
    { id: "renewed", label: t("repermission.card.renewed"), count: progress.renewed, tone: "success" },
    { id: "ended", label: t("repermission.card.ended"), count: progress.ended, tone: undefined },
  ] as const;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingSm">
          {t("repermission.card.title")}
        </Text>
        <Text as="p" tone="subdued">
          {t("repermission.card.help", { days: progress.leadDays })}
        </Text>
        <InlineStack gap="200">
          {counts.map(({ id, label, count, tone }) => (
            <span key={id} data-testid={`repermission-${id}`}>
              <Badge
                tone={tone}
              >{`${label}${colon}${id !== "due" ? formatCount(count, locale) : progress.dueComplete ? formatCount(count, locale, FILTERED_COUNT_CAP) : t("repermission.card.atLeast", { count: formatCount(count, locale) })}`}</Badge>
            </span>
          ))}
        </InlineStack>
        {!progress.dueComplete && <AtLeastHelp />}
        {(progress.running || started) && (
          <Banner tone="info">
            <span data-testid="repermission-running">
              {progress.running
                ? t("repermission.card.running", { sent: formatCount(progress.asked, locale) })
                : t("repermission.card.started")}
            </span>
          </Banner>
        )}
        {progress.due > 0 && !progress.running && (
          <Form method="post">
            <input type="hidden" name="intent" value="repermission" />
            <Button submit loading={navigation.formData?.get("intent") === "repermission"}>
              {t("repermission.card.start")}
            </Button>
          </Form>
        )}
      </BlockStack>
    </Card>
  );
}

/** Why the count of who is to be asked reads "at least" (docs/decisions/090). */
function AtLeastHelp() {
  const { locale, t } = useTranslation();
  return (
    <Text as="p" tone="subdued">
      <span data-testid="repermission-at-least">
        {t("repermission.card.atLeastHelp", { read: formatCount(WALK_BUDGET, locale) })}
      </span>
    </Text>
  );
}
