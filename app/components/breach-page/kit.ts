// What every card of the breach page is given: the breach, the translator, the date writer and which
// form is being sent.
import type { SerializeFrom } from "@remix-run/node";
import type { Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/translate";
import type { loadBreachPage } from "~/services/breaches/breach-page.server";

export type BreachView = SerializeFrom<typeof loadBreachPage>;

export type BreachCardProps = {
  breach: BreachView;
  locale: Locale;
  t: Translate;
  /** An instant as date and time, in the shop's time zone. */
  when: (iso: string | null) => string;
  /** Whether the form of `intent` is being sent. */
  busy: (intent: string) => boolean;
  /** ": " as the locale writes it before a value. */
  colon: string;
};
