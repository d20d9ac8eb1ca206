// Withdrawal of consent and objection to marketing, carried out once the requester is identified:
// a ledger withdrawal synced to Shopify and Mailchimp, and (objection) a mark that outlives later consents.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShop, seedShopper } from "~/connectors/vigie/test-fixtures";
import { currentConsent, verifyLedger } from "~/services/consent-ledger.server";
import { fileRequest } from "~/services/requests/create-request.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

describe.each(testDialects())("marketing requests on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  async function file(type: "withdraw_consent" | "object_to_marketing", email: string, seed = true) {
    const shop = await createShop(t.db, `mkt-${dialect}`);
    const seeded = seed ? await seedShopper(t.db, shop, { email, shopifyCustomerId: "9001" }) : null;
    const request = await t.db.$transaction((tx) =>
      fileRequest(tx, shop.links, {
        shop: shop.shop,
        details: { type },
        channel: "privacy_centre",
        requesterEmail: email,
        locale: "fr",
        receivedAt: new Date(),
        identity: { level: "verified", rationale: "signed_in_customer" },
        actor: { type: "shopper" },
      }),
    );
    return { shop, seeded, request };
  }

  it("withdraws a subscribed shopper's consent in the ledger and queues its sync", async () => {
    const { shop, seeded, request } = await file("withdraw_consent", "wd@example.fr");
    const subjectId = seeded?.subjectId as string;
    expect((await currentConsent(t.db, subjectId)).status).toBe("unsubscribed");
    const event = await t.db.consentEvent.findFirstOrThrow({
      where: { subjectId },
      orderBy: { seq: "desc" },
    });
    expect(event).toMatchObject({ kind: "withdrawn", source: "privacy_centre" });
    expect(await t.db.job.count({ where: { type: "consent.sync", payload: { contains: event.id } } })).toBe(
      1,
    );
    expect(await t.db.requestTask.findFirst({ where: { requestId: request.id } })).toMatchObject({
      status: "done",
      detail: "withdrawn",
    });
    expect((await verifyLedger(t.db, shop.shop.id)).ok).toBe(true);
  });

  it("records an objection that stays, and says so when nothing was subscribed or known", async () => {
    const { seeded, request } = await file("object_to_marketing", "obj@example.fr");
    const subject = await t.db.subject.findUniqueOrThrow({ where: { id: seeded?.subjectId } });
    expect(subject.marketingObjectionAt).not.toBeNull();
    expect(await t.db.requestTask.findFirst({ where: { requestId: request.id } })).toMatchObject({
      detail: "withdrawn",
    });

    const unknown = await file("withdraw_consent", "nobody@example.fr", false);
    expect(await t.db.requestTask.findFirst({ where: { requestId: unknown.request.id } })).toMatchObject({
      status: "done",
      detail: "no_record",
    });
    expect(await t.db.consentEvent.count({ where: { shopId: unknown.shop.shop.id } })).toBe(0);
  });
});
