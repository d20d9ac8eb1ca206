// The audit log: who did what to which record. Ids and codes only, never personal data.
import type { Tx } from "~/db/client.server";

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

/** Appends an audit event; call it in the same transaction as the change it records. */
export async function recordAudit(tx: Tx, input: AuditInput) {
  await tx.auditEvent.create({
    data: {
      shopId: input.shopId,
      actorType: input.actorType,
      actorId: input.actorId ?? null,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      data: JSON.stringify(input.data ?? {}),
    },
    select: { id: true },
  });
}
