// Stripe-signed webhook deliveries for the sandbox and the tests: an Event shaped as Stripe sends
// it, and the `Stripe-Signature` header (`t=<unix>,v1=<HMAC-SHA256 of "t.body">`) made with the
// SDK's own test helper, so what Vigie verifies is exactly what Stripe would send.
import { randomBytes } from "node:crypto";
import Stripe from "stripe";

/** The `Stripe-Signature` header for this exact body, signed with the endpoint secret (`whsec_…`). */
export function signStripeWebhook(
  payload: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

/** A webhook Event around `object` (e.g. `customer.deleted` with the deleted customer). */
export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  options: { created?: number; id?: string } = {},
): Record<string, unknown> {
  return {
    id: options.id ?? `evt_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created: options.created ?? Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** A signed delivery: the raw body to POST and its headers. */
export function signedStripeDelivery(
  event: Record<string, unknown>,
  secret: string,
  timestamp?: number,
): { body: string; headers: { "content-type": string; "stripe-signature": string } } {
  const body = JSON.stringify(event, null, 2);
  return {
    body,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "stripe-signature": signStripeWebhook(body, secret, timestamp),
    },
  };
}
