// The 72-hour clock of a breach at a glance (GDPR art. 33(1)), like a request's deadline badge.
import { Badge } from "@shopify/polaris";
import { relativeParts } from "~/domain/breaches/clock";
import type { Locale } from "~/i18n/locale";
import { useTranslation } from "~/i18n/use-translation";

const TONES = {
  on_track: undefined,
  due_soon: "warning",
  overdue: "critical",
  notified: "success",
  notified_late: "attention",
  not_required: "info",
} as const;

export type ClockStatus = keyof typeof TONES;

export function BreachClockBadge({ status }: { status: ClockStatus }) {
  const { t } = useTranslation();
  return (
    <span data-testid="clock-status">
      <Badge tone={TONES[status]}>{t(`breaches.clock.${status}`)}</Badge>
    </span>
  );
}

/** "in 5 hours" / "dans 5 heures", "3 days ago" / "il y a 3 jours". */
export function relativeTime(locale: Locale, ms: number): string {
  const { value, unit } = relativeParts(ms);
  return new Intl.RelativeTimeFormat(locale, { numeric: "always" }).format(value, unit);
}
