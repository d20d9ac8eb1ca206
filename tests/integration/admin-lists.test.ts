// The requests list and the Consents page's ledger list on real databases (docs/decisions/056):
// search by e-mail (exact, prefix, any case, through the subject for Shopify's requests) and by
// reference, filters by type, state and due date in the shop's calendar, keyset pages that neither
// repeat nor skip a row at their boundaries, and the ledger's filters with its CSV.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSENT_KINDS } from "~/domain/consent/consent-event";
import { toLocalDate } from "~/domain/deadlines/local-date";
import { REQUEST_TYPES } from "~/domain/requests/request-types";
import { ledgerCsv, listLedgerEvents } from "~/services/consent-admin.server";
import { LEDGER_PAGE_SIZE, type LedgerFilter } from "~/services/consent-filters";
import { appendConsentEvent } from "~/services/consent-ledger.server";
import { PAGE_SIZE, type RequestListQuery } from "~/services/requests/queue-filters";
import { extendRequest, verifyIdentityByStaff } from "~/services/requests/request-actions.server";
import { searchRequests } from "~/services/requests/request-list.server";
import { requestDeadline, requestDeadlineStatus } from "~/services/requests/request-record.server";
import { fileStaffRequest } from "~/services/requests/staff-intake.server";
import { upsertSubject } from "~/services/subjects.server";
import { createShop, type TestShop } from "../fixtures/vigie-store";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

const NOW = new Date("2026-12-03T10:00:00Z");
const HOUR = 3_600_000;
const COUNT = 300;
const CLOSED_STATES = ["answered", "refused", "withdrawn"];

