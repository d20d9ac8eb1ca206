// The legal clock of a request waits only while information needed to identify the person is
// awaited (GDPR art. 12(3) and 12(6), EDPB 01/2022, décret 2019-536; docs/decisions/036): a request
// from the address the shop has on file runs from receipt although a code is sent to it; the
// reason of every pause is recorded; requests paused under the old rule are recomputed once.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProxyContext } from "~/services/privacy-centre/proxy-auth.server";
import { fileStorefrontRequest } from "~/services/privacy-centre/storefront-requests.server";
import { recomputeLegacyPauses } from "~/services/requests/recompute-pauses.server";
import {
  confirmEmailCode,
  requestIdentityDocument,
  verifyIdentityByStaff,
} from "~/services/requests/request-actions.server";
import type { LinkContext } from "~/services/requests/request-links.server";
import { requestDetail } from "~/services/requests/request-queue.server";
import { fileStaffRequest } from "~/services/requests/staff-intake.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

const SECRET = randomBytes(32);
/** Saturday 31 January 2026, 11:00 in Paris: one month ends Saturday 28 February → Monday 2 March. */
const RECEIVED = new Date("2026-01-31T10:00:00Z");
/** Thursday 5 February 2026: five days after receipt. */
const LATER = new Date("2026-02-05T10:00:00Z");
const ON_FILE = "camille@example.fr";
const UNKNOWN = "inconnu@example.fr";

