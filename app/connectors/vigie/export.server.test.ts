// The Vigie connector's access export on real databases: every section, paging, laziness, and
// shop isolation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db/client.server";
import type { ExportRecord } from "~/domain/systems";
import { csvColumnCheck, tabularSections } from "../../../tests/fixtures/export-archives";
import { createShop, seedShopper } from "../../../tests/fixtures/vigie-store";
import { createTestDatabase, type TestDatabase, testDialects } from "../../../tests/support/databases";
import { createVigieConnector } from "./connector.server";
import { legalHoldDelegate } from "./export-linked.server";

async function collect(records: AsyncIterable<ExportRecord>) {
  const out: ExportRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

const bySection = (records: ExportRecord[], section: string) => records.filter((r) => r.section === section);

type Call = { model: string; args: { take?: number } | undefined };

/** The client, with every findMany call of every model recorded (to see how the export reads). */
function recording(db: Db, calls: Call[]): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== "string" || prop.startsWith("$") || typeof value?.findMany !== "function")
        return value;
      return new Proxy(value, {
        get(delegate, method, r) {
          const fn = Reflect.get(delegate, method, r);
          if (method !== "findMany") return fn;
          return (args?: { take?: number }) => {
            calls.push({ model: prop, args });
            return fn.call(delegate, args);
          };
        },
      });
    },
  });
}

