// The words of the e-mails shoppers read, from the catalogues' `shopper.mail` section, in any shopper
// language (docs/decisions/061). Templates hold one structure; the texts come from here. Pure.
import type { RequestType } from "~/domain/requests/request-types";
import type { ShopperLocale } from "~/i18n/locale";
import type { Messages } from "~/i18n/messages/en";
import { type Leaves, lookup, SHOPPER_CATALOGUES } from "~/i18n/translate";
import type { Inline } from "./layout";

export type MailKey = Leaves<Messages["shopper"]["mail"]>;
type Vars = Record<string, string | number>;

export type MailText = {
  locale: ShopperLocale;
  /** A text with its {name}s filled in (French spacing is applied when the e-mail is rendered). */
  t: (key: MailKey, vars?: Vars) => string;
  /** A text whose {name}s may be bold or links: plain values join the text around them. */
  rich: (key: MailKey, vars: Record<string, Inline | number>) => Inline[];
  /** "Right of access"; `inSentence` lowers the capital ("your request (right of access)"). */
  requestType: (type: RequestType, inSentence?: boolean) => string;
};

export function mailText(locale: ShopperLocale): MailText {
  const catalogue = SHOPPER_CATALOGUES[locale].shopper;
  const raw = (key: MailKey) => lookup(catalogue.mail, key) ?? key;
  const rich = (key: MailKey, vars: Record<string, Inline | number>): Inline[] => {
    const parts: Inline[] = [];
    let text = "";
    let last = 0;
    const source = raw(key);
    for (const match of source.matchAll(/\{(\w+)\}/g)) {
      const value = vars[match[1] as string];
      text += source.slice(last, match.index);
      last = (match.index ?? 0) + match[0].length;
      if (value === undefined) text += match[0];
      else if (typeof value === "string" || typeof value === "number") text += String(value);
      else {
        if (text !== "") parts.push(text);
        parts.push(value);
        text = "";
      }
    }
    text += source.slice(last);
    if (text !== "") parts.push(text);
    return parts;
  };
  return {
    locale,
    t: (key, vars = {}) => rich(key, vars).join(""),
    rich,
    requestType: (type, inSentence = false) => {
      const label = catalogue.requestTypes[type];
      // German keeps the capital of its nouns ("Ihre Anfrage (Recht auf Auskunft)").
      return inSentence && locale !== "de" ? label.charAt(0).toLowerCase() + label.slice(1) : label;
    },
  };
}