describe.each(testDialects())("the identity clock on %s", (dialect) => {
  let t: TestDatabase;
  let n = 0;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  /** A shop whose customer Camille (a Shopify customer) has her address on file. */
  async function newShop() {
    const domain = `clock-${dialect}-${++n}.myshopify.com`;
    const row = await t.db.shop.create({ data: { domain, name: "iméra" } });
    await t.db.subject.create({ data: { shopId: row.id, email: ON_FILE, shopifyCustomerId: `70${n}` } });
    const shop = { id: row.id, domain, name: row.name };
    const links: LinkContext = {
      shopDomain: domain,
      proxyPrefix: "/apps/privacy",
      secret: SECRET,
      sandboxUrl: null,
      appUrl: "https://vigie.example.com",
    };
    const proxy: ProxyContext = {
      shop: { ...shop, locale: "fr" },
      loggedInCustomerId: null,
      pathPrefix: "/apps/privacy",
      shopperLocale: "fr",
    };
    return { shop, links, proxy };
  }

  const form = (type: string, email: string, extra: Record<string, unknown> = {}) =>
    ({ type, email, name: "Camille", message: "", ...extra }) as never;

  const staffFiles = (s: Awaited<ReturnType<typeof newShop>>, type: string, email: string, extra = {}) =>
    fileStaffRequest({
      db: t.db,
      links: s.links,
      shop: s.shop,
      staffId: "dpo",
      form: form(type, email, extra),
      locale: "fr",
      receivedAt: RECEIVED,
    });

  const pauses = (requestId: string) =>
    t.db.requestPause.findMany({ where: { requestId }, orderBy: { startedAt: "asc" } });

  async function receivedAudit(requestId: string) {
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { targetId: requestId, action: "request.received" },
    });
    return JSON.parse(event.data);
  }

  it("runs from receipt for a letter from the address on file, while the code sent there is awaited", async () => {
    const s = await newShop();
    const request = await staffFiles(s, "access", ON_FILE);
    expect(request).toMatchObject({ state: "identity_check", identityLevel: "email_link" });
    expect(
      await t.db.outboxEmail.count({ where: { requestId: request.id, template: "request.identity_code" } }),
    ).toBe(1);
    expect(await pauses(request.id)).toEqual([]);
    expect(await receivedAudit(request.id)).toMatchObject({
      clock: "running",
      clockReason: "address_on_file",
    });
    const detail = await requestDetail(t.db, s.shop.id, request.id, LATER);
    expect(detail?.deadline).toMatchObject({
      receivedOn: "2026-01-31",
      dueDate: "2026-03-02",
      pausedDays: 0,
    });
    expect(detail?.status).toMatchObject({ status: "on_track" });
  });

  it("runs from receipt for a privacy-centre filing from the address on file, confirmed days later", async () => {
    const s = await newShop();
    const request = await fileStorefrontRequest({
      db: t.db,
      links: s.links,
      proxy: s.proxy,
      form: form("access", ON_FILE),
      now: RECEIVED,
    });
    expect(await pauses(request.id)).toEqual([]);
    const email = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: "request.identity_code" },
    });
    const check = await t.db.identityCheck.findFirstOrThrow({ where: { requestId: request.id } });
    const code = email.text.match(/^\s+(\d{6})$/m)?.[1] as string;
    const confirmed = await confirmEmailCode(
      t.db,
      SECRET,
      s.shop.id,
      check.id,
      code,
      new Date("2026-02-01T09:00:00Z"),
    );
    expect(confirmed.request).toMatchObject({ state: "in_progress" });
    // Confirming the next day moved nothing: 28 February (a Saturday) → Monday 2 March.
    const detail = await requestDetail(t.db, s.shop.id, request.id, LATER);
    expect(detail?.deadline).toMatchObject({ dueDate: "2026-03-02", pausedDays: 0 });
  });

  it("waits, with its reason, while an address the shop does not have on file is confirmed", async () => {
    const s = await newShop();
    // An earlier unconfirmed filing made a subject for the address: still not on file.
    await fileStorefrontRequest({
      db: t.db,
      links: s.links,
      proxy: s.proxy,
      form: form("erasure", UNKNOWN),
      now: RECEIVED,
    });
    const request = await fileStorefrontRequest({
      db: t.db,
      links: s.links,
      proxy: s.proxy,
      form: form("access", UNKNOWN),
      now: RECEIVED,
    });
    expect(await pauses(request.id)).toMatchObject([
      { startedAt: RECEIVED, endedAt: null, reason: "address_not_on_file" },
    ]);
    expect(await receivedAudit(request.id)).toMatchObject({
      clock: "paused",
      clockReason: "address_not_on_file",
    });
    await verifyIdentityByStaff(t.db, s.shop, { type: "staff", id: "dpo" }, request.id, LATER);
    const detail = await requestDetail(t.db, s.shop.id, request.id, LATER);
    // Five paused days: 28 February + 5 = Thursday 5 March.
    expect(detail?.deadline).toMatchObject({ dueDate: "2026-03-05", pausedDays: 5 });
  });

  it("waits for an heir's proofs, even from the address on file, after the heir's code is confirmed", async () => {
    const s = await newShop();
    const request = await staffFiles(s, "heir_request", ON_FILE, {
      deceased_email: "jean@example.fr",
      heir_relationship: "fils",
      heir_scope: ["close_account"],
    });
    expect(await pauses(request.id)).toMatchObject([{ endedAt: null, reason: "heir_identity" }]);
    const email = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: "request.identity_code" },
    });
    const check = await t.db.identityCheck.findFirstOrThrow({ where: { requestId: request.id } });
    const code = email.text.match(/^\s+(\d{6})$/m)?.[1] as string;
    const confirmed = await confirmEmailCode(t.db, SECRET, s.shop.id, check.id, code, LATER);
    expect(confirmed).toMatchObject({ outcome: "accepted", request: { state: "identity_check" } });
    expect(await pauses(request.id)).toMatchObject([{ endedAt: null, reason: "heir_identity" }]);
    expect((await requestDetail(t.db, s.shop.id, request.id, LATER))?.status).toMatchObject({
      status: "paused",
    });
  });

  it("pauses from the day staff ask for an ID document on a request whose clock was running", async () => {
    const s = await newShop();
    const request = await staffFiles(s, "access", ON_FILE);
    await requestIdentityDocument(
      t.db,
      s.links,
      s.shop,
      { type: "staff", id: "dpo" },
      request.id,
      "Adresse de livraison différente",
      LATER,
    );
    expect(await pauses(request.id)).toMatchObject([
      { startedAt: LATER, endedAt: null, reason: "identity_document" },
    ]);
    const detail = await requestDetail(t.db, s.shop.id, request.id, new Date("2026-02-07T10:00:00Z"));
    expect(detail?.status).toMatchObject({ status: "paused" });
    expect(detail?.deadline).toMatchObject({ pausedDays: 2 });
  });

  describe("requests paused under the old rule", () => {
    /** A request as the old code filed it: paused from receipt with the reason "identity". */
    async function legacy(
      s: Awaited<ReturnType<typeof newShop>>,
      type: string,
      email: string,
      extra: { closed?: boolean; endedAt?: Date; documentAt?: Date } = {},
    ) {
      const request = await t.db.rightsRequest.create({
        data: {
          shopId: s.shop.id,
          subjectId: (await t.db.subject.findFirst({ where: { shopId: s.shop.id, email } }))?.id ?? null,
          reference: `R-2026-L${++n}`,
          type,
          channel: "privacy_centre",
          state: extra.closed ? "answered" : "identity_check",
          closedAt: extra.closed ? LATER : null,
          details: JSON.stringify({ type }),
          requesterEmail: email,
          receivedAt: RECEIVED,
          identityLevel: extra.documentAt ? "document" : "email_link",
          pauses: { create: { startedAt: RECEIVED, endedAt: extra.endedAt ?? null, reason: "identity" } },
          ...(extra.documentAt && {
            identityChecks: {
              create: { method: "document", status: "pending", reason: "doute", createdAt: extra.documentAt },
            },
          }),
        },
      });
      return request.id;
    }

    it("keeps the pause that waited for identity, gives it its reason, and drops or shortens the others, audited once", async () => {
      const s = await newShop();
      const onFile = await legacy(s, "access", ON_FILE, { endedAt: LATER });
      const unknown = await legacy(s, "access", UNKNOWN);
      const heir = await legacy(s, "heir_request", ON_FILE);
      const document = await legacy(s, "erasure", ON_FILE, { documentAt: new Date("2026-02-03T10:00:00Z") });
      const closed = await legacy(s, "access", ON_FILE, { closed: true, endedAt: LATER });

      expect(await recomputeLegacyPauses(t.db, undefined, LATER)).toBe(4);

      expect(await pauses(onFile)).toEqual([]);
      expect(await pauses(unknown)).toMatchObject([{ startedAt: RECEIVED, reason: "address_not_on_file" }]);
      expect(await pauses(heir)).toMatchObject([{ startedAt: RECEIVED, reason: "heir_identity" }]);
      expect(await pauses(document)).toMatchObject([
        { startedAt: new Date("2026-02-03T10:00:00Z"), endedAt: null, reason: "identity_document" },
      ]);
      // A closed request keeps the history it was answered under.
      expect(await pauses(closed)).toMatchObject([{ reason: "identity" }]);

      const audits = await t.db.auditEvent.findMany({
        where: { shopId: s.shop.id, action: "request.clock_recomputed" },
      });
      const byRequest = Object.fromEntries(audits.map((a) => [a.targetId, JSON.parse(a.data)]));
      expect(audits).toHaveLength(4);
      // Paused 31 January → 5 February (5 days): 5 March; without the pause, 2 March.
      expect(byRequest[onFile]).toEqual({
        change: "removed",
        reason: null,
        dueBefore: "2026-03-05",
        dueAfter: "2026-03-02",
      });
      expect(byRequest[unknown]).toMatchObject({ change: "reason_recorded", reason: "address_not_on_file" });
      expect(byRequest[heir]).toMatchObject({ change: "reason_recorded", reason: "heir_identity" });
      expect(byRequest[document]).toMatchObject({ change: "moved", reason: "identity_document" });
      expect(audits.every((a) => a.actorType === "system")).toBe(true);

      // Idempotent: the next boots change and audit nothing.
      expect(await Promise.all([recomputeLegacyPauses(t.db), recomputeLegacyPauses(t.db)])).toEqual([0, 0]);
      expect(
        await t.db.auditEvent.count({ where: { shopId: s.shop.id, action: "request.clock_recomputed" } }),
      ).toBe(4);
    });
  });
});
