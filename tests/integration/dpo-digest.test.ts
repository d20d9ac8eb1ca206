// The DPO's daily digest on real databases, the clock pinned (docs/decisions/056): it leaves at the
// digest hour of the shop's own time zone, once per day of its calendar even when two workers race,
// says what is overdue, due within 7 days, new since the last digest and failed, each line a link to
// its admin page, in the shop's language; a day with nothing to say sends nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attentionItems, sendDueDigests, sendShopDigest } from "~/services/dpo-digest.server";
import { fileStaffRequest } from "~/services/requests/staff-intake.server";
import { upsertSubject } from "~/services/subjects.server";
import { createShop, type TestShop } from "../fixtures/vigie-store";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

const DAY = 86_400_000;

describe.each(testDialects())("the DPO's daily digest on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  async function configure(shop: TestShop, settings: Record<string, unknown>, locale: string) {
    await t.db.shop.update({
      where: { id: shop.shop.id },
      data: { settings: JSON.stringify(settings), locale },
    });
    return t.db.shop.findUniqueOrThrow({
      where: { id: shop.shop.id },
      select: { id: true, domain: true, name: true, locale: true, settings: true },
    });
  }

  let customers = 0;
  /** A customer's request: the address is on file, so the clock runs from receipt (docs/decisions/036). */
  async function file(shop: TestShop, email: string, receivedAt: Date, now: Date) {
    await t.db.$transaction((tx) =>
      upsertSubject(tx, shop.shop.id, { customerId: 1000 + ++customers, email }),
    );
    const request = await fileStaffRequest({
      db: t.db,
      links: shop.links,
      shop: shop.shop,
      staffId: "dpo",
      form: { type: "access", email, name: "Camille Martin", message: "" },
      locale: "fr",
      receivedAt,
      now,
    });
    // Filed at the pinned clock's time, not the machine's.
    await t.db.rightsRequest.update({ where: { id: request.id }, data: { createdAt: receivedAt } });
    return request;
  }

  const links = (shop: TestShop) => () => shop.links;

  it("in New York, in English: waits for 08:00 there, then sends once with every section linked", async () => {
    const shop = await createShop(t.db, "digest-ny");
    const row = await configure(shop, { dpoEmail: "dpo@imera.example", timeZone: "America/New_York" }, "en");
    // Received 40 days ago (overdue), 26 days ago (due within 7 days), and just now (new).
    const now = new Date("2026-12-03T13:30:00Z"); // 08:30 in New York
    const overdue = await file(shop, "late@example.com", new Date(now.getTime() - 40 * DAY), now);
    const soon = await file(shop, "soon@example.com", new Date(now.getTime() - 26 * DAY), now);
    const fresh = await file(shop, "new@example.com", new Date(now.getTime() - 3_600_000), now);
    await t.db.job.create({
      data: {
        type: "export.system",
        shopDomain: shop.shop.domain,
        status: "dead",
        attempts: 5,
        finishedAt: now,
      },
    });
    // Filed before the digest existed, long ago: the previous digest would have covered them.
    await t.db.rightsRequest.updateMany({
      where: { id: { in: [overdue.id, soon.id] } },
      data: { createdAt: new Date(now.getTime() - 30 * DAY) },
    });

    expect(await sendShopDigest(t.db, links(shop), row, new Date("2026-12-03T12:59:00Z"))).toBeNull();
    expect(await t.db.dpoDigest.count({ where: { shopId: shop.shop.id } })).toBe(0);

    expect(await sendShopDigest(t.db, links(shop), row, now)).toBe("sent");
    const emails = await t.db.outboxEmail.findMany({
      where: { shopId: shop.shop.id, template: "dpo.digest" },
    });
    expect(emails).toHaveLength(1);
    const email = emails[0];
    expect(email).toMatchObject({ to: "dpo@imera.example", locale: "en" });
    expect(email?.subject).toBe("iméra — Vigie daily digest, 3 December 2026");
    const text = email?.text ?? "";
    const admin = `https://${shop.shop.domain}/admin/apps/vigie-privacy`;
    expect(text).toContain("OVERDUE REQUESTS (1)");
    // Deadlines in words from the shop's today (docs/decisions/065).
    expect(text).toMatch(
      new RegExp(`${overdue.reference} · Right of access · due \\d+ days late — \\d+ November`),
    );
    expect(text).toMatch(/Right of access · due in \d+ days — \d+ December/);
    expect(text).toContain(`${admin}/app/requests/${overdue.id}`);
    expect(text).toContain("REQUESTS DUE WITHIN 7 DAYS (1)");
    expect(text).toContain(`${admin}/app/requests/${soon.id}`);
    expect(text).toContain("NEW REQUESTS (1)");
    expect(text).toContain(`${admin}/app/requests/${fresh.id}`);
    expect(text).toContain("FAILED JOBS (1)");
    expect(text).toContain(`${admin}/app#dead-jobs`);
    expect(text.indexOf("OVERDUE")).toBeLessThan(text.indexOf("NEW REQUESTS"));
    // Its send job is queued with it.
    expect(
      await t.db.job.count({ where: { type: "mail.send", payload: { contains: email?.id ?? "-" } } }),
    ).toBe(1);

    // Later the same day, and after a crash-and-retry: nothing more.
    expect(await sendShopDigest(t.db, links(shop), row, new Date("2026-12-04T04:00:00Z"))).toBeNull(); // 23:00 NY
    expect(await t.db.outboxEmail.count({ where: { shopId: shop.shop.id, template: "dpo.digest" } })).toBe(1);
    const digest = await t.db.dpoDigest.findFirstOrThrow({ where: { shopId: shop.shop.id } });
    expect(digest).toMatchObject({ day: "2026-12-03", outcome: "sent", itemCount: 4, emailId: email?.id });

    // The next day: the new request of yesterday is no longer new; the dashboard says the same.
    const tomorrow = new Date("2026-12-04T14:00:00Z");
    expect(await sendShopDigest(t.db, links(shop), row, tomorrow)).toBe("sent");
    const second = await t.db.outboxEmail.findFirstOrThrow({
      where: { shopId: shop.shop.id, template: "dpo.digest" },
      orderBy: { createdAt: "desc" },
    });
    expect(second.text).not.toContain("NEW REQUESTS");
    const card = await attentionItems(t.db, shop.shop, new Date(tomorrow.getTime() + 60_000));
    expect(card.map((s) => s.id)).toEqual(["overdue", "due_soon", "dead_jobs"]);
    expect(card.find((s) => s.id === "overdue")?.items[0]?.path).toBe(`/app/requests/${overdue.id}`);
  });

  it("in Paris, in French, at 08:00 local (07:00 UTC in winter)", async () => {
    const shop = await createShop(t.db, "digest-paris");
    const row = await configure(shop, { dpoEmail: "dpo@imera.example", timeZone: "Europe/Paris" }, "fr");
    const now = new Date("2026-12-03T07:05:00Z");
    await file(shop, "nouvelle@example.fr", new Date(now.getTime() - 3_600_000), now);
    expect(await sendShopDigest(t.db, links(shop), row, new Date("2026-12-03T06:55:00Z"))).toBeNull();
    expect(await sendShopDigest(t.db, links(shop), row, now)).toBe("sent");
    const email = await t.db.outboxEmail.findFirstOrThrow({
      where: { shopId: shop.shop.id, template: "dpo.digest" },
    });
    expect(email.locale).toBe("fr");
    expect(email.subject).toBe("iméra — Point du jour Vigie, 3 décembre 2026");
    expect(email.text).toContain("NOUVELLES DEMANDES (1)");
    expect(email.text).toContain("Droit d'accès · échéance");
  });

  it("says a new request is already answered instead of a deadline it no longer has", async () => {
    const shop = await createShop(t.db, "digest-answered");
    const row = await configure(shop, { dpoEmail: "dpo@imera.example", timeZone: "Europe/Paris" }, "fr");
    const now = new Date("2026-12-03T07:05:00Z");
    const answered = await file(shop, "repondue@example.fr", new Date(now.getTime() - 3_600_000), now);
    // Answered and closed (its due day cleared too, as a request the demo history wrote).
    await t.db.rightsRequest.update({
      where: { id: answered.id },
      data: { state: "answered", dueOn: null, closedAt: now },
    });
    // The dashboard's card, in both languages, before the digest leaves.
    const card = JSON.stringify(await attentionItems(t.db, row, now));
    expect(card).toContain(`${answered.reference} · Droit d'accès · Répondue`);
    expect(card).toContain(`${answered.reference} · Right of access · Answered`);
    expect(await sendShopDigest(t.db, links(shop), row, now)).toBe("sent");
    const email = await t.db.outboxEmail.findFirstOrThrow({
      where: { shopId: shop.shop.id, template: "dpo.digest" },
    });
    expect(email.text).toContain("NOUVELLES DEMANDES (1)");
    expect(email.text).toContain(`${answered.reference} · Droit d'accès · Répondue`);
    expect(email.text).not.toContain("échéance —");
  });

  it("a day with nothing to say sends nothing, but is done; no DPO address: nothing sent either", async () => {
    const quiet = await createShop(t.db, "digest-quiet");
    const row = await configure(quiet, { dpoEmail: "dpo@imera.example" }, "fr");
    const now = new Date("2026-12-03T09:00:00Z");
    expect(await sendShopDigest(t.db, links(quiet), row, now)).toBe("empty");
    expect(await t.db.outboxEmail.count({ where: { shopId: quiet.shop.id } })).toBe(0);
    expect(await sendShopDigest(t.db, links(quiet), row, new Date(now.getTime() + 3_600_000))).toBeNull();
    expect(await t.db.dpoDigest.findMany({ where: { shopId: quiet.shop.id } })).toMatchObject([
      { day: "2026-12-03", outcome: "empty", itemCount: 0, emailId: null },
    ]);
    expect(await attentionItems(t.db, quiet.shop, now)).toEqual([]);

    const nobody = await createShop(t.db, "digest-nobody");
    const bare = await configure(nobody, {}, "en");
    await file(nobody, "someone@example.com", new Date(now.getTime() - 3_600_000), now);
    expect(await sendShopDigest(t.db, links(nobody), bare, now)).toBe("no_recipient");
    expect(await t.db.outboxEmail.count({ where: { shopId: nobody.shop.id, template: "dpo.digest" } })).toBe(
      0,
    );
  });

  it("two workers racing on the same day queue one digest", async () => {
    const shop = await createShop(t.db, "digest-race");
    const row = await configure(shop, { dpoEmail: "dpo@imera.example" }, "en");
    const now = new Date("2026-12-03T10:00:00Z");
    await file(shop, "race@example.com", new Date(now.getTime() - 3_600_000), now);
    await Promise.all([
      sendShopDigest(t.db, links(shop), row, now),
      sendShopDigest(t.db, links(shop), row, now),
      sendDueDigests(t.db, () => shop.links, now),
    ]);
    expect(await t.db.outboxEmail.count({ where: { shopId: shop.shop.id, template: "dpo.digest" } })).toBe(1);
    expect(await t.db.dpoDigest.count({ where: { shopId: shop.shop.id } })).toBe(1);
  });

  it("names each breach whose 72-hour clock runs, hours left or late, linked to its page (art. 33(1))", async () => {
    const shop = await createShop(t.db, "digest-breach");
    const row = await configure(shop, { dpoEmail: "dpo@imera.example", timeZone: "Europe/Paris" }, "fr");
    const now = new Date("2026-12-03T09:00:00Z");
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const breach = (number: number, awareAt: Date, extra: Record<string, unknown> = {}) =>
      t.db.breach.create({
        data: {
          shopId: shop.shop.id,
          number,
          facts: JSON.stringify({ title: `Incident ${number}` }),
          awareAt,
          ...extra,
        },
      });
    const running = await breach(1, hoursAgo(30));
    const late = await breach(2, hoursAgo(80));
    await breach(3, hoursAgo(100), { notifiedAt: hoursAgo(50), state: "notified" });
    await breach(4, hoursAgo(10), { notificationRequired: false });

    const card = await attentionItems(t.db, shop.shop, now);
    const section = card.find((s) => s.id === "breach_clocks");
    expect(section?.total).toBe(2);
    expect(section?.items.map((i) => i.path)).toEqual([
      `/app/breaches/${late.id}`,
      `/app/breaches/${running.id}`,
    ]);
    expect(section?.items[0]?.text.en).toBe(
      "VIOL-2 · Incident 2 · 8 h late — since 3 December 2026, 02:00 GMT+1",
    );
    expect(section?.items[1]?.text.fr).toBe(
      "VIOL-1 · Incident 1 · reste 42 h — avant le 5 décembre 2026 à 04:00 UTC+1",
    );

    expect(await sendShopDigest(t.db, links(shop), row, now)).toBe("sent");
    const email = await t.db.outboxEmail.findFirstOrThrow({
      where: { shopId: shop.shop.id, template: "dpo.digest" },
    });
    expect(email.text).toContain("VIOLATIONS\u00a0: DÉLAI DE 72 HEURES (2)");
    expect(email.text).toContain(`/app/breaches/${late.id}`);
  });
});
