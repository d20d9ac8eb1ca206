// Consent sync in batches (docs/decisions/088, 099) on real databases, against the Shopify and
// Mailchimp simulators: each event gets its own subject's outcome, a vendor's "retry later" leaves
// only its own event (and its job) to run again, and the rerun redoes only the system that failed.
// A transaction's events share one job.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorsForShop } from "~/connectors/registry.server";
import type { BatchJob } from "~/jobs/handler";
import { ConsentSyncJob, SYNC_EVENTS_PER_JOB } from "~/jobs/job-types";
import { JOB_HANDLERS } from "~/jobs/registry.server";
import { sandboxShopifyToken } from "~/sandbox/sandbox-systems.server";
import { syncConsentEvents, syncConsentEventsOrThrow } from "~/services/consent-sync.server";
import { recordConsent, recordOwnFormGrants } from "~/services/consents.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { seedWorldShop, startWorld, type World, type WorldShopper } from "../support/sandbox-world";
import { memoryLogger, noConnectors, testJobContext } from "../support/test-logger";

const shopper = (n: number, name: string): WorldShopper => ({
  customerId: 9100 + n,
  email: `${name.toLowerCase()}.lot@example.fr`,
  firstName: name,
  lastName: "Lot",
});
const ANNE = shopper(1, "Anne");
const BRUNO = shopper(2, "Bruno");
const CLARA = shopper(3, "Clara");
const SYNC = JOB_HANDLERS.find((handler) => handler.type.id === ConsentSyncJob.id);

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
    await syncConsentEventsOrThrow(context(), [eventOf.get(ANNE) as string]);
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

  const grant = (subject: { id: string; email: string }, source: "checkout" | "privacy_centre") => ({
    shopId: shop.id,
    subject,
    kind: "granted" as const,
    lawfulBasis: "consent" as const,
    source,
    occurredAt: new Date(),
    noticeVersion: "2022-10-31",
    wording: "Je souhaite recevoir la newsletter",
    wordingLocale: "fr" as const,
  });
  const batchOf = (jobs: { id: string; payload: string }[]): BatchJob[] =>
    jobs.map((job) => ({
      jobId: job.id,
      attempt: 1,
      payload: ConsentSyncJob.payload.parse(JSON.parse(job.payload)),
    }));
  const syncJobsOf = (eventIds: string[]) =>
    t.db.job.findMany({
      where: { type: ConsentSyncJob.id, jobKey: { in: eventIds.map((id) => `consent.sync:${id}`) } },
    });

  it("queues one job for up to 200 of a transaction's events, and the worker's batch settles them all", async () => {
    const subjects = Array.from({ length: 450 }, (_, i) => ({
      id: `bulk-${dialect}-${i}`,
      email: `bulk${i}@example.fr`,
    }));
    await t.db.subject.createMany({ data: subjects.map((subject) => ({ ...subject, shopId: shop.id })) });
    const events = await t.db.$transaction((tx) =>
      recordOwnFormGrants(
        tx,
        shop.domain,
        subjects.map((subject) => grant(subject, "checkout")),
      ),
    );
    const ids = events.map((event) => event.id);
    const jobs = (await syncJobsOf(ids)).sort(
      (a, b) => ids.indexOf(a.jobKey?.split(":")[1] ?? "") - ids.indexOf(b.jobKey?.split(":")[1] ?? ""),
    );
    const carried = jobs.map((job) => ConsentSyncJob.payload.parse(JSON.parse(job.payload)).eventIds);
    expect(carried.map((list) => list.length)).toEqual([SYNC_EVENTS_PER_JOB, SYNC_EVENTS_PER_JOB, 50]);
    expect(carried.flat()).toEqual(ids);

    const done = await SYNC?.runBatch?.(
      batchOf(jobs),
      testJobContext({ db: t.db, dialect, connectors: noConnectors }),
    );
    expect(done?.sort()).toEqual(jobs.map((job) => job.id).sort());
    const outcomes = await t.db.consentSync.groupBy({
      by: ["system", "status", "outcome"],
      where: { eventId: { in: ids } },
      _count: { _all: true },
    });
    expect(outcomes.map((row) => [row.system, row.status, row.outcome, row._count._all]).sort()).toEqual([
      ["mailchimp", "skipped", "not_connected", 450],
      ["shopify", "skipped", "not_connected", 450],
    ]);
  });

  it("keeps its statements bounded whatever the number of events a worker's batch carries", async () => {
    const subject = await t.db.subject.findUniqueOrThrow({ where: { id: `bulk-${dialect}-0` } });
    const [event] = await t.db.$transaction((tx) =>
      recordOwnFormGrants(tx, shop.domain, [
        grant({ id: subject.id, email: subject.email ?? "" }, "checkout"),
      ]),
    );
    // More ids than either database binds in one statement (SQLite 32 766, PostgreSQL 65 535).
    const unknown = Array.from({ length: 70_000 }, (_, i) => `gone-${i}`);
    const retry = await syncConsentEvents({ db: t.db, log: memoryLogger(), connectors: noConnectors }, [
      ...unknown,
      event?.id as string,
    ]);
    expect(retry.size).toBe(0);
    expect(await t.db.consentSync.count({ where: { eventId: event?.id } })).toBe(2);
  });

  it("leaves for a run alone only the job whose event a vendor asked to retry", async () => {
    const ids: string[] = [];
    for (const person of [ANNE, BRUNO, CLARA]) {
      const subject = await t.db.subject.findFirstOrThrow({
        where: { shopId: shop.id, email: person.email },
      });
      const outcome = await t.db.$transaction((tx) =>
        recordConsent(tx, shop.domain, grant({ id: subject.id, email: person.email }, "privacy_centre")),
      );
      if (!outcome.recorded) throw new Error("consent not recorded");
      ids.push(outcome.eventId);
    }
    const jobs = await syncJobsOf(ids);
    const jobOf = (eventId: string) => jobs.find((job) => job.jobKey === `consent.sync:${eventId}`);
    const [anne, bruno, clara] = ids.map((id) => jobOf(id)) as [
      (typeof jobs)[0],
      (typeof jobs)[0],
      (typeof jobs)[0],
    ];
    world.mailchimp.faults.next(403, 1, { withBody: false });
    const jobContext = testJobContext({ db: t.db, dialect, connectors: context().connectors });
    const done = await SYNC?.runBatch?.(batchOf([anne, bruno, clara]), jobContext);
    expect(done?.sort()).toEqual([bruno.id, clara.id].sort());
    // Alone, it fails with a single run's error, then passes once the vendor is back.
    world.mailchimp.faults.next(403, 1, { withBody: false });
    const [alone] = batchOf([anne]);
    await expect(SYNC?.run(alone?.payload, jobContext)).rejects.toMatchObject({ retryable: true });
    await SYNC?.run(alone?.payload, jobContext);
    expect(
      (await t.db.consentSync.findMany({ where: { eventId: { in: ids } } })).map((sync) => sync.status),
    ).toEqual(Array(6).fill(expect.stringMatching(/^(done|skipped)$/)));
  });
});
