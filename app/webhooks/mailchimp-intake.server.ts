// Mailchimp audience webhooks at POST /webhooks/mailchimp/<secret>. They carry no signature: the
// secret in the path (compared through its SHA-256, then in constant time) says which shop's
// audience calls, and the job re-reads the member from Mailchimp before acting, because anyone
// who learns the URL can forge a body. GET, HEAD and an empty POST answer 200: Mailchimp checks
// the URL that way when the webhook is created.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { BodyTooLargeError, readRawBody } from "~/http/body.server";
import { sendText } from "~/http/respond.server";
import type { Logger } from "~/utils/logger.server";
import type { ReceiptStore } from "./receipts.server";

export const MAILCHIMP_WEBHOOK_PREFIX = "/webhooks/mailchimp/";
const MAX_BODY_BYTES = 64 * 1024;
/** The audience events Vigie acts on; others are acknowledged and dropped. */
export const MAILCHIMP_TOPICS = ["unsubscribe", "cleaned", "subscribe"] as const;

const MailchimpEventSchema = z.object({
  type: z.enum(MAILCHIMP_TOPICS),
  fired_at: z.string().min(1).max(40),
  "data[email]": z.string().min(3).max(320),
  "data[list_id]": z.string().max(64).optional(),
  "data[action]": z.string().max(32).optional(),
  "data[reason]": z.string().max(32).optional(),
});

export function webhookSecretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export type MailchimpIntakeDeps = { db: Db; receipts: ReceiptStore; log: Logger };

/** Handles /webhooks/mailchimp/<secret>; returns false when the path is not one. */
export async function handleMailchimpWebhook(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  deps: MailchimpIntakeDeps,
): Promise<boolean> {
  const secret = pathname.slice(MAILCHIMP_WEBHOOK_PREFIX.length);
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(secret)) return false;
  const hash = webhookSecretHash(secret);
  const setting = await deps.db.connectorSetting.findUnique({
    where: { webhookSecretHash: hash },
    select: { webhookSecretHash: true, shop: { select: { domain: true } } },
  });
  const known = setting?.webhookSecretHash
    ? timingSafeEqual(Buffer.from(setting.webhookSecretHash), Buffer.from(hash))
    : false;
  // Unknown secret: the same 404 as any unknown path, and nothing stored.
  if (!setting || !known) return false;

  if (request.method === "GET" || request.method === "HEAD") {
    sendText(response, 200, "OK");
    return true;
  }
  if (request.method !== "POST") {
    sendText(response, 405, "Method Not Allowed", { allow: "GET, HEAD, POST" });
    return true;
  }
  let body: Buffer;
  try {
    body = await readRawBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendText(response, 413, "Payload Too Large", {}, true);
      return true;
    }
    throw error;
  }
  if (body.length === 0) {
    sendText(response, 200, "OK");
    return true;
  }
  const fields = Object.fromEntries(new URLSearchParams(body.toString("utf8")));
  if (!MAILCHIMP_TOPICS.includes(fields.type as never)) {
    // profile, upemail, campaign…: nothing for Vigie to do, and Mailchimp must not retry.
    sendText(response, 200, "OK (ignored)");
    return true;
  }
  const event = MailchimpEventSchema.safeParse(fields);
  if (!event.success) {
    sendText(response, 400, "Bad Request: expected type, fired_at and data[email]");
    return true;
  }
  const email = event.data["data[email]"].trim().toLowerCase();
  try {
    const stored = await deps.receipts.store(
      {
        source: "mailchimp",
        // Mailchimp gives no delivery id: the event's type, address and time identify it.
        deliveryId: createHash("sha256")
          .update(`${event.data.type}|${email}|${event.data.fired_at}`)
          .digest("hex"),
        shopDomain: setting.shop.domain,
        topic: `mailchimp/${event.data.type}`,
        body: JSON.stringify({ ...event.data, "data[email]": email }),
      },
      { priority: 30 },
    );
    sendText(response, 200, stored ? "OK" : "OK (duplicate)");
  } catch (error) {
    deps.log.error("storing a Mailchimp webhook failed", { error });
    sendText(response, 503, "Service Unavailable");
  }
  return true;
}
