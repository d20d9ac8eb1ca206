import { afterEach, describe, expect, it } from "vitest";
import type { ExportRecord } from "~/domain/systems";
import { seedStripeGuest, seedStripeShopper } from "~/sandbox/simulators/stripe.server";
import { csvColumnCheck, tabularSections } from "../../../tests/fixtures/export-archives";
import { drain, EMAIL, startTestbed, stopTestbeds, subject } from "../../../tests/fixtures/stripe";

afterEach(stopTestbeds);

const sections = (records: ExportRecord[]) => [...new Set(records.map((r) => r.section))];
const ofSection = (records: ExportRecord[], section: string, provided?: boolean) =>
  records.filter((r) => r.section === section && (provided === undefined || r.provided === provided));

describe("exportSubject", () => {
  it("exports every section of a shopper's history, cancelled subscriptions and guest checkouts included", async () => {
    const { sim, connector } = await startTestbed();
    const seeded = seedStripeShopper(sim.state, {
      email: EMAIL,
      charges: 3,
      paymentMethods: 2,
      invoices: { paid: 2, draft: 1 },
      subscriptions: { active: 1, canceled: 2 },
      dispute: "won",
    });
    const guest = seedStripeGuest(sim.state, { email: EMAIL.toLowerCase(), sessions: 2 });
    seedStripeShopper(sim.state, { email: "someone.else@example.fr" });
    const records = await drain(connector.exportSubject(subject(EMAIL)));

    expect(sections(records)).toEqual([
      "customer",
      "charges",
      "payment_intents",
      "invoices",
      "payment_methods",
      "subscriptions",
      "checkout_sessions",
      "disputes",
      "early_fraud_warnings",
      "reviews",
    ]);
    const ids = (section: string) => ofSection(records, section, false).map((r) => r.data.id);
    expect(ids("customer")).toEqual([seeded.customerId]);
    expect(ids("charges")).toEqual([...seeded.chargeIds, ...guest.chargeIds]);
    expect(ids("payment_intents")).toEqual([...seeded.paymentIntentIds, ...guest.paymentIntentIds]);
    expect(ids("invoices")).toHaveLength(3);
    expect(ids("payment_methods").sort()).toEqual([...seeded.paymentMethodIds].sort());
    expect(ids("subscriptions").sort()).toEqual([...seeded.subscriptionIds].sort());
    expect(ofSection(records, "subscriptions").filter((r) => r.data.status === "canceled")).toHaveLength(2);
    expect(ids("checkout_sessions").sort()).toEqual(
      [...seeded.checkoutSessionIds, ...guest.checkoutSessionIds].sort(),
    );
    expect(ids("disputes")).toEqual([seeded.disputeId]);
    expect(ids("early_fraud_warnings")).toEqual([seeded.earlyFraudWarningId]);
    expect(ids("reviews")).toEqual([seeded.reviewId]);
    expect(JSON.stringify(records)).not.toContain("someone.else");
    // Every key of a tabular section has its CSV column.
    expect(csvColumnCheck("stripe", records)).toEqual({ tables: tabularSections("stripe"), undeclared: {} });
  });

  it("marks what the shopper typed as provided and what Stripe or the shop recorded as not", async () => {
    const { sim, connector } = await startTestbed();
    const seeded = seedStripeShopper(sim.state, { email: EMAIL, name: "Camille Martin", charges: 1 });
    const records = await drain(connector.exportSubject(subject(EMAIL)));
    expect(ofSection(records, "customer", true)).toEqual([
      {
        section: "customer",
        provided: true,
        data: expect.objectContaining({ id: seeded.customerId, name: "Camille Martin", email: EMAIL }),
      },
    ]);
    const account = ofSection(records, "customer", false)[0]?.data;
    expect(account).toMatchObject({ id: seeded.customerId, metadata: { shopify_customer_id: "7001" } });
    expect(account).not.toHaveProperty("email");
    const [chargeInput] = ofSection(records, "charges", true);
    expect(chargeInput?.data).toMatchObject({ billingDetails: { email: EMAIL }, receiptEmail: EMAIL });
    const [charge] = ofSection(records, "charges", false);
    expect(charge?.data).toMatchObject({
      amount: expect.any(Number),
      riskAssessment: { riskLevel: "normal" },
    });
    expect(charge?.data).not.toHaveProperty("billingDetails");
    expect(ofSection(records, "reviews", true)).toEqual([]);
  });

  it("masks cards to brand, last four, expiry and country, and never exports a fingerprint", async () => {
    const { sim, connector } = await startTestbed();
    seedStripeShopper(sim.state, { email: EMAIL, paymentMethods: 2, charges: 2 });
    const records = await drain(connector.exportSubject(subject(EMAIL)));
    const methods = ofSection(records, "payment_methods", false);
    expect(methods).toHaveLength(2);
    for (const method of methods) {
      expect(Object.keys(method.data.card as object).sort()).toEqual([
        "brand",
        "country",
        "expMonth",
        "expYear",
        "last4",
      ]);
    }
    expect(methods.map((m) => (m.data.card as { last4: string }).last4).sort()).toEqual(["4242", "4444"]);
    const text = JSON.stringify(records);
    expect(text).not.toMatch(/fingerprint/i);
    expect(text).not.toContain("Xt5EWLLDS7FJjR1c");
    expect(text).not.toContain("client_secret");
  });

  it("streams a long history, reading the next page of charges only when the consumer gets there", async () => {
    const { sim, connector } = await startTestbed();
    seedStripeShopper(sim.state, { email: EMAIL, charges: 250, chargeSpacingHours: 1 });
    const iterator = connector.exportSubject(subject(EMAIL))[Symbol.asyncIterator]();
    const chargePages = () => sim.callsTo("/v1/charges", "GET").length;
    let charges = 0;
    const pull = async () => {
      const next = await iterator.next();
      if (!next.done && next.value.section === "charges" && !next.value.provided) charges += 1;
      return next;
    };
    while (charges < 100) await pull();
    expect(chargePages()).toBe(1);
    while (charges < 101) await pull();
    expect(chargePages()).toBe(2);
    expect(sim.callsTo("/v1/payment_intents")).toHaveLength(0);
    while (!(await pull()).done);
    expect(charges).toBe(250);
    expect(chargePages()).toBe(3);
  });

  it("exports a 2 000-charge history in pages of 100, scanning warnings once instead of per charge", async () => {
    const { sim, connector } = await startTestbed();
    seedStripeShopper(sim.state, { email: EMAIL, charges: 2000, chargeSpacingHours: 1 });
    let count = 0;
    for await (const record of connector.exportSubject(subject(EMAIL))) {
      if (record.section === "charges" && !record.provided) count += 1;
    }
    expect(count).toBe(2000);
    expect(sim.callsTo("/v1/charges")).toHaveLength(20);
    const warnings = sim.callsTo("/v1/radar/early_fraud_warnings");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.query).toHaveProperty("created[gte]");
    expect(sim.stats.requests).toBeLessThan(70);
  });

  it("looks up warnings charge by charge for a short history", async () => {
    const { sim, connector } = await startTestbed();
    const seeded = seedStripeShopper(sim.state, { email: EMAIL, charges: 3 });
    await drain(connector.exportSubject(subject(EMAIL)));
    const warnings = sim.callsTo("/v1/radar/early_fraud_warnings");
    expect(warnings.map((c) => c.query.charge).sort()).toEqual([...seeded.chargeIds].sort());
  });

  it("retries a throttled page during an export and still yields every record once", async () => {
    const { sim, connector } = await startTestbed();
    const seeded = seedStripeShopper(sim.state, { email: EMAIL, charges: 150 });
    sim.faults.next(429, 2, { path: "/v1/payment_intents" });
    const records = await drain(connector.exportSubject(subject(EMAIL)));
    expect(ofSection(records, "payment_intents", false).map((r) => r.data.id)).toEqual(
      seeded.paymentIntentIds,
    );
    expect(sim.callsTo("/v1/payment_intents").filter((c) => c.status === 429)).toHaveLength(2);
  });

  it("exports what remains of a deleted customer found by its stored id", async () => {
    const { sim, connector } = await startTestbed();
    const seeded = seedStripeShopper(sim.state, { email: EMAIL, charges: 2 });
    const customer = sim.state.customers.get(seeded.customerId);
    if (customer) sim.state.deleteCustomer(customer);
    const records = await drain(
      connector.exportSubject(subject(EMAIL, { stripeCustomerIds: [seeded.customerId] })),
    );
    expect(ofSection(records, "customer")).toEqual([
      { section: "customer", provided: false, data: { id: seeded.customerId, deleted: true } },
    ]);
    expect(ofSection(records, "charges", false)).toHaveLength(2);
    expect(sim.callsTo(`/v1/customers/${seeded.customerId}/payment_methods`)).toHaveLength(0);
  });

  it("yields nothing for a shopper Stripe does not know", async () => {
    const { connector } = await startTestbed();
    await expect(drain(connector.exportSubject(subject("nobody@example.fr")))).resolves.toEqual([]);
    await expect(drain(connector.exportSubject(subject(null)))).resolves.toEqual([]);
  });
});
