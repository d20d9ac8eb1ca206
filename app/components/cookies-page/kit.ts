// What the cookie banner page's cards share: the page's data, the translator, and how a purpose, a
// language and a rate read.
import type { SerializeFrom } from "@remix-run/node";
import type { Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/translate";
import type { cookiesPage } from "~/services/cookie-banner.server";

export type CookiesView = SerializeFrom<typeof cookiesPage>;

export type CookiesCardProps = {
  data: CookiesView;
  locale: Locale;
  t: Translate;
  /** A purpose's title in the staff's language, from its key ("analytics"). */
  title: (key: string) => string;
  /** A language's name, from its code ("de"). */
  language: (code: string) => string;
};

export const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)} %`);
