// The audit log: who did what to which record. Ids and codes only, never personal data. Each entry
// is chained to the shop's previous one (app/services/audit-chain.server.ts, docs/decisions/053).
import { beforeCommit, type Db, type Tx } from "~/db/client.server";
import { appendAuditEntry } from "./audit-chain.server";

export type ActorType = "system" | "staff" | "shopper" | "shopify" | "stripe" | "mailchimp";

export type AuditInput = {
  shopId: string;
  actorType: ActorType;
  actorId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, string | number | boolean | null>;
};

/**
 * Appends an audit event; call it in the same transaction as the change it records. Inside one, the
 * entry is chained last, just before the commit, so the shop's chain lock is held only for that
 * end (appends of a shop queue on it). Given the client itself, it opens a transaction of its own.
 */
export async function recordAudit(client: Db | Tx, input: AuditInput) {
  const append = {
    shopId: input.shopId,
    actorType: input.actorType,
    actorId: input.actorId ?? null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    data: JSON.stringify(input.data ?? {}),
  };
  const at = new Date();
  if ("$transaction" in client && typeof client.$transaction === "function") {
    await (client as Db).$transaction((tx) => appendAuditEntry(tx, append, at));
  } else if (!beforeCommit(client, () => appendAuditEntry(client, append, at))) {
    await appendAuditEntry(client, append, at);
  }
}
