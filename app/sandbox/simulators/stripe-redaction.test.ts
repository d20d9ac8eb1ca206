import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import {
  REDACTED,
  type StripeSimulator,
  seedStripeGuest,
  seedStripeShopper,
  startStripeSimulator,
} from "./stripe.server";

const sims: StripeSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.stop()));
});

const DAY = 86_400_000;

async function start(now?: () => Date) {
  const sim = await startStripeSimulator({
    rateLimitPerSecond: 0,
    redaction: { validationMs: 0, redactionMs: 0 },
    ...(now ? { now } : {}),
  });
  sims.push(sim);
  const sdk = new Stripe(sim.apiKey, {
    host: sim.host,
    port: sim.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
  type Job = { id: string; status: string; objects: Record<string, string[]> };
  const create = async (objects: Record<string, string[]>, validation_behavior = "error") =>
    (await sdk.rawRequest("POST", "/v1/privacy/redaction_jobs", { objects, validation_behavior })) as Job;
  const get = async (id: string) => (await sdk.rawRequest("GET", `/v1/privacy/redaction_jobs/${id}`)) as Job;
  const errors = async (id: string) =>
    (
      (await sdk.rawRequest("GET", `/v1/privacy/redaction_jobs/${id}/validation_errors`)) as {
        data: { code: string }[];
      }
    ).data;
  const run = async (id: string) =>
    (await sdk.rawRequest("POST", `/v1/privacy/redaction_jobs/${id}/run`, {})) as Job;
  return { sim, sdk, create, get, errors, run };
}

describe("RedactionJobs", () => {
  it("fails validation while a card is attached, then redacts the customer and its payments once run", async () => {
    const { sim, sdk, create, get, errors, run } = await start();
    const seeded = seedStripeShopper(sim.state, { email: "camille@example.fr", newestChargeDaysAgo: 120 });
    const blocked = await create({ customers: [seeded.customerId] });
    expect(blocked).toMatchObject({ object: "privacy.redaction_job", status: "validating" });
    expect((await get(blocked.id)).status).toBe("failed");
    expect((await errors(blocked.id)).map((e) => e.code)).toEqual(["payment_method_attached"]);
    await expect(run(blocked.id)).rejects.toMatchObject({ statusCode: 400 });

    for (const id of seeded.paymentMethodIds) await sdk.paymentMethods.detach(id);
    const job = await create({ customers: [seeded.customerId] });
    expect((await get(job.id)).status).toBe("ready");
    expect((await run(job.id)).status).toBe("redacting");
    expect((await get(job.id)).status).toBe("succeeded");

    const customer = await sdk.customers.retrieve(seeded.customerId);
    expect(customer).toMatchObject({ name: REDACTED, email: REDACTED, metadata: {} });
    const charge = await sdk.charges.retrieve(seeded.chargeIds[0] as string);
    expect(charge.billing_details).toMatchObject({ email: REDACTED, name: REDACTED });
    expect(charge.receipt_email).toBe(REDACTED);
    expect(charge.amount).toBeGreaterThan(0);
    const invoice = await sdk.invoices.retrieve(seeded.invoiceIds[0] as string);
    expect(invoice.customer_email).toBe(REDACTED);
    const review = await sdk.reviews.retrieve(seeded.reviewId as string);
    expect(review.ip_address).toBe(REDACTED);
  });

  it("fails a job naming transactions younger than 90 days, and open disputes", async () => {
    const { sim, create, get, errors } = await start();
    const seeded = seedStripeShopper(sim.state, {
      email: "lucas@example.fr",
      newestChargeDaysAgo: 10,
      charges: 2,
      paymentMethods: 0,
      dispute: "open",
    });
    const job = await create({ customers: [seeded.customerId] });
    expect((await get(job.id)).status).toBe("failed");
    const codes = (await errors(job.id)).map((e) => e.code);
    expect(codes.filter((c) => c === "transaction_too_recent")).toHaveLength(4);
    expect(codes).toContain("open_dispute");
  });

  it("lets a job through once the 90 days have passed on the account's clock", async () => {
    let now = new Date("2026-11-26T10:00:00Z");
    const { sim, create, get } = await start(() => now);
    const seeded = seedStripeShopper(sim.state, {
      email: "lucas@example.fr",
      newestChargeDaysAgo: 10,
      paymentMethods: 0,
    });
    expect((await get((await create({ customers: [seeded.customerId] })).id)).status).toBe("failed");
    now = new Date(now.getTime() + 81 * DAY);
    expect((await get((await create({ customers: [seeded.customerId] })).id)).status).toBe("ready");
  });

  it("redacts guest checkout sessions with their payments, and fixes what it can when asked", async () => {
    const { sim, sdk, create, get, run } = await start();
    const guest = seedStripeGuest(sim.state, { email: "guest@example.fr", daysAgo: 100 });
    const job = await create({ checkout_sessions: guest.checkoutSessionIds });
    expect((await get(job.id)).status).toBe("ready");
    await run(job.id);
    expect((await get(job.id)).status).toBe("succeeded");
    const session = await sdk.checkout.sessions.retrieve(guest.checkoutSessionIds[0] as string);
    expect(session.customer_details?.email).toBe(REDACTED);
    const charge = await sdk.charges.retrieve(guest.chargeIds[0] as string);
    expect(charge.billing_details.name).toBe(REDACTED);

    const shopper = seedStripeShopper(sim.state, { email: "c@example.fr", invoices: { draft: 1 } });
    const fixed = await create({ customers: [shopper.customerId] }, "fix");
    expect((await get(fixed.id)).status).toBe("ready");
    expect(sim.state.paymentMethods.get(shopper.paymentMethodIds[0] as string)?.customer).toBeNull();
  });

  it("refuses unknown or deleted customers and empty jobs", async () => {
    const { sim, sdk, create } = await start();
    const { customerId } = seedStripeShopper(sim.state, { email: "c@example.fr" });
    await sdk.customers.del(customerId);
    await expect(create({ customers: [customerId] })).rejects.toMatchObject({
      statusCode: 404,
      param: "objects[customers][0]",
    });
    await expect(create({})).rejects.toMatchObject({ statusCode: 400, param: "objects" });
  });
});
