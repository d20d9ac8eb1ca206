// The part of the catalogues shoppers read (docs/decisions/061). en.ts and fr.ts hold it with the
// staff's texts; de.ts, es.ts and it.ts hold only this part. A new shopper language is one file
// typed `ShopperMessages`, listed in SHOPPER_LOCALES and SHOPPER_CATALOGUES.
import type { Messages } from "./en";

/** The catalogue sections shoppers read; every shopper language translates each of them. */
export const SHOPPER_SECTIONS = [
  "shopper",
  "unsubscribe",
  "consentConfirm",
  "privacy",
  "requestForm",
  "documents",
  "exportLink",
  "consentReceipt",
  "banner",
  "receipts",
  "privacyNotice",
] as const satisfies readonly (keyof Messages)[];

export type ShopperMessages = Pick<Messages, (typeof SHOPPER_SECTIONS)[number]>;
