// Erasure plans: what each system will delete, mask, archive or keep, and why. Pure.
import type { ErasureReceipt, ErasureStep } from "~/connectors/connector";

export type ErasureSystem = "shopify" | "stripe" | "mailchimp" | "vigie";

export type SystemPlan = {
  system: ErasureSystem;
  steps: ErasureStep[];
  /** Why the system takes no part, when it does not (not connected, started the erasure itself). */
  skipped?: "not_connected" | "started_by_shopify";
};

// Vigie goes last: the other systems are found through what Vigie knows of the subject.
const ORDER: ErasureSystem[] = ["shopify", "stripe", "mailchimp", "vigie"];

/**
 * The plan of an erasure, systems in execution order. A `customers/redact` comes from Shopify's own
 * erasure, so Vigie never asks Shopify to erase again (it would loop back).
 */
export function buildErasurePlan(
  plans: SystemPlan[],
  options: { channel: "shopify" | "privacy_centre" | "staff" },
): SystemPlan[] {
  return [...plans]
    .map((plan) =>
      plan.system === "shopify" && options.channel === "shopify"
        ? { system: plan.system, steps: [], skipped: "started_by_shopify" as const }
        : plan,
    )
    .sort((a, b) => ORDER.indexOf(a.system) - ORDER.indexOf(b.system));
}

/** A step is settled when erased, when there was nothing to erase, or when kept under an explained hold. */
export function isSettled(receipt: Pick<ErasureReceipt, "outcome"> | undefined): boolean {
  return (
    receipt !== undefined &&
    (receipt.outcome === "done" || receipt.outcome === "not_found" || receipt.outcome === "held")
  );
}

/**
 * Whether the request can close (GDPR art. 17, 12(3)): every planned step settled. A failed step
 * keeps the request open until it is retried.
 */
export function erasureComplete(
  plan: SystemPlan[],
  receipts: Map<string, Pick<ErasureReceipt, "outcome">>,
): boolean {
  return plan.every((system) => system.steps.every((step) => isSettled(receipts.get(step.id))));
}

/** The kept parts of a plan: what the answer to the subject must name, with the reason. */
export function heldSteps(plan: SystemPlan[]): { system: ErasureSystem; step: ErasureStep }[] {
  return plan.flatMap((system) =>
    system.steps.filter((step) => step.action === "keep").map((step) => ({ system: system.system, step })),
  );
}
