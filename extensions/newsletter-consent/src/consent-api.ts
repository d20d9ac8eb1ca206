// The thank-you fallback's only network call: POST the choice to the Vigie backend.
import type { ConsentRecord } from "./wording";

/** Must equal `application_url` in shopify.app.toml (a test checks it). */
export const APP_URL = "https://vigie.example.com";
export const CONSENT_ENDPOINT = `${APP_URL}/api/checkout/consent`;

export interface ConsentPayload extends ConsentRecord {
  /** `withdrawn` only follows a `granted` sent from the same page (the buyer unticked again). */
  consent: "granted" | "withdrawn";
  /** Order GID from shopify.orderConfirmation. */
  orderId: string;
  /** Lets the backend check the order belongs to this checkout (orders/create carries it). */
  checkoutToken: string | null;
}

/**
 * Sends the choice with the checkout session token as Bearer. Never throws: resolves to true when
 * the backend answered 2xx, false on any failure (token, network, HTTP status).
 */
export async function postConsent(
  payload: ConsentPayload,
  getToken: () => Promise<string>,
): Promise<boolean> {
  try {
    const token = await getToken();
    const response = await fetch(CONSENT_ENDPOINT, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    });
    return response.ok;
  } catch {
    return false;
  }
}
