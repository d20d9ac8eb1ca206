// Executing one step of a Stripe erasure plan, idempotently: a step run twice, or resumed after a
// crash, is harmless. Writes carry a deterministic idempotency key
// (`vigie-erasure-<subjectId>-<stepId>[-<object>]`, at most 255 characters), so a retry within
// Stripe's 24 h window replays the first answer instead of acting twice; after it, each step is
// naturally repeatable (a deleted customer or a cancelled subscription answers 404, which counts
// as done). Failures a job should retry are thrown (StripeConnectorError, retryable); refusals are
// returned as `failed` receipts whose detail holds no personal data.
import { createHash } from "node:crypto";
import type { ErasureReceipt, ErasureStep } from "~/domain/systems";
import type { Logger } from "~/utils/logger.server";
import type { StripeClient } from "./client.server";
import { parseStepId, type StepKind } from "./erasure-plan.server";
import { isInvalidRequest, isResourceMissing, StripeConnectorError } from "./errors";
import { findCustomers, guestCheckoutSessions, type StripeSubjectRef } from "./lookup.server";
import { type RedactionPolling, runRedactionJob } from "./redaction.server";

/** What a step needs besides the step itself. */
export type StepContext = {
  client: StripeClient;
  subject: StripeSubjectRef;
  redactionJobs: boolean;
  polling: RedactionPolling;
  pageSize: number;
  now: () => Date;
  log: Logger;
};

const MAX_KEY = 255;

/** The step's idempotency key (per object for steps that write several), ≤ 255 characters. */
export function erasureIdempotencyKey(subjectId: string, stepId: string, object?: string): string {
  const key = `vigie-erasure-${subjectId}-${stepId}${object ? `-${object}` : ""}`;
  return key.length <= MAX_KEY ? key : `vigie-erasure-${createHash("sha256").update(key).digest("hex")}`;
}

type Result = Omit<ErasureReceipt, "stepId" | "at">;

const refs = (ids: (string | undefined)[]) => {
  const known = ids.filter((id): id is string => Boolean(id));
  return known.length === 0 ? undefined : known.slice(0, 10).join(",") + (known.length > 10 ? ",…" : "");
};

/** Runs `write` for each id, counting Stripe's 404 (already gone) as done; returns the request ids. */
async function forEach(
  ids: string[],
  write: (id: string) => Promise<{ lastResponse: { requestId: string } }>,
) {
  const requestIds: string[] = [];
  for (const id of ids) {
    try {
      requestIds.push((await write(id)).lastResponse.requestId);
    } catch (error) {
      if (!isResourceMissing(error)) throw error;
    }
  }
  return requestIds;
}

async function collect<T extends { id: string }>(items: AsyncIterable<T>): Promise<string[]> {
  const ids: string[] = [];
  // Ids first, then the writes: cancelling while paging would move the list under the cursor.
  for await (const item of items) ids.push(item.id);
  return ids;
}

async function customerStep(
  ctx: StepContext,
  kind: StepKind,
  customer: string,
  key: string,
): Promise<Result> {
  const { client, pageSize } = ctx;
  const page = { customer, limit: pageSize };
  switch (kind) {
    case "cancel-subscriptions": {
      // Without a status, the list holds exactly the subscriptions that still bill.
      const ids = await collect(
        client.each("subscriptions.list", (sdk, after) =>
          sdk.subscriptions.list({ ...page, starting_after: after }),
        ),
      );
      const done = await forEach(ids, (id) =>
        client.call("subscriptions.cancel", (sdk) => sdk.subscriptions.cancel(id)),
      );
      return { outcome: "done", vendorRef: refs(done), detail: `${done.length} subscription(s) cancelled.` };
    }
    case "delete-draft-invoices": {
      const ids = await collect(
        client.each("invoices.list", (sdk, after) =>
          sdk.invoices.list({ ...page, status: "draft", starting_after: after }),
        ),
      );
      const done = await forEach(ids, (id) => client.call("invoices.del", (sdk) => sdk.invoices.del(id)));
      return { outcome: "done", vendorRef: refs(done), detail: `${done.length} draft invoice(s) deleted.` };
    }
    case "detach-payment-methods": {
      let ids: string[];
      try {
        ids = await collect(
          client.each("customers.listPaymentMethods", (sdk, after) =>
            sdk.customers.listPaymentMethods(customer, { limit: pageSize, starting_after: after }),
          ),
        );
      } catch (error) {
        // Deleting a customer removes its cards: nothing is left to detach.
        if (isResourceMissing(error)) return { outcome: "not_found" };
        throw error;
      }
      const done = await forEach(ids, async (id) => {
        try {
          return await client.call("paymentMethods.detach", (sdk) =>
            sdk.paymentMethods.detach(id, undefined, { idempotencyKey: `${key}-${id}` }),
          );
        } catch (error) {
          // Stripe refuses to detach what is no longer attached: check that this is the case.
          if (!isInvalidRequest(error)) throw error;
          const method = await client.call("paymentMethods.retrieve", (sdk) =>
            sdk.paymentMethods.retrieve(id),
          );
          if (method.customer !== null) throw error;
          return method;
        }
      });
      return { outcome: "done", vendorRef: refs(done), detail: `${ids.length} payment method(s) detached.` };
    }
    case "mask-customer": {
      try {
        const updated = await client.call("customers.update", (sdk) =>
          sdk.customers.update(
            customer,
            // "" unsets a field in Stripe's API; metadata "" removes every key.
            { name: "", email: "", phone: "", description: "", address: "", shipping: "", metadata: "" },
            { idempotencyKey: key },
          ),
        );
        return { outcome: "done", vendorRef: updated.lastResponse.requestId };
      } catch (error) {
        if (isResourceMissing(error))
          return { outcome: "not_found", detail: "The customer is already deleted." };
        throw error;
      }
    }
    case "delete-customer": {
      try {
        const deleted = await client.call("customers.del", (sdk) => sdk.customers.del(customer));
        return { outcome: "done", vendorRef: deleted.lastResponse.requestId };
      } catch (error) {
        if (isResourceMissing(error))
          return { outcome: "not_found", detail: "The customer is already deleted." };
        throw error;
      }
    }
    default:
      return { outcome: "failed", detail: "Not a step of this Stripe plan." };
  }
}

