// Rectification through the connectors (GDPR art. 16, 19; docs/decisions/068) on real databases,
// against the Shopify, Stripe and Mailchimp simulators: each system is read for the diff, staff
// approve once, one job per system writes the corrected values (read back from each simulator),
// Vigie's records last, then the art. 19 notices and the answer listing what changed where. A
// system that refuses is shown failed and retried alone; a job run again after a crash (its
// receipt written) writes nothing again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorsForShop } from "~/connectors/registry.server";
import type { RequestedChanges } from "~/domain/rectification/rectification";
import { sandboxShopifyToken } from "~/sandbox/sandbox-systems.server";
import {
  approveRectification,
  executeRectificationSystem,
  openRectification,
  planRectificationRun,
  retryRectificationSystem,
} from "~/services/rectification/rectification-runs.server";
import { fileRequest } from "~/services/requests/create-request.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { seedWorldShop, startWorld, type World, type WorldShopper } from "../support/sandbox-world";
import { TEST_SECRET_KEY, testLinks } from "../support/test-logger";

const LEA: WorldShopper = {
  customerId: 8811,
  email: "lea.durand@example.fr",
  firstName: "Léa",
  lastName: "Durand",
};
const HUGO: WorldShopper = {
  customerId: 8812,
  email: "hugo.petit@example.fr",
  firstName: "Hugo",
  lastName: "Petit",
};
const NINA: WorldShopper = {
  customerId: 8813,
  email: "nina.roux@example.fr",
  firstName: "Nina",
  lastName: "Roux",
};

