import { Badge, InlineStack, Text } from "@shopify/polaris";
import { useDates, useTranslation } from "~/i18n/use-translation";

const OPEN = new Set(["on_track", "due_soon", "overdue"]);

/**
 * The legal deadline at a glance: while the clock runs, "in 5 days — 8 January" / "3 days late —
 * 2 January" in its tone (docs/decisions/065); paused (waiting for identity) or closed, the date and
 * that word.
 */
export function DeadlineBadge({
  status,
  dueDate,
}: {
  status: string;
  /** The due date, a calendar day of the shop ("2026-01-08"). */
  dueDate: string;
  daysLeft?: number | null;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const tone =
    status === "overdue"
      ? "critical"
      : status === "due_soon"
        ? "warning"
        : status === "paused"
          ? "info"
          : undefined;
  if (OPEN.has(status)) {
    return (
      <span data-testid="deadline">
        <Badge tone={tone}>{dates.deadline(dueDate)}</Badge>
      </span>
    );
  }
  return (
    <InlineStack gap="100" blockAlign="center">
      <Text as="span">{dates.day(dueDate)}</Text>
      <Badge tone={tone}>{t(`requests.deadline.${status}` as never)}</Badge>
    </InlineStack>
  );
}
