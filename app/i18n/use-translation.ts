import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
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
