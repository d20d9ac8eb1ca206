// The Vigie connector's small verbs on real databases: connection, lookup, consent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendConsentEvent } from "~/services/consent-ledger.server";
import { upsertSubject } from "~/services/subjects.server";
import { createShop } from "../../../tests/fixtures/vigie-store";
import { createTestDatabase, type TestDatabase, testDialects } from "../../../tests/support/databases";
import { createVigieConnector } from "./connector.server";

describe.each(testDialects())("Vigie connector on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  async function subject(shopId: string, identifiers: { email?: string; customerId?: string }) {
    const row = await t.db.$transaction((tx) => upsertSubject(tx, shopId, identifiers));
    if (!row) throw new Error("no subject");
    return row;
  }

  const ref = (
    shopDomain: string,
    fields: { subjectId?: string; email?: string | null; customerId?: string | null },
  ) => ({
    shopDomain,
    subjectId: fields.subjectId ?? "",
    email: fields.email ?? null,
    shopifyCustomerId: fields.customerId ?? null,
  });

  describe("testConnection", () => {
    it("is ok for a shop Vigie knows, and says so without throwing for one it does not", async () => {
      const { shop } = await createShop(t.db, "conn");
      expect(await createVigieConnector({ db: t.db, shopId: shop.id }).testConnection()).toEqual({
        ok: true,
      });
      expect(await createVigieConnector({ db: t.db, shopId: "no-such-shop" }).testConnection()).toMatchObject(
        {
          ok: false,
          detail: expect.stringContaining("not in Vigie"),
        },
      );
    });
  });

  describe("locate", () => {
    it("finds the shop's rows by Vigie id, by normalised e-mail or by Shopify id (number or GID)", async () => {
      const { shop } = await createShop(t.db, "locate");
      const byEmail = await subject(shop.id, { email: "ines@example.fr" });
      const byAccount = await subject(shop.id, { customerId: "7390452000001", email: "ines.pro@example.fr" });
      await subject(shop.id, { email: "someone@example.fr" });
      const connector = createVigieConnector({ db: t.db, shopId: shop.id });

      expect(await connector.locate(ref(shop.domain, { subjectId: byEmail.id }))).toEqual({
        found: true,
        refs: [byEmail.id],
      });
      expect(await connector.locate(ref(shop.domain, { email: "  INES@example.fr" }))).toEqual({
        found: true,
        refs: [byEmail.id],
      });
      expect(
        await connector.locate(ref(shop.domain, { customerId: "gid://shopify/Customer/7390452000001" })),
      ).toEqual({ found: true, refs: [byAccount.id] });
      // One person, two rows (a guest e-mail and an account): both are theirs.
      const both = await connector.locate(
        ref(shop.domain, { email: "ines@example.fr", customerId: "7390452000001" }),
      );
      expect(both.refs.sort()).toEqual([byEmail.id, byAccount.id].sort());
      expect(await connector.locate(ref(shop.domain, { email: "nobody@example.fr" }))).toEqual({
        found: false,
        refs: [],
      });
    });

    it("never finds another shop's subject, even by its own id", async () => {
      const ours = await createShop(t.db, "locate-a");
      const theirs = await createShop(t.db, "locate-b");
      const twin = await subject(theirs.shop.id, { email: "twin@example.fr", customerId: "7390452000002" });
      const connector = createVigieConnector({ db: t.db, shopId: ours.shop.id });
      expect(
        await connector.locate(
          ref(ours.shop.domain, {
            subjectId: twin.id,
            email: "twin@example.fr",
            customerId: "7390452000002",
          }),
        ),
      ).toEqual({ found: false, refs: [] });
    });
  });

  describe("readConsent", () => {
    it("reads the derived state: subscribed after a grant, unsubscribed after a withdrawal, with its time", async () => {
      const { shop } = await createShop(t.db, "consent");
      const person = await subject(shop.id, { email: "zoe@example.fr" });
      const connector = createVigieConnector({ db: t.db, shopId: shop.id });
      const me = ref(shop.domain, { subjectId: person.id, email: "zoe@example.fr" });
      expect(await connector.readConsent(me)).toEqual({ status: "unsubscribed" });

      const granted = new Date("2026-05-01T08:00:00.000Z");
      await t.db.$transaction((tx) =>
        appendConsentEvent(tx, {
          shopId: shop.id,
          subject: { id: person.id, email: "zoe@example.fr" },
          kind: "granted",
          lawfulBasis: "consent",
          source: "privacy_centre",
          occurredAt: granted,
          noticeVersion: "2026-01-01",
          wording: "Oui, la newsletter.",
          wordingLocale: "fr",
        }),
      );
      expect(await connector.readConsent(me)).toEqual({ status: "subscribed", changedAt: granted });

      const withdrawn = new Date("2026-06-01T08:00:00.000Z");
      await t.db.$transaction((tx) =>
        appendConsentEvent(tx, {
          shopId: shop.id,
          subject: { id: person.id, email: "zoe@example.fr" },
          kind: "withdrawn",
          lawfulBasis: "consent",
          source: "privacy_centre",
          occurredAt: withdrawn,
        }),
      );
      expect(await connector.readConsent(me)).toMatchObject({ status: "unsubscribed" });
      expect(await connector.readConsent(ref(shop.domain, { email: "absent@example.fr" }))).toEqual({
        status: "not_found",
      });
    });
  });

  describe("applyConsent", () => {
    it("is not supported: the ledger is written by the consent services, and nothing is written", async () => {
      const { shop } = await createShop(t.db, "apply");
      const person = await subject(shop.id, { email: "max@example.fr" });
      const result = await createVigieConnector({ db: t.db, shopId: shop.id }).applyConsent(
        ref(shop.domain, { subjectId: person.id, email: "max@example.fr" }),
        {
          purpose: "newsletter",
          status: "subscribed",
          occurredAt: new Date(),
          optInLevel: "SINGLE_OPT_IN",
          idempotencyKey: "k",
        },
      );
      expect(result.outcome).toBe("not_supported");
      expect(await t.db.consentEvent.count({ where: { shopId: shop.id } })).toBe(0);
    });
  });
});