describe.each(testDialects())("the admin's lists on %s", (dialect) => {
  let t: TestDatabase;
  let shop: TestShop;
  let other: TestShop;
  /** The seeded requests as the test knows them (independent of the list's code). */
  const seeded: { id: string; reference: string; type: string; state: string; email: string | null }[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    shop = await createShop(t.db, "lists");
    other = await createShop(t.db, "other");
    // Rows written as they were before the derived due date existed: the list fills it on first read.
    const rows = Array.from({ length: COUNT }, (_, i) => {
      const closed = i % 3 === 2;
      const state = closed
        ? (CLOSED_STATES[i % CLOSED_STATES.length] as string)
        : i % 5 === 0
          ? "received"
          : "in_progress";
      // Every 10th request shares its receipt instant with the one before: the order breaks ties by id.
      const receivedAt = new Date(NOW.getTime() - (i - (i % 10 === 1 ? 1 : 0)) * 7 * HOUR - HOUR);
      const email = i % 4 === 3 ? null : `client${i}@example.fr`;
      return {
        id: `req${String(i).padStart(4, "0")}x${dialect}`,
        shopId: shop.shop.id,
        reference: `R-2026-${String(i).padStart(5, "0")}`,
        type: REQUEST_TYPES[i % REQUEST_TYPES.length] as string,
        channel: email ? "privacy_centre" : "shopify",
        state,
        requesterEmail: email,
        requesterEmailKey: email,
        receivedAt,
        timeZone: "Europe/Paris",
        identityLevel: "verified",
        closedAt: closed ? new Date(receivedAt.getTime() + 48 * HOUR) : null,
      };
    });
    await t.db.rightsRequest.createMany({ data: rows });
    // Some clocks stopped while identity is awaited (docs/decisions/036).
    await t.db.requestPause.createMany({
      data: rows
        .filter((_, i) => i % 17 === 0 && i % 3 !== 2)
        .map((r) => ({ requestId: r.id, startedAt: r.receivedAt, reason: "address_not_on_file" })),
    });
    for (const r of rows)
      seeded.push({
        id: r.id,
        reference: r.reference,
        type: r.type,
        state: r.state,
        email: r.requesterEmail,
      });
    // The same addresses in another shop: never listed for the first.
    await t.db.rightsRequest.createMany({
      data: rows.slice(0, 20).map((r) => ({ ...r, id: `${r.id}o`, shopId: other.shop.id })),
    });
  }, 120_000);
  afterAll(() => t.drop());

  async function allPages(query: Partial<RequestListQuery>) {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 20; page++) {
      const result = await searchRequests(t.db, shop.shop.id, { state: "open", ...query, after }, NOW);
      expect(result.requests.length).toBeLessThanOrEqual(PAGE_SIZE);
      seen.push(...result.requests.map((r) => r.id));
      if (!result.next) return seen;
      after = result.next;
    }
    throw new Error("more pages than rows");
  }

  it("pages through every request once, newest received first, ties broken by id", async () => {
    const ids = await allPages({ state: "all" });
    expect(ids).toHaveLength(COUNT);
    expect(new Set(ids).size).toBe(COUNT);
    const rows = await t.db.rightsRequest.findMany({
      where: { shopId: shop.shop.id },
      select: { id: true, receivedAt: true },
    });
    const expected = rows
      .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((r) => r.id);
    expect(ids).toEqual(expected);
  });

  it("filters by state and type, across pages", async () => {
    const open = await allPages({});
    expect(new Set(open)).toEqual(
      new Set(seeded.filter((r) => !CLOSED_STATES.includes(r.state)).map((r) => r.id)),
    );
    const answered = await allPages({ state: "answered" });
    expect(new Set(answered)).toEqual(new Set(seeded.filter((r) => r.state === "answered").map((r) => r.id)));
    const erasures = await allPages({ state: "all", type: "erasure" });
    expect(erasures.length).toBeGreaterThan(0);
    expect(new Set(erasures)).toEqual(new Set(seeded.filter((r) => r.type === "erasure").map((r) => r.id)));
  });

  it("filters by due date in the shop's calendar, from the stored facts (pauses included)", async () => {
    const rows = await t.db.rightsRequest.findMany({
      where: { shopId: shop.shop.id, closedAt: null },
      include: { pauses: true },
    });
    const byStatus = (status: string) =>
      new Set(rows.filter((r) => requestDeadlineStatus(r, NOW)?.status === status).map((r) => r.id));
    const overdue = await allPages({ due: "overdue" });
    const soon = await allPages({ due: "due_soon" });
    const later = await allPages({ due: "later" });
    const paused = await allPages({ due: "paused" });
    expect(overdue.length).toBeGreaterThan(10);
    expect(soon.length).toBeGreaterThan(5);
    expect(later.length).toBeGreaterThan(5);
    expect(paused.length).toBeGreaterThan(3);
    expect(new Set(overdue)).toEqual(byStatus("overdue"));
    expect(new Set(soon)).toEqual(byStatus("due_soon"));
    expect(new Set(later)).toEqual(byStatus("on_track"));
    expect(new Set(paused)).toEqual(byStatus("paused"));
    // Together, every open request exactly once.
    expect(overdue.length + soon.length + later.length + paused.length).toBe(rows.length);
  });

  it("finds a request by its e-mail, exact or by prefix, in any case, and by reference; never another shop's", async () => {
    const exact = await searchRequests(t.db, shop.shop.id, { state: "all", q: "Client12@Example.FR" }, NOW);
    expect(exact.requests.map((r) => r.reference)).toEqual(["R-2026-00012"]);
    const prefix = await allPages({ state: "all", q: "client1" });
    expect(new Set(prefix)).toEqual(
      new Set(seeded.filter((r) => r.email?.startsWith("client1")).map((r) => r.id)),
    );
    const byReference = await searchRequests(t.db, shop.shop.id, { state: "all", q: "r-2026-0004" }, NOW);
    expect(byReference.requests.map((r) => r.reference).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `R-2026-0004${i}`),
    );
    const nothing = await searchRequests(t.db, other.shop.id, { state: "all", q: "client25" }, NOW);
    expect(nothing.requests).toEqual([]);
    // The other shop holds client1…client19's requests too, but only its own are listed.
    const theirs = await searchRequests(t.db, other.shop.id, { state: "all", q: "client1" }, NOW);
    expect(theirs.requests.every((r) => r.id.endsWith("o"))).toBe(true);
  });

  it("finds a request filed with a mixed-case address, and Shopify's by the customer's address", async () => {
    const filed = await fileStaffRequest({
      db: t.db,
      links: shop.links,
      shop: shop.shop,
      staffId: "dpo",
      form: { type: "access", email: "Camille.Martin@Example.FR", name: "Camille Martin", message: "" },
      locale: "fr",
      receivedAt: NOW,
      now: NOW,
    });
    const subject = await t.db.$transaction((tx) =>
      upsertSubject(tx, shop.shop.id, { customerId: 991, email: "Dominique@Example.fr" }),
    );
    await t.db.rightsRequest.update({
      where: { id: seeded[3]?.id as string },
      data: { subjectId: subject?.id as string },
    });
    const camille = await searchRequests(t.db, shop.shop.id, { state: "all", q: "camille.martin@" }, NOW);
    expect(camille.requests.map((r) => r.id)).toEqual([filed.id]);
    expect(camille.requests[0]?.dueDate).toBe("2027-01-04");
    const dominique = await searchRequests(
      t.db,
      shop.shop.id,
      { state: "all", q: "dominique@example.fr" },
      NOW,
    );
    expect(dominique.requests.map((r) => r.reference)).toEqual([seeded[3]?.reference]);
    await t.db.rightsRequest.delete({ where: { id: filed.id } });
  });

  it("keeps the derived due date in step with the clock: paused, resumed, extended", async () => {
    const staff = { type: "staff" as const, id: "dpo" };
    const receivedAt = new Date(NOW.getTime() - 10 * 24 * HOUR);
    // An address the shop does not have on file: the clock waits for it (docs/decisions/036).
    const filed = await fileStaffRequest({
      db: t.db,
      links: shop.links,
      shop: shop.shop,
      staffId: "dpo",
      form: { type: "erasure", email: "sync@example.fr", name: "Sam", message: "" },
      locale: "fr",
      receivedAt,
      now: receivedAt,
    });
    const stored = () =>
      t.db.rightsRequest.findUniqueOrThrow({ where: { id: filed.id }, include: { pauses: true } });
    expect(await stored()).toMatchObject({ clockPaused: true });
    const paused = await searchRequests(
      t.db,
      shop.shop.id,
      { state: "open", due: "paused", q: "sync@" },
      NOW,
    );
    expect(paused.requests.map((r) => r.id)).toEqual([filed.id]);

    const resumedAt = new Date(NOW.getTime() - 2 * 24 * HOUR);
    await verifyIdentityByStaff(t.db, shop.shop, staff, filed.id, resumedAt);
    const resumed = await stored();
    expect(resumed.clockPaused).toBe(false);
    expect(resumed.dueOn).toBe(requestDeadline(resumed, NOW).dueDate);

    await extendRequest(t.db, shop.links, shop.shop, staff, filed.id, 2, "Many systems to search.", NOW);
    const extended = await stored();
    expect(extended.dueOn).toBe(requestDeadline(extended, NOW).dueDate);
    expect((extended.dueOn as string) > (resumed.dueOn as string)).toBe(true);
    const later = await searchRequests(t.db, shop.shop.id, { state: "open", due: "later", q: "sync@" }, NOW);
    expect(later.requests.map((r) => r.id)).toEqual([filed.id]);
    await t.db.rightsRequest.delete({ where: { id: filed.id } });
  });

  describe("the ledger list", () => {
    let ledgerShop: TestShop;
    const events: { seq: number; source: string; kind: string; occurredAt: Date }[] = [];

    beforeAll(async () => {
      ledgerShop = await createShop(t.db, "ledger");
      const subject = await t.db.$transaction((tx) =>
        upsertSubject(tx, ledgerShop.shop.id, { customerId: 42, email: "camille@example.fr" }),
      );
      if (!subject) throw new Error("no subject");
      const personal = { id: subject.id, email: "camille@example.fr", shopifyCustomerId: "42" };
      for (let start = 0; start < COUNT; start += 50) {
        await t.db.$transaction(async (tx) => {
          for (let i = start; i < start + 50; i++) {
            // Every 3 hours from 20 October, 23:00 UTC (00:00 or 01:00 in Paris): days change at local midnight.
            const occurredAt = new Date(Date.UTC(2026, 9, 20, 23) + i * 3 * HOUR);
            const grant = i % 3 !== 2;
            const source = i % 3 === 0 ? "checkout" : i % 3 === 1 ? "privacy_centre" : "staff";
            const { event } = await appendConsentEvent(tx, {
              shopId: ledgerShop.shop.id,
              subject: personal,
              kind: grant ? "granted" : "withdrawn",
              lawfulBasis: "consent",
              source: source as "checkout",
              occurredAt,
              ...(grant && {
                noticeVersion: "2026-01-01",
                wordingKey: "newsletter_checkbox.default",
                wording: "Je souhaite recevoir la newsletter.",
                wordingLocale: "fr" as const,
              }),
              ...(source === "staff" && { actor: "staff-1" }),
            });
            events.push({ seq: event.seq, source, kind: grant ? "granted" : "withdrawn", occurredAt });
          }
        });
      }
    }, 120_000);

    async function ledgerPages(filter: Omit<LedgerFilter, "before">) {
      const seqs: number[] = [];
      let before: number | undefined;
      for (let page = 0; page < 20; page++) {
        const result = await listLedgerEvents(t.db, ledgerShop.shop.id, { ...filter, before });
        expect(result.events.length).toBeLessThanOrEqual(LEDGER_PAGE_SIZE);
        seqs.push(...result.events.map((e) => e.seq));
        if (result.next === null) return seqs;
        before = result.next;
      }
      throw new Error("more pages than events");
    }

    it("lists every event once, newest first, across pages", async () => {
      const seqs = await ledgerPages({});
      expect(seqs).toEqual(events.map((e) => e.seq).sort((a, b) => b - a));
      expect((await listLedgerEvents(t.db, other.shop.id, {})).events).toEqual([]);
    });

    it("filters by source, by kind and by days of the shop's calendar (Paris), ends included", async () => {
      const staff = await ledgerPages({ source: "staff" });
      expect(staff).toEqual(
        events
          .filter((e) => e.source === "staff")
          .map((e) => e.seq)
          .reverse(),
      );
      for (const kind of CONSENT_KINDS.filter((k) => k === "granted" || k === "withdrawn")) {
        const seqs = await ledgerPages({ kind });
        expect(seqs).toEqual(
          events
            .filter((e) => e.kind === kind)
            .map((e) => e.seq)
            .reverse(),
        );
      }
      const inRange = (e: { occurredAt: Date }) => {
        const day = toLocalDate(e.occurredAt, "Europe/Paris");
        return day >= "2026-10-25" && day <= "2026-10-26";
      };
      const days = await ledgerPages({ from: "2026-10-25", to: "2026-10-26", source: "checkout" });
      const expected = events
        .filter((e) => inRange(e) && e.source === "checkout")
        .map((e) => e.seq)
        .reverse();
      expect(expected.length).toBeGreaterThan(3);
      expect(days).toEqual(expected);
      // 25 October 2026: the clocks go back in Paris; 00:00 local is 22:00 UTC the day before.
      const first = events.find((e) => e.occurredAt.toISOString() === "2026-10-24T23:00:00.000Z");
      expect(first && inRange(first)).toBe(true);
    });

    it("exports exactly the filtered events as CSV, oldest first, with their proof", async () => {
      let csv = "";
      for await (const chunk of ledgerCsv(t.db, ledgerShop.shop.id, 40, {
        source: "privacy_centre",
        from: "2026-11-01",
      })) {
        csv += chunk;
      }
      const [header, ...lines] = csv.trim().split("\r\n");
      expect(header?.split(",")).toContain("wording");
      const expected = events.filter(
        (e) => e.source === "privacy_centre" && toLocalDate(e.occurredAt, "Europe/Paris") >= "2026-11-01",
      );
      expect(lines).toHaveLength(expected.length);
      expect(lines.map((line) => Number(line.split(",")[0]?.replace(/"/g, "")))).toEqual(
        expected.map((e) => e.seq),
      );
      expect(lines.every((line) => line.includes('"privacy_centre"'))).toBe(true);
      expect(lines[0]).toContain('"Je souhaite recevoir la newsletter."');
    });
  });
});
