// Erasure plans: what each system will delete, mask, archive or keep, and why. Pure.
import { type ErasureReceipt, type ErasureStep, SYSTEMS, type SystemName } from "~/domain/systems";
import { INVOICE_ARCHIVE_STEP } from "./invoice-archive";

export type SystemPlan = {
  system: SystemName;
  steps: ErasureStep[];
  /** Why the system takes no part, when it does not (not connected, started the erasure itself). */
  skipped?: "not_connected" | "started_by_shopify";
};

/** The archive of invoice facts, run before Shopify redacts the orders they come from. */
export const INVOICE_ARCHIVE: ErasureStep = {
  id: INVOICE_ARCHIVE_STEP,
  action: "keep",
  target: "Invoice facts of the subject's Shopify orders",
  reason: "Accounting documents are kept 10 years (Code de commerce L123-22; GDPR art. 17(3)(b)).",
  holdId: "fr-code-commerce-L123-22",
};

/**
 * The plan of an erasure, systems in execution order. A `customers/redact` comes from Shopify's own
 * erasure, so Vigie never asks Shopify to erase again (it would loop back). Whenever Shopify will
 * redact the orders, their invoice facts are archived first.
 */
export function buildErasurePlan(
  plans: SystemPlan[],
  options: { channel: "shopify" | "privacy_centre" | "staff" | "retention" },
): SystemPlan[] {
  return [...plans]
    .map((plan) => {
      if (plan.system !== "shopify" || plan.skipped) return plan;
      const startedByShopify = options.channel === "shopify";
      const erasure = startedByShopify ? [] : plan.steps;
      const ordersRedacted = startedByShopify || erasure.some((s) => s.action !== "keep");
      return {
        system: plan.system,
        steps: ordersRedacted ? [INVOICE_ARCHIVE, ...erasure] : erasure,
        ...(startedByShopify && { skipped: "started_by_shopify" as const }),
      };
    })
    .sort((a, b) => SYSTEMS.indexOf(a.system) - SYSTEMS.indexOf(b.system));
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
export function heldSteps(plan: SystemPlan[]): { system: SystemName; step: ErasureStep }[] {
  return plan.flatMap((system) =>
    system.steps.filter((step) => step.action === "keep").map((step) => ({ system: system.system, step })),
  );
}
