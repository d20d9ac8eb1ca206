// The thank-you fallback's network calls, to the Vigie backend: GET the buyer's current choice
// when the block loads (so that a reload shows it), POST each change.
import { DEPLOYED_APP_URL } from "./app-url";
import type { ConsentRecord } from "./wording";

declare const process: { env: Record<string, string | undefined> } | undefined;

/**
 * The running app: `shopify app dev` defines process.env.APP_URL as its tunnel while it bundles;
 * a deployed build has no `process` and calls the URL `npm run extension:url` wrote from
 * shopify.app.toml's application_url. No other host is ever called.
 */
export const APP_URL: string =
  (typeof process !== "undefined" ? process.env.APP_URL : undefined) || DEPLOYED_APP_URL;
export const CONSENT_ENDPOINT = `${APP_URL}/api/checkout/consent`;

export interface ConsentPayload extends ConsentRecord {
  /** `withdrawn` follows a box shown ticked (saved on this page, or the buyer's standing choice). */
  consent: "granted" | "withdrawn";
  /** Order GID from shopify.orderConfirmation. */
  orderId: string;
  /** Lets the backend check the order belongs to this checkout (orders/create carries it). */
  checkoutToken: string | null;
}

/** The order's buyer's newsletter state, as the backend answers it. */
export type NewsletterState = "subscribed" | "pending" | "not_subscribed";

/** `confirm_by_email`: saved, and the shop asks the buyer to confirm from the e-mail it sent. */
export type SaveResult = "saved" | "confirm_by_email" | "failed";

/**
 * Sends the choice with the checkout session token as Bearer. Never throws: resolves to "failed"
 * on any failure (token, network, HTTP status).
 */
export async function postConsent(
  payload: ConsentPayload,
  getToken: () => Promise<string>,
): Promise<SaveResult> {
  try {
    const token = await getToken();
    const response = await fetch(CONSENT_ENDPOINT, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    });
    if (!response.ok) return "failed";
    const answer = (await response.json().catch(() => null)) as { confirmation?: unknown } | null;
    return answer?.confirmation === "email" ? "confirm_by_email" : "saved";
  } catch {
    return "failed";
  }
}

/**
 * Asks whether the order's buyer is subscribed (the order is named in headers, which no proxy
 * logs). Never throws: null when the answer cannot be had, and the box then starts unticked.
 */
export async function fetchConsentState(
  order: { orderId: string; checkoutToken: string | null },
  getToken: () => Promise<string>,
): Promise<NewsletterState | null> {
  if (!order.orderId || !order.checkoutToken) return null;
  try {
    const token = await getToken();
    const response = await fetch(CONSENT_ENDPOINT, {
      method: "GET",
      headers: {
        Authorization: `Bearer ${token}`,
        "Vigie-Order-Id": order.orderId,
        "Vigie-Checkout-Token": order.checkoutToken,
      },
    });
    if (!response.ok) return null;
    const { newsletter } = (await response.json()) as { newsletter?: unknown };
    return newsletter === "subscribed" || newsletter === "pending" || newsletter === "not_subscribed"
      ? newsletter
      : null;
  } catch {
    return null;
  }
}
