// The systems that hold a shopper's data for a shop, and the words every part of Vigie uses for what
// they hold and what an erasure does in them. The one list: exports, erasures, tasks, archives and
// connectors all iterate it, so a new system is added here once (docs/decisions/041-one-shape.md).

// Vigie goes last: the other systems are found through what Vigie knows of the subject (and an
// archive lists its files in this order).
export const SYSTEMS = ["shopify", "stripe", "mailchimp", "vigie"] as const;
export type SystemName = (typeof SYSTEMS)[number];

/**
 * The systems a run (an erasure, a rectification) starts with: the outside ones at once, Vigie's own
 * records last, once the others are settled (so a failure outside leaves Vigie able to retry).
 */
export function firstSystemsOfRun(systems: readonly SystemName[]): SystemName[] {
  const outside = systems.filter((s) => s !== "vigie");
  return outside.length > 0 ? outside : ["vigie"];
}

/** One item of an access export, streamed. */
export type ExportRecord = {
  /** File-level grouping, e.g. "customer", "orders", "charges". */
  section: string;
  data: Record<string, unknown>;
  /** True for data the shopper provided (GDPR art. 20 portability). */
  provided: boolean;
};

export type ErasureStep = {
  /** Stable within a plan: the idempotency key of its execution. */
  id: string;
  /** archive: the system keeps the data out of use (Mailchimp archive); not a permanent erasure. */
  action: "delete" | "mask" | "archive" | "keep";
  /** What is touched, in words staff can read (no personal values). */
  target: string;
  fields?: string[];
  /** Why it is kept or masked rather than deleted (legal hold, vendor limit). */
  reason?: string;
  holdId?: string;
};

export type ErasureReceipt = {
  stepId: string;
  outcome: "done" | "not_found" | "held" | "failed";
  vendorRef?: string;
  detail?: string;
  at: Date;
};
