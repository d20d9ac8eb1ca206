// POST /webhooks/stripe: Stripe's fraud signals for a shop's payments (policy §1). The signature is
// checked over the raw body against the shops' endpoint secrets before anything else (400 when none
// matches; nothing stored), and events are deduplicated on their id.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "~/db/client.server";
import { BodyTooLargeError, readRawBody } from "~/http/body.server";
import { sendText } from "~/http/respond.server";
import type { Logger } from "~/utils/logger.server";
import { openSecret } from "~/utils/secret-box.server";
import type { ReceiptStore } from "./receipts.server";
import { verifyStripeEvent } from "./stripe-signature.server";

export const STRIPE_WEBHOOK_PATH = "/webhooks/stripe";
/** The events that open a payment check; others are acknowledged and dropped. */
export const STRIPE_TOPICS = ["review.opened", "radar.early_fraud_warning.created"] as const;

export type StripeIntakeDeps = { db: Db; secretKey: Buffer; receipts: ReceiptStore; log: Logger };

/** Every shop's webhook endpoint secret (or one shop's, when the URL names it with ?shop=). */
async function endpointSecrets(deps: StripeIntakeDeps, shopDomain: string | null) {
  const settings = await deps.db.connectorSetting.findMany({
    where: { connector: "stripe", enabled: true, ...(shopDomain && { shop: { domain: shopDomain } }) },
    select: { secrets: true, shop: { select: { domain: true } } },
  });
  return settings.flatMap((setting) => {
    if (!setting.secrets) return [];
    const { webhookSecret } = JSON.parse(openSecret(deps.secretKey, setting.secrets)) as {
      webhookSecret?: string;
    };
    return webhookSecret ? [{ shop: setting.shop.domain, secret: webhookSecret }] : [];
  });
}

export async function handleStripeWebhook(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  deps: StripeIntakeDeps,
) {
  if (request.method !== "POST") return sendText(response, 405, "Method Not Allowed", { allow: "POST" });
  let body: Buffer;
  try {
    body = await readRawBody(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendText(response, 413, "Payload Too Large", {}, true);
    throw error;
  }
  const candidates = await endpointSecrets(deps, url.searchParams.get("shop"));
  const header = request.headers["stripe-signature"];
  const verified = verifyStripeEvent(
    body,
    Array.isArray(header) ? header[0] : header,
    candidates.map((c) => c.secret),
    new Date(),
  );
  if (!verified.ok) return sendText(response, 400, `Bad Request: Stripe signature ${verified.reason}`);
  const { event, secretIndex } = verified;
  if (!STRIPE_TOPICS.includes(event.type as never)) return sendText(response, 200, "OK (ignored)");
  try {
    const stored = await deps.receipts.store(
      {
        source: "stripe",
        deliveryId: event.id,
        shopDomain: candidates[secretIndex]?.shop as string,
        topic: `stripe/${event.type}`,
        body: body.toString("utf8"),
      },
      { priority: 20 },
    );
    sendText(response, 200, stored ? "OK" : "OK (duplicate)");
  } catch (error) {
    deps.log.error("storing a Stripe webhook failed", { error });
    sendText(response, 503, "Service Unavailable");
  }
}