describe.each(testDialects())("Vigie export on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  describe("exportSubject", () => {
    it("exports every section with the subject's own values, and no secret of the checks", async () => {
      const shop = await createShop(t.db, "export");
      const seeded = await seedShopper(t.db, shop, {
        email: "camille@example.fr",
        shopifyCustomerId: "7390451000001",
      });
      // Her processing restricted (GDPR art. 18), then lifted: the restriction is hers to see.
      const restrictionRequest = await t.db.rightsRequest.create({
        data: {
          shopId: shop.shop.id,
          subjectId: seeded.subjectId,
          reference: "R-2026-RSTR1",
          type: "restriction",
          channel: "privacy_centre",
          state: "answered",
          details: JSON.stringify({ type: "restriction", ground: "legal_claims", recipientsAsked: false }),
          message: "Gardez mes données pour mon litige.",
          receivedAt: new Date("2026-10-01T10:00:00Z"),
          identityLevel: "verified",
        },
      });
      await t.db.restriction.create({
        data: {
          shopId: shop.shop.id,
          subjectId: seeded.subjectId,
          requestId: restrictionRequest.id,
          ground: "legal_claims",
          status: "lifted",
          grantedAt: new Date("2026-10-02T10:00:00Z"),
          liftDecidedAt: new Date("2026-11-02T10:00:00Z"),
          liftedAt: new Date("2026-11-02T10:05:00Z"),
        },
      });
      const records = await collect(
        createVigieConnector({ db: t.db, shopId: shop.shop.id }).exportSubject(seeded.ref),
      );
      expect(bySection(records, "restrictions").map((r) => r.data)).toEqual([
        expect.objectContaining({
          requestReference: "R-2026-RSTR1",
          ground: "legal_claims",
          basis: "GDPR art. 18(1)(c)",
          status: "lifted",
          grantedAt: "2026-10-02T10:00:00.000Z",
          liftDecidedAt: "2026-11-02T10:00:00.000Z",
          liftedAt: "2026-11-02T10:05:00.000Z",
        }),
      ]);

      expect(bySection(records, "subject")).toEqual([
        {
          section: "subject",
          provided: true,
          data: expect.objectContaining({
            id: seeded.subjectId,
            email: "camille@example.fr",
            phone: "+33612345678",
            locale: "fr",
            shopifyCustomerId: "7390451000001",
            lastOrderAt: "2026-03-02T09:00:00.000Z",
            marketingObjectionAt: null,
          }),
        },
      ]);
      const events = bySection(records, "consent_events");
      expect(events.map((e) => e.data.id)).toEqual(seeded.eventIds);
      const stored = await t.db.consentEvent.findUniqueOrThrow({ where: { id: seeded.eventIds[0] } });
      expect(events[0]).toEqual({
        section: "consent_events",
        provided: true,
        data: expect.objectContaining({
          kind: "granted",
          lawfulBasis: "consent",
          source: "checkout",
          noticeVersion: "2026-01-01",
          wording: "Je souhaite recevoir la newsletter d'iméra.",
          wordingLocale: "fr",
          orderId: "order-7390451000001-0",
          ipPrefix: "203.0.113.0/24",
          userAgent: "Mozilla/5.0 (Macintosh)",
          seq: stored.seq,
          hash: stored.hash,
        }),
      });
      // The staff withdrawal is not the shopper's own act; its actor is a staff member's id.
      expect(events[1]).toMatchObject({ provided: false, data: { kind: "withdrawn", source: "staff" } });
      for (const e of events) {
        expect(e.data).not.toHaveProperty("salt");
        expect(e.data).not.toHaveProperty("actor");
      }

      expect(bySection(records, "consent_state")).toEqual([
        expect.objectContaining({
          provided: false,
          data: expect.objectContaining({ purpose: "newsletter", status: "subscribed" }),
        }),
      ]);

      const requests = bySection(records, "rights_requests");
      expect(requests.map((r) => r.data.type).sort()).toEqual([
        "erasure",
        "post_mortem_directive",
        "restriction",
      ]);
      expect(requests.every((r) => r.provided)).toBe(true);
      expect(requests[0]?.data).toMatchObject({
        requesterEmail: "camille@example.fr",
        requesterName: "Camille Martin",
        reference: expect.stringMatching(/^R-\d{4}-/),
      });
      expect(requests.map((r) => r.data.message).sort()).toEqual([
        "Effacez mes données, merci.",
        "Gardez mes données pour mon litige.",
        "Mes directives.",
      ]);

      const directive = requests.find((r) => r.data.type === "post_mortem_directive");
      expect(directive?.data.details).toMatchObject({
        instructions: "Effacer le compte camille@example.fr à mon décès.",
        executor: { name: "Jean Martin", email: "proche.camille@example.fr" },
      });

      const checks = bySection(records, "identity_checks");
      expect(checks.length).toBeGreaterThan(0);
      for (const c of checks)
        expect(Object.keys(c.data).sort()).toEqual(["createdAt", "decidedAt", "method", "request", "status"]);

      const emails = bySection(records, "emails");
      const storedEmails = await t.db.outboxEmail.count({
        where: { shopId: shop.shop.id, to: "camille@example.fr" },
      });
      expect(emails).toHaveLength(storedEmails);
      expect(emails.map((e) => e.data.template)).toEqual(
        expect.arrayContaining(["request.acknowledgement", "payment_check.documents", "consent.confirm"]),
      );
      expect(emails.every((e) => typeof e.data.text === "string" && (e.data.text as string).length > 0)).toBe(
        true,
      );
      expect(emails.every((e) => !("html" in e.data))).toBe(true);

      expect(bySection(records, "payment_checks")).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({
            id: seeded.paymentCheckId,
            reason: "elevated_risk_level",
            status: "documents_requested",
          }),
        }),
      ]);

      const audit = bySection(records, "audit");
      expect(audit.map((a) => a.data.action)).toEqual(
        expect.arrayContaining(["request.received", "consent.withdrawn.staff", "payment_check.opened"]),
      );
      expect(audit.every((a) => !("actorId" in a.data) && !("data" in a.data))).toBe(true);
      // Every key of a tabular section has its CSV column.
      expect(csvColumnCheck("vigie", records)).toEqual({ tables: tabularSections("vigie"), undeclared: {} });
    });

    it("reads 250 ledger events in bounded pages, and only as far as the reader has gone", async () => {
      const shop = await createShop(t.db, "paging");
      const seeded = await seedShopper(t.db, shop, {
        email: "paging@example.fr",
        shopifyCustomerId: "7390451000002",
        events: 250,
      });
      const calls: Call[] = [];
      const connector = createVigieConnector({
        db: recording(t.db, calls),
        shopId: shop.shop.id,
        pageSize: 100,
      });
      const iterator = connector.exportSubject(seeded.ref)[Symbol.asyncIterator]();
      const eventPages = () => calls.filter((c) => c.model === "consentEvent").length;

      expect(calls).toHaveLength(0);
      let next = await iterator.next();
      while (!next.done && next.value.section !== "consent_events") next = await iterator.next();
      expect(next.value).toMatchObject({ section: "consent_events", data: { id: seeded.eventIds[0] } });
      expect(eventPages()).toBe(1);

      const events: unknown[] = [next.value.data.id];
      for (next = await iterator.next(); !next.done; next = await iterator.next()) {
        if (next.value.section === "consent_events") events.push(next.value.data.id);
      }
      expect(events).toEqual(seeded.eventIds);
      expect(eventPages()).toBe(3);
      // Every read of a list is bounded by the page size.
      expect(calls.filter((c) => !(c.args?.take && c.args.take <= 100))).toEqual([]);
    });

    it("never exports another shop's subject with the same e-mail, nor pseudonymised events", async () => {
      const ours = await createShop(t.db, "iso-a");
      const theirs = await createShop(t.db, "iso-b");
      const seeded = await seedShopper(t.db, ours, {
        email: "twin@example.fr",
        shopifyCustomerId: "7390451000003",
      });
      const twin = await seedShopper(t.db, theirs, {
        email: "twin@example.fr",
        shopifyCustomerId: "7390451000003",
      });
      // The twin's erasure pseudonymised its events: they can no longer be found, here or there.
      await t.db.consentEvent.updateMany({
        where: { id: { in: twin.eventIds.slice(0, 1) } },
        data: {
          pseudonymised: true,
          salt: null,
          subjectId: null,
          email: null,
          shopifyCustomerId: null,
          orderId: null,
          ipPrefix: null,
          userAgent: null,
        },
      });
      const ourRecords = await collect(
        createVigieConnector({ db: t.db, shopId: ours.shop.id }).exportSubject(seeded.ref),
      );
      const theirIds = new Set([twin.subjectId, twin.paymentCheckId, ...twin.eventIds, ...twin.requestIds]);
      expect(ourRecords.filter((r) => theirIds.has(String(r.data.id)))).toEqual([]);
      expect(bySection(ourRecords, "consent_events").map((e) => e.data.id)).toEqual(seeded.eventIds);

      const theirRecords = await collect(
        createVigieConnector({ db: t.db, shopId: theirs.shop.id }).exportSubject(twin.ref),
      );
      expect(bySection(theirRecords, "consent_events").map((e) => e.data.id)).toEqual(twin.eventIds.slice(1));
      expect(bySection(theirRecords, "subject").map((r) => r.data.id)).toEqual([twin.subjectId]);
    });

    it("marks the shopper's requests as provided, and not an erasure the shop filed itself", async () => {
      const shop = await createShop(t.db, "retention");
      const seeded = await seedShopper(t.db, shop, {
        email: "ret@example.fr",
        shopifyCustomerId: "7390451000009",
      });
      await t.db.rightsRequest.create({
        data: {
          shopId: shop.shop.id,
          subjectId: seeded.subjectId,
          reference: "R-2026-RETEN",
          type: "erasure",
          channel: "retention",
          state: "in_progress",
          receivedAt: new Date("2026-11-26T10:00:00Z"),
          identityLevel: "verified",
        },
      });
      const records = await collect(
        createVigieConnector({ db: t.db, shopId: shop.shop.id }).exportSubject(seeded.ref),
      );
      const requests = bySection(records, "rights_requests");
      expect(requests.find((r) => r.data.reference === "R-2026-RETEN")?.provided).toBe(false);
      expect(requests.filter((r) => r.data.reference !== "R-2026-RETEN").every((r) => r.provided)).toBe(true);
      expect(requests.length).toBeGreaterThan(1);
    });

    it("finds the subject by e-mail alone, whatever its case, when the ref has no Vigie id", async () => {
      const shop = await createShop(t.db, "by-email");
      const seeded = await seedShopper(t.db, shop, {
        email: "lea@example.fr",
        shopifyCustomerId: "7390451000004",
      });
      const ref = {
        shopDomain: shop.shop.domain,
        subjectId: "",
        email: " Lea@Example.FR ",
        shopifyCustomerId: null,
      };
      const records = await collect(
        createVigieConnector({ db: t.db, shopId: shop.shop.id }).exportSubject(ref),
      );
      expect(bySection(records, "subject").map((r) => r.data.id)).toEqual([seeded.subjectId]);
      expect(bySection(records, "consent_events")).toHaveLength(seeded.eventIds.length);
    });

    it("lists the legal holds of the subject's requests, without their sealed archive", async () => {
      const shop = await createShop(t.db, "holds");
      const seeded = await seedShopper(t.db, shop, {
        email: "hold@example.fr",
        shopifyCustomerId: "7390451000005",
      });
      const holds = legalHoldDelegate(t.db) as unknown as { create(args: object): Promise<unknown> } | null;
      const connector = createVigieConnector({ db: t.db, shopId: shop.shop.id });
      if (!holds) {
        // A build without the LegalHold model exports no such section rather than failing.
        expect(bySection(await collect(connector.exportSubject(seeded.ref)), "legal_holds")).toEqual([]);
        return;
      }
      await holds.create({
        data: {
          shopId: shop.shop.id,
          shopDomain: shop.shop.domain,
          requestId: seeded.requestIds[0],
          system: "stripe",
          scope: JSON.stringify(["invoice_number", "amount"]),
          basis: "Code de commerce L123-22",
          expiresAt: new Date("2036-12-31T00:00:00Z"),
          archive: new Uint8Array([1, 2, 3]),
        },
      });
      const records = bySection(await collect(connector.exportSubject(seeded.ref)), "legal_holds");
      expect(records).toEqual([
        {
          section: "legal_holds",
          provided: false,
          data: expect.objectContaining({
            system: "stripe",
            scope: ["invoice_number", "amount"],
            basis: "Code de commerce L123-22",
            expiresAt: "2036-12-31T00:00:00.000Z",
            releasedAt: null,
          }),
        },
      ]);
      expect(records[0]?.data).not.toHaveProperty("archive");
    });
  });
});
