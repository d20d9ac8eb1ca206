// Who is past the shop's retention periods, on real databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../../tests/support/databases";
import { retentionOverview } from "./retention.server";

const NOW = new Date("2026-11-26T10:00:00Z");
const yearsAgo = (years: number) => new Date(NOW.getTime() - years * 365.25 * 86_400_000);

describe.each(testDialects())("retention overview on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  it("lists customers past their years since the last order and contacts past theirs since the last contact", async () => {
    const shop = await t.db.shop.create({
      data: {
        domain: `retention-${dialect}.myshopify.com`,
        settings: JSON.stringify({ retention: { customerYearsAfterLastOrder: 10, prospectYears: 3 } }),
      },
    });
    const other = await t.db.shop.create({ data: { domain: `other-${dialect}.myshopify.com` } });
    const subject = (email: string, data: { lastOrderAt?: Date; createdAt: Date; shopId?: string }) =>
      t.db.subject.create({ data: { shopId: shop.id, email, ...data } });
    const request = (subjectId: string, shopId: string, state: string, receivedAt: Date) =>
      t.db.rightsRequest.create({
        data: {
          shopId,
          subjectId,
          reference: `R-${subjectId}`,
          type: "access",
          channel: "staff",
          state,
          receivedAt,
          identityLevel: "verified",
        },
      });

    await subject("old.customer@example.fr", { lastOrderAt: yearsAgo(11), createdAt: yearsAgo(12) });
    await subject("recent.customer@example.fr", { lastOrderAt: yearsAgo(2), createdAt: yearsAgo(12) });
    const waiting = await subject("waiting@example.fr", {
      lastOrderAt: yearsAgo(11),
      createdAt: yearsAgo(12),
    });
    await request(waiting.id, shop.id, "in_progress", yearsAgo(0.01));
    await subject("old.contact@example.fr", { createdAt: yearsAgo(4) });
    const consented = await subject("consented@example.fr", { createdAt: yearsAgo(4) });
    await t.db.consentState.create({
      data: {
        subjectId: consented.id,
        shopId: shop.id,
        purpose: "newsletter",
        status: "subscribed",
        lastEventId: "e1",
        updatedAt: yearsAgo(1),
      },
    });
    const asked = await subject("asked@example.fr", { createdAt: yearsAgo(4) });
    await request(asked.id, shop.id, "answered", yearsAgo(1));
    await subject("new.contact@example.fr", { createdAt: yearsAgo(1) });
    await t.db.subject.create({
      data: {
        shopId: other.id,
        email: "elsewhere@example.fr",
        lastOrderAt: yearsAgo(20),
        createdAt: yearsAgo(20),
      },
    });

    const overview = await retentionOverview(t.db, shop.id, NOW);
    expect(overview.policy).toEqual({ customerYearsAfterLastOrder: 10, prospectYears: 3 });
    expect(overview.counts).toEqual({ customers: 1, prospects: 1 });
    expect(overview.due.map(({ email, reason }) => ({ email, reason }))).toEqual([
      { email: "old.customer@example.fr", reason: "customer" },
      { email: "old.contact@example.fr", reason: "prospect" },
    ]);
    expect(overview.due[0]?.since).toBe(yearsAgo(11).toISOString());
  });
});
