import { afterEach, describe, expect, it } from "vitest";
import type { ErasureStep } from "~/domain/systems";
import { REDACTED, seedStripeGuest, seedStripeShopper } from "~/sandbox/simulators/stripe.server";
import { EMAIL, startTestbed, stopTestbeds, subject, type Testbed } from "../../../tests/fixtures/stripe";
import { erasureIdempotencyKey } from "./erasure-steps.server";

afterEach(stopTestbeds);

const DAY = 86_400_000;

async function runAll(b: Testbed, steps: ErasureStep[], email = EMAIL) {
  const receipts = [];
  for (const step of steps) receipts.push(await b.connector.executeErasureStep(subject(email), step));
  return receipts;
}

describe("planErasure", () => {
  it("plans cancel, delete drafts, detach, mask, delete, and keeps payments and invoices, in that order", async () => {
    const b = await startTestbed();
    const { customerId: c } = seedStripeShopper(b.sim.state, {
      email: EMAIL,
      invoices: { paid: 1, draft: 1 },
    });
    const steps = await b.connector.planErasure(subject(EMAIL));
    expect(steps.map((s) => [s.id, s.action])).toEqual([
      [`stripe:${c}:cancel-subscriptions`, "archive"],
      [`stripe:${c}:delete-draft-invoices`, "delete"],
      [`stripe:${c}:detach-payment-methods`, "delete"],
      [`stripe:${c}:mask-customer`, "mask"],
      [`stripe:${c}:keep-payments`, "keep"],
      [`stripe:${c}:delete-customer`, "delete"],
      [`stripe:${c}:keep-invoices`, "keep"],
    ]);
    const byKind = (kind: string) => steps.find((s) => s.id.endsWith(kind));
    expect(byKind("mask-customer")?.fields).toEqual([
      "name",
      "email",
      "phone",
      "address",
      "shipping",
      "description",
      "metadata",
    ]);
    expect(byKind("keep-invoices")).toMatchObject({
      holdId: "fr-code-commerce-L123-22",
      reason: expect.stringContaining("L123-22"),
    });
    expect(byKind("keep-payments")?.reason).toContain("Redaction Jobs");
    expect(JSON.stringify(steps)).not.toContain(EMAIL);
  });

  it("plans only what applies: no subscription, card or draft steps when there are none", async () => {
    const b = await startTestbed();
    const { customerId: c } = seedStripeShopper(b.sim.state, {
      email: EMAIL,
      paymentMethods: 0,
      subscriptions: {},
      invoices: {},
      charges: 0,
      checkoutSessions: 0,
    });
    const steps = await b.connector.planErasure(subject(EMAIL));
    expect(steps.map((s) => s.id)).toEqual([`stripe:${c}:mask-customer`, `stripe:${c}:delete-customer`]);
    await expect(b.connector.planErasure(subject("nobody@example.fr"))).resolves.toEqual([]);
  });

  it("plans only keeps for a customer already deleted, found by its stored id", async () => {
    const b = await startTestbed({}, { redactionJobs: true });
    const { customerId: c } = seedStripeShopper(b.sim.state, { email: EMAIL });
    const customer = b.sim.state.customers.get(c);
    if (customer) b.sim.state.deleteCustomer(customer);
    const steps = await b.connector.planErasure(subject(EMAIL, { stripeCustomerIds: [c] }));
    expect(steps.map((s) => [s.id, s.action])).toEqual([
      [`stripe:${c}:keep-payments`, "keep"],
      [`stripe:${c}:keep-invoices`, "keep"],
    ]);
    expect(steps[0]?.reason).toContain("already deleted");
  });

  it("plans a Redaction Job once the last payment is 90 days old, when the shop opted in", async () => {
    const b = await startTestbed({}, { redactionJobs: true });
    const { customerId: c } = seedStripeShopper(b.sim.state, { email: EMAIL, newestChargeDaysAgo: 91 });
    const step = (await b.connector.planErasure(subject(EMAIL))).find(
      (s) => s.id === `stripe:${c}:redaction-job`,
    );
    expect(step).toMatchObject({ action: "mask", reason: expect.stringContaining("[redacted]") });
  });

  it("keeps payments younger than 90 days, saying from which date a redaction becomes possible", async () => {
    const now = new Date("2026-11-26T12:00:00Z");
    const b = await startTestbed({ now: () => now }, { redactionJobs: true, now: () => now });
    const { customerId: c } = seedStripeShopper(b.sim.state, { email: EMAIL, newestChargeDaysAgo: 12 });
    const steps = await b.connector.planErasure(subject(EMAIL));
    const step = steps.find((s) => s.id === `stripe:${c}:redaction-job`) as ErasureStep;
    expect(step).toMatchObject({ action: "keep", holdId: "stripe-redaction-90-days" });
    expect(step.reason).toContain(new Date(now.getTime() - 12 * DAY + 90 * DAY).toISOString().slice(0, 10));
    await expect(b.connector.executeErasureStep(subject(EMAIL), step)).resolves.toMatchObject({
      outcome: "held",
      detail: step.reason,
    });
    expect(b.sim.redactionJobs.jobs.size).toBe(0);
  });
});

