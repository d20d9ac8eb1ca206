// What every card of the request page is given: the page's data, the translator, the date writers
// and which form is being sent.
import type { SerializeFrom } from "@remix-run/node";
import type { Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/translate";
import type { RequestPageData } from "~/services/requests/request-page.server";

export type RequestView = SerializeFrom<() => Promise<RequestPageData>>;

export type CardProps = {
  data: RequestView;
  locale: Locale;
  t: Translate;
  /** An instant as date and time. */
  when: (iso: string | null) => string;
  /** A calendar date of the shop. */
  day: (local: string) => string;
  /** Whether the form of `intent` is being sent. */
  busy: (intent: string) => boolean;
  /** The admin's query string (host, shop, locale), kept on links. */
  search: string;
  /** Whom the request is about, as confirmations name them ("c…@example.com"). */
  who: string;
};