async function redactionStep(ctx: StepContext, target: string, key: string): Promise<Result> {
  if (!ctx.redactionJobs) {
    return { outcome: "failed", detail: "Stripe Redaction Jobs are not enabled for this shop any more." };
  }
  let objects: { customers?: string[]; checkout_sessions?: string[] };
  if (target === "guest") {
    const customers = await findCustomers(ctx.client, ctx.subject, ctx.pageSize);
    const sessions = await collect(
      guestCheckoutSessions(ctx.client, ctx.subject, new Set(customers.map((c) => c.id)), ctx.pageSize),
    );
    if (sessions.length === 0) return { outcome: "not_found" };
    objects = { checkout_sessions: sessions };
  } else {
    objects = { customers: [target] };
  }
  try {
    const result = await runRedactionJob(ctx.client, objects, key, ctx.polling);
    if (result.outcome === "succeeded") return { outcome: "done", vendorRef: result.jobId };
    if (result.outcome === "canceled") {
      return {
        outcome: "failed",
        vendorRef: result.jobId,
        detail: "The redaction job was cancelled in Stripe.",
      };
    }
    return {
      outcome: "failed",
      vendorRef: result.jobId,
      detail: `Stripe refused the redaction: ${result.codes.join(", ")}. Remove what blocks it, then erase again.`,
    };
  } catch (error) {
    if (isResourceMissing(error)) return { outcome: "not_found", detail: "The customer is already deleted." };
    throw error;
  }
}

/** Executes one planned step; see the file comment for what makes it safe to repeat. */
export async function executeStripeStep(ctx: StepContext, step: ErasureStep): Promise<ErasureReceipt> {
  const parsed = parseStepId(step.id);
  const receipt = (result: Result): ErasureReceipt => ({ stepId: step.id, at: ctx.now(), ...result });
  if (parsed === null) return receipt({ outcome: "failed", detail: "Not a step of a Stripe plan." });
  if (step.action === "keep") return receipt({ outcome: "held", detail: step.reason });
  const key = erasureIdempotencyKey(ctx.subject.subjectId, step.id);
  try {
    const result =
      parsed.kind === "redaction-job"
        ? await redactionStep(ctx, parsed.target, key)
        : parsed.target === "guest"
          ? ({ outcome: "failed", detail: "Not a step of a Stripe plan." } as const)
          : await customerStep(ctx, parsed.kind, parsed.target, key);
    ctx.log.info("stripe erasure step", {
      subjectId: ctx.subject.subjectId,
      step: parsed.kind,
      outcome: result.outcome,
    });
    return receipt(result);
  } catch (error) {
    if (error instanceof StripeConnectorError && !error.retryable) {
      ctx.log.warn("stripe erasure step refused", {
        subjectId: ctx.subject.subjectId,
        step: parsed.kind,
        status: error.status,
        code: error.code,
      });
      return receipt({ outcome: "failed", detail: error.message });
    }
    throw error;
  }
}
