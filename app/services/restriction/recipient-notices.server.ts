// The notice to recipients after a rectification, an erasure or a restriction (GDPR art. 19): one
// row per recipient, told by its connector (the erasure's receipts, the restriction's job) or listed
// as a task for staff (the other recipients of the processors register, e.g. carriers). When the
// person asked, the answer lists the recipients informed (art. 19, second sentence).
import type { Db, Tx } from "~/db/client.server";
import { AppError } from "~/domain/errors";
import { PROCESSOR_DRAFTS, ProcessorContentSchema } from "~/domain/processing/processors";
import type { Text } from "~/domain/processing/record";
import { type Art19Type, type ConnectedRecipient, recipientNoticePlan } from "~/domain/requests/restriction";
import { SHOPPER_FALLBACK, shopperLocaleOf, staffLocaleOf } from "~/i18n/locale";
import { recordAudit } from "../audit.server";

const SYSTEM_NAMES: Record<ConnectedRecipient, string> = {
  shopify: "Shopify",
  stripe: "Stripe",
  mailchimp: "Mailchimp",
};

/** Shopify always (the shop runs on it); Stripe and Mailchimp once connected. */
async function connectedSystems(tx: Tx, shopId: string): Promise<ConnectedRecipient[]> {
  const rows = await tx.connectorSetting.findMany({
    where: { shopId, enabled: true, secrets: { not: null } },
    select: { connector: true },
  });
  const connected = new Set(rows.map((r) => r.connector));
  return ["shopify", ...(["stripe", "mailchimp"] as const).filter((s) => connected.has(s))];
}

/**
 * The register's recipients, by key, with their names in both languages; the reference drafts when
 * staff never opened it.
 */
async function registerRecipients(client: Db | Tx, shopId: string): Promise<Map<string, Text>> {
  const entries = await client.registerEntry.findMany({
    where: { shopId, kind: "processor" },
    orderBy: { position: "asc" },
    select: { key: true, content: true },
  });
  const source =
    entries.length > 0 ? entries : PROCESSOR_DRAFTS.map((d) => ({ key: d.key, content: d.content }));
  return new Map(
    source.flatMap(({ key, content }) => {
      const parsed = ProcessorContentSchema.safeParse(
        typeof content === "string" ? JSON.parse(content) : content,
      );
      return parsed.success ? [[key, parsed.data.name] as const] : [];
    }),
  );
}

/**
 * Writes the art. 19 notices of a request (once: an existing row is kept as it is), in `tx`.
 * `done`: the connector recipients already told (an erasure's systems, by its receipts).
 */
export async function planRecipientNotices(
  tx: Tx,
  request: { id: string; shopId: string; locale: string },
  type: Art19Type,
  done: { outcome: string } | null = null,
  now = new Date(),
) {
  const systems = await connectedSystems(tx, request.shopId);
  const register = await registerRecipients(tx, request.shopId);
  // Named in the requester's language: the answer lists those told (art. 19, second sentence).
  const language = staffLocaleOf(shopperLocaleOf(request.locale) ?? SHOPPER_FALLBACK);
  const names = new Map<string, string>([
    ...Object.entries(SYSTEM_NAMES),
    ...[...register].map(([key, name]) => [key, name[language]] as [string, string]),
  ]);
  // A rectification carried out by a run (docs/decisions/068) tells each system by its own write.
  const byRun =
    type === "rectification" && (await tx.rectificationRun.count({ where: { requestId: request.id } })) > 0;
  const plan = recipientNoticePlan(type, systems, [...register.keys()], byRun);
  for (const notice of plan) {
    const told = done && notice.channel === "connector";
    await tx.recipientNotice.upsert({
      where: { requestId_recipient: { requestId: request.id, recipient: notice.recipient } },
      create: {
        requestId: request.id,
        recipient: notice.recipient,
        name: names.get(notice.recipient) ?? notice.recipient,
        channel: notice.channel,
        status: told ? "done" : "pending",
        outcome: told ? done.outcome : null,
        doneAt: told ? now : null,
      },
      update: {},
    });
  }
}

/** Staff record that they told one recipient (or that it never received this person's data). */
export async function recordRecipientNotice(
  db: Db,
  shop: { id: string },
  staffId: string,
  requestId: string,
  noticeId: string,
  status: "done" | "not_concerned",
  now = new Date(),
) {
  await db.$transaction(async (tx) => {
    const notice = await tx.recipientNotice.findFirst({
      where: { id: noticeId, requestId, request: { shopId: shop.id } },
    });
    if (!notice) throw new AppError("NOT_FOUND", "no such recipient notice");
    if (notice.channel !== "staff") throw new AppError("ILLEGAL_TRANSITION", "told by its connector");
    await tx.recipientNotice.update({
      where: { id: notice.id },
      data: { status, doneBy: staffId, doneAt: now, outcome: status === "done" ? "staff" : "not_concerned" },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "request.recipient_notice",
      targetType: "request",
      targetId: requestId,
      data: { recipient: notice.recipient, status },
    });
  });
}

/** The names of the recipients told so far, for the answer (GDPR art. 19, second sentence). */
export async function recipientsInformed(tx: Tx, requestId: string): Promise<string[]> {
  const rows = await tx.recipientNotice.findMany({
    where: { requestId, status: "done" },
    orderBy: { name: "asc" },
    select: { name: true },
  });
  return rows.map((r) => r.name);
}

/**
 * The notices of a request, for its page: `name` as the requester reads it, `names` in both
 * languages while the register still holds the recipient, for staff to read theirs.
 */
export async function recipientNoticesOf(db: Db, shopId: string, requestId: string) {
  const [rows, register] = await Promise.all([
    db.recipientNotice.findMany({
      where: { requestId },
      orderBy: [{ channel: "asc" }, { name: "asc" }],
    }),
    registerRecipients(db, shopId),
  ]);
  return rows.map((n) => ({
    id: n.id,
    recipient: n.recipient,
    name: n.name,
    names: register.get(n.recipient) ?? null,
    channel: n.channel as "connector" | "staff",
    status: n.status as "pending" | "done" | "failed" | "not_concerned",
    outcome: n.outcome,
    vendorRef: n.vendorRef,
    doneAt: n.doneAt?.toISOString() ?? null,
  }));
}