describe.each(testDialects())("rectification through the connectors on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  let shop: { id: string; domain: string; name: string | null };

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await startWorld({ shoppers: [LEA, HUGO, NINA] });
    shop = await seedWorldShop(t.db, world, [LEA, HUGO, NINA]);
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
    await t?.drop();
  });

  const connectors = (domain: string) =>
    connectorsForShop(
      {
        db: t.db,
        secretKey: TEST_SECRET_KEY,
        endpoints: {
          shopify: { baseUrl: world.shopify.baseUrl, accessToken: () => sandboxShopifyToken(world.settings) },
          mailchimpBasePath: world.mailchimp.basePath,
          stripe: { host: world.stripe.host, port: world.stripe.port, protocol: "http" },
        },
      },
      domain,
    );
  const deps = () => ({ db: t.db, connectors, secretKey: TEST_SECRET_KEY });

  async function file(who: WorldShopper, changes: RequestedChanges) {
    const subject = await t.db.subject.findFirstOrThrow({ where: { shopId: shop.id, email: who.email } });
    const request = await t.db.$transaction((tx) =>
      fileRequest(tx, testLinks(shop.domain), {
        shop,
        details: { type: "rectification", changes, recipientsAsked: true },
        channel: "staff",
        requesterEmail: who.email,
        locale: "fr",
        receivedAt: new Date(),
        identity: { level: "verified", rationale: "signed_in_customer" },
        subjectId: subject.id,
        actor: { type: "staff", id: "dpo" },
      }),
    );
    const run = await t.db.rectificationRun.findUniqueOrThrow({ where: { requestId: request.id } });
    return { request, run, subject };
  }

  const jobsOf = (runId: string) =>
    t.db.job.findMany({ where: { type: "rectification.system", payload: { contains: runId } } });
  const receipt = (runId: string, system: string) =>
    t.db.rectificationReceipt.findUnique({ where: { runId_system: { runId, system } } });
  const stripeCustomer = (email: string) =>
    [...world.stripe.state.customers.values()].find((c) => !c.deleted && c.email === email);

  it("reads each system for the diff, applies it once approved, Vigie last, and answers with what changed where", async () => {
    const changes: RequestedChanges = {
      name: { first: "Léa", last: "Durand-Martin" },
      email: "lea.martin@example.fr",
      phone: "+33698765431",
      address: { line1: "12 rue Oberkampf", line2: "", city: "Paris", zip: "75011", country: "FR" },
    };
    const { request, run, subject } = await file(LEA, changes);
    expect(run.status).toBe("planning");
    await planRectificationRun(deps(), run.id);
    const planned = await t.db.rectificationRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(planned.status).toBe("planned");
    // The values are sealed; the plan in clear names fields only.
    expect(planned.plan).not.toContain("lea.martin");
    const diff = openRectification(TEST_SECRET_KEY, planned).plan ?? [];
    const shopifyDiff = diff.find((d) => d.system === "shopify");
    expect(shopifyDiff?.changes).toEqual([
      { field: "name", from: "Léa Durand", to: "Léa Durand-Martin" },
      { field: "email", from: LEA.email, to: "lea.martin@example.fr" },
      { field: "phone", from: null, to: "+33698765431" },
      {
        field: "address",
        from: "1 rue de la Paix, 75002 Paris, FR",
        to: "12 rue Oberkampf, 75011 Paris, FR",
      },
    ]);
    expect(diff.find((d) => d.system === "stripe")?.changes.map((c) => c.field)).toEqual([
      "name",
      "email",
      "phone",
      "address",
    ]);
    expect(diff.find((d) => d.system === "vigie")?.changes.map((c) => c.field)).toEqual(["email", "phone"]);
    // Nothing was written by reading.
    expect(world.shopify.state.customer(shop.domain, LEA.customerId)?.email).toBe(LEA.email);

    expect(await approveRectification(t.db, shop, "dpo", run.id)).toBe(true);
    expect(await approveRectification(t.db, shop, "dpo", run.id)).toBe(false);
    const systemsQueued = (await jobsOf(run.id)).map((j) => JSON.parse(j.payload).system).sort();
    expect(systemsQueued).toEqual(["mailchimp", "shopify", "stripe"]);

    await executeRectificationSystem(deps(), { runId: run.id, system: "shopify" });
    await executeRectificationSystem(deps(), { runId: run.id, system: "stripe" });
    // A crash after Stripe's receipt: its job runs again and writes nothing.
    const stripeCalls = world.stripe.stats.requests;
    await executeRectificationSystem(deps(), { runId: run.id, system: "stripe" });
    expect(world.stripe.stats.requests).toBe(stripeCalls);
    // Vigie waits for the outside systems.
    expect((await jobsOf(run.id)).some((j) => j.payload.includes('"vigie"'))).toBe(false);
    await executeRectificationSystem(deps(), { runId: run.id, system: "mailchimp" });
    expect((await jobsOf(run.id)).some((j) => j.payload.includes('"vigie"'))).toBe(true);
    await executeRectificationSystem(deps(), { runId: run.id, system: "vigie" });

    // Read back from each simulator.
    const customer = world.shopify.state.customer(shop.domain, LEA.customerId);
    expect(customer).toMatchObject({
      lastName: "Durand-Martin",
      email: "lea.martin@example.fr",
      phone: "+33698765431",
    });
    expect(customer?.addresses[0]).toMatchObject({
      address1: "12 rue Oberkampf",
      zip: "75011",
      countryCodeV2: "FR",
    });
    expect(stripeCustomer(LEA.email)).toBeUndefined();
    expect(stripeCustomer("lea.martin@example.fr")).toMatchObject({
      name: "Léa Durand-Martin",
      phone: "+33698765431",
      address: { line1: "12 rue Oberkampf", postal_code: "75011", country: "FR" },
    });
    expect(world.mailchimp.state.member(LEA.email)).toBeUndefined();
    expect(world.mailchimp.state.member("lea.martin@example.fr")?.merge_fields).toMatchObject({
      LNAME: "Durand-Martin",
      PHONE: "+33698765431",
      ADDRESS: { addr1: "12 rue Oberkampf", zip: "75011", city: "Paris", country: "FR" },
    });
    // Vigie's own records: the subject and the request's answer address.
    expect(await t.db.subject.findUniqueOrThrow({ where: { id: subject.id } })).toMatchObject({
      email: "lea.martin@example.fr",
      phone: "+33698765431",
    });
    const answered = await t.db.rightsRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(answered).toMatchObject({ state: "answered", requesterEmail: "lea.martin@example.fr" });
    const done = await t.db.rectificationRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(done).toMatchObject({ status: "done", sealed: null });

    // Art. 19: each system told by its write; the answer lists what changed where and who was told.
    const notices = await t.db.recipientNotice.findMany({ where: { requestId: request.id } });
    for (const system of ["shopify", "stripe", "mailchimp"])
      expect(notices.find((n) => n.recipient === system)).toMatchObject({
        channel: "connector",
        status: "done",
      });
    expect(notices.find((n) => n.recipient === "carriers")).toMatchObject({
      channel: "staff",
      status: "pending",
    });
    const answer = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: "request.answer" },
    });
    // Sent to the address whose identity was established, not to the new one, unproven yet.
    expect(answer.to).toBe(LEA.email);
    expect(answer.text).toContain("Adresse e-mail\u00a0: désormais lea.martin@example.fr");
    expect(answer.text).toMatch(/Shopify.*Nom\u00a0: désormais Léa Durand-Martin/);
    expect(answer.text).toMatch(/Nos propres registres.*Numéro de téléphone\u00a0: désormais \+33698765431/);
    expect(answer.text).toMatch(/^- Shopify International Limited$/m);
    const actions = (
      await t.db.auditEvent.findMany({ where: { targetId: request.id }, select: { action: true } })
    ).map((a) => a.action);
    expect(actions.filter((a) => a === "rectification.system_done")).toHaveLength(4);
    expect(actions).toContain("rectification.completed");
  });

  it("shows a system that refuses as failed, holds the rest, and retries that system alone", async () => {
    // Another Shopify customer already has the address Hugo asks for: Shopify says TAKEN.
    const other = world.shopify.state.addCustomer(shop.domain, { email: "hugo.p@example.fr" });
    const { request, run } = await file(HUGO, { email: "hugo.p@example.fr" });
    await planRectificationRun(deps(), run.id);
    await approveRectification(t.db, shop, "dpo", run.id);
    await executeRectificationSystem(deps(), { runId: run.id, system: "shopify" });
    await executeRectificationSystem(deps(), { runId: run.id, system: "stripe" });
    await executeRectificationSystem(deps(), { runId: run.id, system: "mailchimp" });
    expect(await receipt(run.id, "shopify")).toMatchObject({ outcome: "failed", detail: "TAKEN on email" });
    expect(await receipt(run.id, "stripe")).toMatchObject({ outcome: "done" });
    expect(world.shopify.state.customer(shop.domain, HUGO.customerId)?.email).toBe(HUGO.email);
    // Vigie and the answer wait for Shopify.
    expect((await jobsOf(run.id)).some((j) => j.payload.includes('"vigie"'))).toBe(false);
    expect((await t.db.rightsRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe(
      "in_progress",
    );
    // Only a failed (or stalled) system is retried.
    expect(await retryRectificationSystem(t.db, shop, "dpo", run.id, "stripe")).toBe(false);

    // Staff sort out the duplicate in Shopify, then retry Shopify alone.
    other.email = null;
    const stripeCalls = world.stripe.stats.requests;
    expect(await retryRectificationSystem(t.db, shop, "dpo", run.id, "shopify")).toBe(true);
    const retryJob = (await jobsOf(run.id)).filter((j) => j.payload.includes('"shopify"'));
    expect(retryJob).toHaveLength(2);
    await executeRectificationSystem(deps(), { runId: run.id, system: "shopify" });
    await executeRectificationSystem(deps(), { runId: run.id, system: "vigie" });
    expect(world.stripe.stats.requests).toBe(stripeCalls);
    expect(world.shopify.state.customer(shop.domain, HUGO.customerId)?.email).toBe("hugo.p@example.fr");
    expect((await t.db.rightsRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe(
      "answered",
    );
  });

  it("keeps Mailchimp's refusal to change the address of a contact in a compliance state", async () => {
    const member = world.mailchimp.state.member(NINA.email);
    if (!member) throw new Error("Nina is not in the audience");
    member.complianceHold = true;
    const { run } = await file(NINA, { email: "nina.r@example.fr" });
    await planRectificationRun(deps(), run.id);
    await approveRectification(t.db, shop, "dpo", run.id);
    await executeRectificationSystem(deps(), { runId: run.id, system: "mailchimp" });
    expect(await receipt(run.id, "mailchimp")).toMatchObject({
      outcome: "failed",
      detail: "Invalid Resource",
    });
    expect(world.mailchimp.state.member(NINA.email)?.email_address).toBe(NINA.email);
  });
});
