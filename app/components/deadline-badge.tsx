import { Badge } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";

/** The legal deadline at a glance: on track, due soon, overdue, paused (waiting for identity), closed. */
export function DeadlineBadge({ status, daysLeft }: { status: string; daysLeft: number | null }) {
  const { t } = useTranslation();
  const tone =
    status === "overdue"
      ? "critical"
      : status === "due_soon"
        ? "warning"
        : status === "paused"
          ? "info"
          : undefined;
  const label = t(`requests.deadline.${status}` as never, { days: Math.abs(daysLeft ?? 0) });
  return <Badge tone={tone}>{label}</Badge>;
}
