// The admin's new-request form with the process clock pinned: its default date is the shop's today
// in the shop's time zone, that date is accepted ("not in the future" is judged in the same zone),
// the due date is counted from it (docs/decisions/037) and the acknowledgement says it from the
// shop's today (081). The process's own zone (TZ) is set far from the shop's to show it plays no part.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { action, loader } from "~/routes/app.requests.new";
import type { AppContext } from "~/server/app-context";
import { requestDetail } from "~/services/requests/request-queue.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

const SECRET = randomBytes(32);

/** `due`: the acknowledgement's deadline, counted from the shop's today (its French requester's words). */
type Clock = { label: string; zone: string; now: string; today: string; dueDate: string; due: string };

const CLOCKS: Clock[] = [
  // 00:30 on Sunday 15 March 2026 in Paris, still 14 March in UTC. 15 April is a Wednesday.
  {
    label: "00:30 in Paris",
    zone: "Europe/Paris",
    now: "2026-03-14T23:30:00Z",
    today: "2026-03-15",
    dueDate: "2026-04-15",
    due: "dans 31 jours — 15 avril",
  },
  // 09:00 on Wednesday 1 July 2026 in Auckland (UTC+12), still 30 June in UTC. 1 August is a Saturday.
  {
    label: "a morning in Auckland",
    zone: "Pacific/Auckland",
    now: "2026-06-30T21:00:00Z",
    today: "2026-07-01",
    dueDate: "2026-08-03",
    due: "dans 33 jours — 3 août",
  },
  // 22:00 on Saturday 14 March 2026 in Los Angeles (UTC−7), already 15 March in UTC. 14 April is a Tuesday.
  {
    label: "an evening in Los Angeles",
    zone: "America/Los_Angeles",
    now: "2026-03-15T05:00:00Z",
    today: "2026-03-14",
    dueDate: "2026-04-14",
    due: "dans 31 jours — 14 avril",
  },
  // A clock in the past: 00:30 on New Year's Day 2000 in Paris. 1 February 2000 is a Tuesday.
  {
    label: "a past clock (1 January 2000, 00:30 in Paris)",
    zone: "Europe/Paris",
    now: "1999-12-31T23:30:00Z",
    today: "2000-01-01",
    dueDate: "2000-02-01",
    due: "dans 31 jours — 1er février",
  },
  // A clock in the future: 10:00 on 1 July 2071 in Auckland. 1 August 2071 is a Saturday.
  {
    label: "a future clock (1 July 2071 in Auckland)",
    zone: "Pacific/Auckland",
    now: "2071-06-30T22:00:00Z",
    today: "2071-07-01",
    dueDate: "2071-08-03",
    due: "dans 33 jours — 3 août",
  },
];

function addDays(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe.each(testDialects())("the new-request form's date of receipt on %s", (dialect) => {
  let t: TestDatabase;
  let n = 0;
  const processZone = process.env.TZ;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());
  afterEach(() => {
    vi.useRealTimers();
    if (processZone === undefined) delete process.env.TZ;
    else process.env.TZ = processZone;
  });

  async function shopIn(zone: string) {
    const domain = `receipt-${dialect}-${++n}.myshopify.com`;
    const shop = await t.db.shop.create({
      data: { domain, name: "iméra", settings: JSON.stringify({ timeZone: zone }) },
    });
    const context = {
      db: t.db,
      encryptionKey: SECRET,
      sandbox: { settings: { shop: domain } },
      links: (shopDomain: string) => ({
        shopDomain,
        proxyPrefix: "/apps/privacy",
        secret: SECRET,
        sandboxUrl: null,
        appUrl: "https://vigie.example.com",
      }),
    } as unknown as AppContext;
    return { shop, context };
  }

  /** Pins the process clock to `now` (Date only: the database's timers keep running). */
  function pinClock(now: string) {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(now) });
    // The server's own zone is neither the shop's nor UTC.
    process.env.TZ = "Pacific/Kiritimati";
  }

  const url = "http://localhost/app/requests/new?locale=en";

  async function post(context: AppContext, receivedOn: string) {
    const body = new URLSearchParams({
      type: "access",
      email: `camille.${n}@example.fr`,
      name: "Camille",
      message: "",
      receivedOn,
      requesterLocale: "fr",
    });
    const request = new Request(url, { method: "POST", body });
    try {
      return await action({ request, context, params: {} });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  it.each(CLOCKS)(
    "offers and accepts the shop's today at $label",
    async ({ zone, now, today, dueDate, due }) => {
      const { shop, context } = await shopIn(zone);
      pinClock(now);
      const form = await loader({ request: new Request(url), context, params: {} });
      expect(form).toEqual({ timeZone: zone, today });

      const answer = (await post(context, today)) as Response;
      expect(answer.status).toBe(302);
      const id = answer.headers.get("location")?.match(/\/app\/requests\/([^/?]+)/)?.[1] as string;
      const detail = await requestDetail(t.db, shop.id, id, new Date(now));
      expect(detail?.request.timeZone).toBe(zone);
      expect(detail?.deadline).toMatchObject({ receivedOn: today, dueDate });
      // The acknowledgement counts the days from the shop's today, not the server's or UTC's.
      const email = await t.db.outboxEmail.findFirstOrThrow({ where: { requestId: id } });
      expect(email.text).toContain(`Réponse attendue\u00a0: ${due}\n`);
    },
  );

  it.each(CLOCKS)("refuses the shop's tomorrow at $label, on its field", async ({ zone, now, today }) => {
    const { shop, context } = await shopIn(zone);
    pinClock(now);
    const answer = (await post(context, addDays(today, 1))) as Response;
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ ok: false, error: "RECEIPT_IN_FUTURE", fields: ["receivedOn"] });
    expect(await t.db.rightsRequest.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it.each(CLOCKS)("dates an earlier day in the shop's calendar at $label", async ({ zone, now, today }) => {
    const { shop, context } = await shopIn(zone);
    pinClock(now);
    const yesterday = addDays(today, -1);
    const answer = (await post(context, yesterday)) as Response;
    expect(answer.status).toBe(302);
    const request = await t.db.rightsRequest.findFirstOrThrow({ where: { shopId: shop.id } });
    expect(request.receivedAt.getTime()).toBeLessThan(Date.parse(now));
    const detail = await requestDetail(t.db, shop.id, request.id, new Date(now));
    expect(detail?.deadline.receivedOn).toBe(yesterday);
  });
});
