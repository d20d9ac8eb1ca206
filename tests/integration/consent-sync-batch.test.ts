// Consent sync in batches (docs/decisions/088) on real databases, against the Shopify and Mailchimp
// simulators: each event gets its own subject's outcome, a vendor's "retry later" leaves only its
// own event to run again, and the rerun redoes only the system that failed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorsForShop } from "~/connectors/registry.server";
import { sandboxShopifyToken } from "~/sandbox/sandbox-systems.server";
import { syncConsentEvent, syncConsentEvents } from "~/services/consent-sync.server";
import { recordConsent } from "~/services/consents.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { seedWorldShop, startWorld, type World, type WorldShopper } from "../support/sandbox-world";
import { memoryLogger } from "../support/test-logger";

const shopper = (n: number, name: string): WorldShopper => ({
  customerId: 9100 + n,
  email: `${name.toLowerCase()}.lot@example.fr`,
  firstName: name,
  lastName: "Lot",
});
const ANNE = shopper(1, "Anne");
const BRUNO = shopper(2, "Bruno");
const CLARA = shopper(3, "Clara");

describe.each(testDialects())("consent sync in batches on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  let shop: { id: string; domain: string };
  const eventOf = new Map<WorldShopper, string>();

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await startWorld({ shoppers: [ANNE, BRUNO, CLARA] });
    shop = await seedWorldShop(t.db, world, [ANNE, BRUNO, CLARA]);
    // Clara objected to the sharing with Mailchimp (policy §1, GDPR art. 21).
    await t.db.subject.updateMany({
      where: { shopId: shop.id, email: CLARA.email },
      data: { marketingObjectionAt: new Date() },
    });
    for (const person of [ANNE, BRUNO, CLARA]) {
      const subject = await t.db.subject.findFirstOrThrow({
        where: { shopId: shop.id, email: person.email },
      });
      const outcome = await t.db.$transaction((tx) =>
        recordConsent(tx, shop.domain, {
          shopId: shop.id,
          subject: { id: subject.id, email: person.email, shopifyCustomerId: String(person.customerId) },
          kind: "granted",
          lawfulBasis: "consent",
          source: "privacy_centre",
          occurredAt: new Date(),
          noticeVersion: "2022-10-31",
          wording: "Je souhaite recevoir la newsletter",
          wordingLocale: "fr",
        }),
      );
      if (!outcome.recorded) throw new Error("consent not recorded");
      eventOf.set(person, outcome.eventId);
    }
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
    await t?.drop();
  });

  const context = () => ({
    db: t.db,
    log: memoryLogger(),
    connectors: (domain: string) =>
      connectorsForShop(
        {
          db: t.db,
          secretKey: Buffer.alloc(32, 7),
          endpoints: {
            shopify: {
              baseUrl: world.shopify.baseUrl,
              accessToken: () => sandboxShopifyToken(world.settings),
            },
            mailchimpBasePath: world.mailchimp.basePath,
            stripe: { host: world.stripe.host, port: world.stripe.port, protocol: "http" },
          },
        },
        domain,
      ),
  });
  const outcomes = async (person: WorldShopper) =>
    (
      await t.db.consentSync.findMany({ where: { eventId: eventOf.get(person) }, orderBy: { system: "asc" } })
    ).map((sync) => [sync.system, sync.status, sync.outcome]);

  it("syncs each event with its own subject's rules, and leaves out only the event a vendor asked to retry", async () => {
    // Shopify has them not subscribed yet: each push must reach its own customer.
    for (const person of [ANNE, BRUNO, CLARA]) {
      const customer = world.shopify.state.customer(shop.domain, person.customerId);
      if (!customer) throw new Error("no such customer in the simulator");
      world.shopify.state.setEmailConsent(customer, {
        state: "NOT_SUBSCRIBED",
        optInLevel: null,
        consentUpdatedAt: null,
      });
    }
    // Mailchimp throttles the first call it gets (a body-less 403): Anne's, the first event's.
    world.mailchimp.faults.next(403, 1, { withBody: false });
    const ids = [ANNE, BRUNO, CLARA].map((person) => eventOf.get(person) as string);
    const retry = await syncConsentEvents(context(), [...ids, ids[1] as string]);

    expect([...retry.keys()]).toEqual([eventOf.get(ANNE)]);
    expect(retry.get(eventOf.get(ANNE) as string)?.retryable).toBe(true);
    expect(await outcomes(ANNE)).toEqual([
      ["mailchimp", "failed", "retrying"],
      ["shopify", "done", expect.any(String)],
    ]);
    expect(await outcomes(BRUNO)).toEqual([
      ["mailchimp", "done", expect.any(String)],
      ["shopify", "done", expect.any(String)],
    ]);
    expect(await outcomes(CLARA)).toEqual([
      ["mailchimp", "skipped", "objected"],
      ["shopify", "done", expect.any(String)],
    ]);
    for (const person of [ANNE, BRUNO, CLARA])
      expect(world.shopify.state.customer(shop.domain, person.customerId)?.emailMarketing?.state).toBe(
        "SUBSCRIBED",
      );
  });

  it("redoes only the failed system on the rerun, and then has nothing left to do", async () => {
    const shopifyCalls = world.shopify.stats.requests;
    await syncConsentEvent(context(), eventOf.get(ANNE) as string);
    expect(await outcomes(ANNE)).toEqual([
      ["mailchimp", "done", expect.any(String)],
      ["shopify", "done", expect.any(String)],
    ]);
    expect(world.shopify.stats.requests).toBe(shopifyCalls);
    const mailchimpCalls = world.mailchimp.stats.requests;
    const retry = await syncConsentEvents(context(), [...eventOf.values()]);
    expect(retry.size).toBe(0);
    expect(world.mailchimp.stats.requests).toBe(mailchimpCalls);
  });
});
