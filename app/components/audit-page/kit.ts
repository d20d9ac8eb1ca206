// What the audit log's cards share: the page's data, the filters it reads from its URL, and the words
// for an action.
import type { SerializeFrom } from "@remix-run/node";
import type { Locale } from "~/i18n/locale";
import { type Translate, translateDynamic } from "~/i18n/translate";
import type { auditPage } from "~/services/audit-log.server";

export type AuditView = SerializeFrom<typeof auditPage>;

export const AUDIT_FILTERS = ["actor", "who", "action", "ref", "from", "to"] as const;

/** The words for an action; an action the catalogues do not know yet still reads as one. */
export function actionLabel(locale: Locale, t: Translate, code: string) {
  const label = translateDynamic(locale, "auditAction", code);
  return label === code ? t("audit.otherAction", { code }) : label;
}
