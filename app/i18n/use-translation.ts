import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { dateFormatter, localDay } from "./format-date";
import type { Locale } from "./locale";
import { createTranslator } from "./translate";

/** The current locale, chosen by the root loader. */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "en";
}

export function useTranslation() {
  const locale = useLocale();
  return useMemo(() => ({ locale, t: createTranslator(locale) }), [locale]);
}

/**
 * Dates and times for the admin: in the shop's zone, deadlines seen from the shop's today (both
 * given by the admin layout's loader, so that server and browser write the same).
 */
export function useDates() {
  const locale = useLocale();
  const data = useRouteLoaderData<{ timeZone?: string; today?: string }>("routes/app");
  const timeZone = data?.timeZone ?? "Europe/Paris";
  const today = data?.today ?? localDay(new Date(), timeZone);
  return useMemo(() => dateFormatter(locale, timeZone, today), [locale, timeZone, today]);
}
