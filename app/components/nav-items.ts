import type { MessageKey } from "~/i18n/translate";

/** The admin's sections, in menu order. */
export const NAV_ITEMS: { path: string; label: MessageKey }[] = [
  { path: "/app", label: "nav.dashboard" },
  { path: "/app/requests", label: "nav.requests" },
  { path: "/app/consents", label: "nav.consents" },
  { path: "/app/cookies", label: "nav.cookies" },
  { path: "/app/retention", label: "nav.retention" },
  { path: "/app/backfill", label: "nav.backfill" },
  { path: "/app/processing", label: "nav.processing" },
  { path: "/app/processors", label: "nav.processors" },
  { path: "/app/notice", label: "nav.notice" },
  { path: "/app/breaches", label: "nav.breaches" },
  { path: "/app/audit", label: "nav.audit" },
  { path: "/app/settings", label: "nav.settings" },
];

/** The admin's parameters every in-app link and GET form carries on: the language and Shopify's embedding. */
export const KEPT_PARAMS = ["locale", "host", "shop", "embedded"] as const;

/** Keeps the language (and Shopify's embedding parameters) on in-app links. */
export function withSearch(path: string, search: string): string {
  const current = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const name of KEPT_PARAMS) {
    const value = current.get(name);
    if (value) kept.set(name, value);
  }
  const query = kept.toString();
  return query ? `${path}${path.includes("?") ? "&" : "?"}${query}` : path;
}