describe("executeErasureStep", () => {
  it("runs every step; a second run of each is harmless; invoices stay", async () => {
    const b = await startTestbed();
    const seeded = seedStripeShopper(b.sim.state, {
      email: EMAIL,
      paymentMethods: 2,
      invoices: { paid: 1, draft: 1 },
      subscriptions: { active: 2, canceled: 1 },
    });
    const steps = await b.connector.planErasure(subject(EMAIL));
    const first = await runAll(b, steps);
    expect(first.map((r) => r.outcome)).toEqual(["done", "done", "done", "done", "held", "done", "held"]);
    expect(first[0]).toMatchObject({
      detail: "2 subscription(s) cancelled.",
      vendorRef: expect.stringMatching(/^req_/),
    });
    expect(first[5]).toMatchObject({ vendorRef: expect.stringMatching(/^req_/), at: expect.any(Date) });

    const state = b.sim.state;
    expect(state.customers.get(seeded.customerId)).toMatchObject({
      deleted: true,
      name: null,
      email: null,
      metadata: {},
    });
    for (const id of seeded.paymentMethodIds) expect(state.paymentMethods.get(id)?.customer).toBeNull();
    for (const id of seeded.subscriptionIds) expect(state.subscriptions.get(id)?.status).toBe("canceled");
    expect([...state.invoices.values()].map((i) => i.status)).toEqual(["paid"]);
    expect(state.invoices.get(seeded.invoiceIds[0] as string)?.customer_email).toBe(EMAIL);
    const requestsAfterFirstRun = b.sim.stats.requests;

    const second = await runAll(b, steps);
    expect(second.map((r) => r.outcome)).toEqual([
      "done",
      "done",
      "not_found",
      "done",
      "held",
      "not_found",
      "held",
    ]);
    expect(second[0]?.detail).toBe("0 subscription(s) cancelled.");
    expect(b.sim.callsTo("/v1/customers").filter((c) => c.replayed)).toHaveLength(1);
    expect(b.sim.stats.requests - requestsAfterFirstRun).toBeLessThan(12);
  });

  it("resumes after a crash: steps Stripe already applied come back done or not_found", async () => {
    const b = await startTestbed();
    const seeded = seedStripeShopper(b.sim.state, { email: EMAIL, paymentMethods: 1 });
    const steps = await b.connector.planErasure(subject(EMAIL));
    const deleteAt = steps.findIndex((s) => s.id.endsWith("delete-customer"));
    // The worker dies while deleting: Stripe deleted the customer, Vigie never got the answer.
    await runAll(b, steps.slice(0, deleteAt));
    b.sim.faults.next("reset", 3, { path: `/v1/customers/${seeded.customerId}` });
    const dropped = await b.connector
      .executeErasureStep(subject(EMAIL), steps[deleteAt] as ErasureStep)
      .catch((e) => e);
    expect(dropped).toMatchObject({ retryable: true, kind: "connection" });
    const customer = b.sim.state.customers.get(seeded.customerId);
    if (customer) b.sim.state.deleteCustomer(customer);

    const resumed = await runAll(b, steps);
    expect(resumed.map((r) => [r.stepId.split(":")[2], r.outcome])).toEqual([
      ["cancel-subscriptions", "done"],
      ["detach-payment-methods", "not_found"],
      ["mask-customer", "done"],
      ["keep-payments", "held"],
      ["delete-customer", "not_found"],
      ["keep-invoices", "held"],
    ]);
  });

  it("masks with a deterministic idempotency key; past Stripe's 24 h window a deleted customer reads not_found", async () => {
    let now = new Date("2026-11-26T12:00:00Z");
    const b = await startTestbed({ now: () => now }, { now: () => now });
    const seeded = seedStripeShopper(b.sim.state, { email: EMAIL });
    const steps = await b.connector.planErasure(subject(EMAIL));
    const mask = steps.find((s) => s.id.endsWith("mask-customer")) as ErasureStep;
    const del = steps.find((s) => s.id.endsWith("delete-customer")) as ErasureStep;
    await b.connector.executeErasureStep(subject(EMAIL), mask);
    await b.connector.executeErasureStep(subject(EMAIL), del);
    const masks = b.sim.callsTo(`/v1/customers/${seeded.customerId}`, "POST");
    expect(masks[0]?.idempotencyKey).toBe(`vigie-erasure-subj_1-${mask.id}`);
    now = new Date(now.getTime() + 25 * 3_600_000);
    await expect(b.connector.executeErasureStep(subject(EMAIL), mask)).resolves.toMatchObject({
      outcome: "not_found",
    });
  });

  it("redacts the payments with a Redaction Job, and a re-run finds the same job", async () => {
    const b = await startTestbed({}, { redactionJobs: true });
    const seeded = seedStripeShopper(b.sim.state, {
      email: EMAIL,
      newestChargeDaysAgo: 120,
      paymentMethods: 2,
    });
    const steps = await b.connector.planErasure(subject(EMAIL));
    const receipts = await runAll(b, steps);
    const redaction = receipts.find((r) => r.stepId.endsWith("redaction-job"));
    expect(redaction).toMatchObject({ outcome: "done", vendorRef: expect.stringMatching(/^rdj_/) });
    const charge = b.sim.state.charges.get(seeded.chargeIds[0] as string);
    expect(charge?.billing_details).toMatchObject({ email: REDACTED, name: REDACTED });
    expect(b.sim.state.invoices.get(seeded.invoiceIds[0] as string)?.customer_email).toBe(REDACTED);
    expect(b.sim.state.customers.get(seeded.customerId)?.deleted).toBe(true);

    const step = steps.find((s) => s.id.endsWith("redaction-job")) as ErasureStep;
    const again = await b.connector.executeErasureStep(subject(EMAIL), step);
    expect(again).toMatchObject({ outcome: "done", vendorRef: redaction?.vendorRef });
    expect(b.sim.redactionJobs.jobs.size).toBe(1);
  });

  it("reports what blocks a Redaction Job as a failed receipt with Stripe's codes only", async () => {
    const b = await startTestbed({}, { redactionJobs: true });
    seedStripeShopper(b.sim.state, { email: EMAIL, newestChargeDaysAgo: 120, dispute: "open" });
    const steps = await b.connector.planErasure(subject(EMAIL));
    const receipts = await runAll(
      b,
      steps.filter((s) => !s.id.endsWith("delete-customer")),
    );
    const redaction = receipts.find((r) => r.stepId.endsWith("redaction-job"));
    expect(redaction).toMatchObject({ outcome: "failed", vendorRef: expect.stringMatching(/^rdj_/) });
    expect(redaction?.detail).toBe(
      "Stripe refused the redaction: open_dispute. Remove what blocks it, then erase again.",
    );
  });

  it("redacts guest checkouts once they are 90 days old", async () => {
    const b = await startTestbed({}, { redactionJobs: true });
    const guest = seedStripeGuest(b.sim.state, { email: EMAIL, daysAgo: 100 });
    const steps = await b.connector.planErasure(subject(EMAIL));
    expect(steps.map((s) => [s.id, s.action])).toEqual([["stripe:guest:redaction-job", "mask"]]);
    await expect(runAll(b, steps)).resolves.toMatchObject([{ outcome: "done" }]);
    const session = b.sim.state.checkoutSessions.get(guest.checkoutSessionIds[0] as string);
    expect(session?.customer_details).toMatchObject({ email: REDACTED, name: REDACTED });
  });

  it("refuses a step id that is not a Stripe plan's, and logs no personal data", async () => {
    const b = await startTestbed();
    seedStripeShopper(b.sim.state, { email: EMAIL });
    const forged = {
      id: "stripe:cus_1/../../v1/balance:delete-customer",
      action: "delete",
      target: "x",
    } as const;
    await expect(b.connector.executeErasureStep(subject(EMAIL), forged)).resolves.toMatchObject({
      outcome: "failed",
    });
    await runAll(b, await b.connector.planErasure(subject(EMAIL)));
    expect(b.sim.callsTo("/v1/balance")).toHaveLength(0);
    expect(b.log.lines.length).toBeGreaterThan(0);
    expect(b.log.lines.join("\n")).not.toMatch(/camille|example\.fr/i);
  });
});

describe("erasureIdempotencyKey", () => {
  it("is deterministic, per object when asked, and at most 255 characters", () => {
    expect(erasureIdempotencyKey("subj_1", "stripe:cus_A:mask-customer")).toBe(
      "vigie-erasure-subj_1-stripe:cus_A:mask-customer",
    );
    expect(erasureIdempotencyKey("subj_1", "stripe:cus_A:detach-payment-methods", "pm_1")).toBe(
      "vigie-erasure-subj_1-stripe:cus_A:detach-payment-methods-pm_1",
    );
    const long = erasureIdempotencyKey("s".repeat(300), "stripe:cus_A:mask-customer");
    expect(long).toHaveLength(78);
    expect(long).toBe(erasureIdempotencyKey("s".repeat(300), "stripe:cus_A:mask-customer"));
    expect(long).not.toBe(erasureIdempotencyKey("s".repeat(301), "stripe:cus_A:mask-customer"));
  });
});
