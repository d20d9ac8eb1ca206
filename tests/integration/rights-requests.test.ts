// Rights requests on real databases: filing by each channel, proportionate identity checks, the
// legal clock (pause, extension), answers and refusals with their e-mails, and shop isolation.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "~/domain/errors";
import { storeDocument } from "~/services/documents.server";
import type { ProxyContext } from "~/services/privacy-centre/proxy-auth.server";
import {
  fileFromPrivacyCentre,
  fileStorefrontRequest,
} from "~/services/privacy-centre/storefront-requests.server";
import {
  answerRequest,
  confirmEmailCode,
  decideIdentityDocument,
  extendRequest,
  refuseRequest,
  requestIdentityDocument,
  verifyIdentityByStaff,
} from "~/services/requests/request-actions.server";
import type { LinkContext } from "~/services/requests/request-links.server";
import { listRequests, requestDetail } from "~/services/requests/request-queue.server";
import { fileStaffRequest } from "~/services/requests/staff-intake.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

const SECRET = randomBytes(32);

describe.each(testDialects())("rights requests on %s", (dialect) => {
  let t: TestDatabase;
  let n = 0;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  async function newShop() {
    const domain = `req-${dialect}-${++n}.myshopify.com`;
    const shop = await t.db.shop.create({
      data: { domain, name: "iméra", settings: JSON.stringify({ dpoEmail: "dpo@imera.example" }) },
    });
    const links: LinkContext = {
      shopDomain: domain,
      proxyPrefix: "/apps/privacy",
      secret: SECRET,
      sandboxUrl: null,
      appUrl: "https://vigie.example.com",
    };
    const proxy: ProxyContext = {
      shop: { id: shop.id, domain, name: shop.name, locale: "fr" },
      loggedInCustomerId: null,
      pathPrefix: "/apps/privacy",
      shopperLocale: "fr",
    };
    return { shop: { id: shop.id, domain, name: shop.name }, links, proxy };
  }

  const form = (type: string, email = "camille@example.fr") =>
    ({ type, email, name: "Camille", message: "Je veux mes données" }) as never;

  /** The code in the last identity e-mail of a request (as the shopper reads it). */
  async function mailedCode(requestId: string) {
    const email = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId, template: "request.identity_code" },
      orderBy: { createdAt: "desc" },
    });
    const code = email.text.match(/^\s+(\d{6})$/m)?.[1];
    const checkId = (
      await t.db.identityCheck.findFirstOrThrow({
        where: { requestId, method: "email_code", status: "pending" },
      })
    ).id;
    return { code: code as string, checkId, email };
  }

  it("a guest's storefront request waits, clock paused, for the e-mailed code; the code starts the work", async () => {
    const { proxy, links } = await newShop();
    const request = await fileStorefrontRequest({
      db: t.db,
      links,
      proxy,
      form: form("access"),
      now: new Date("2026-01-31T10:00:00Z"),
    });
    expect(request).toMatchObject({
      state: "identity_check",
      identityLevel: "email_link",
      channel: "privacy_centre",
      locale: "fr",
    });
    const emails = await t.db.outboxEmail.findMany({
      where: { requestId: request.id },
      orderBy: { createdAt: "asc" },
    });
    expect(emails.map((e) => e.template)).toEqual(["request.acknowledgement", "request.identity_code"]);
    expect(emails[0]?.text).toContain(request.reference);
    // 31 January + one month = 28 February 2026 (a Saturday) → Monday 2 March.
    expect(emails[0]?.text).toContain("2 mars 2026");
    const { code, checkId, email } = await mailedCode(request.id);
    expect(email.text).toContain("https://req-");
    // The shopper confirms the next day, just within the code's 24 hours.
    const confirmed = await confirmEmailCode(
      t.db,
      SECRET,
      proxy.shop.id,
      checkId,
      code,
      new Date("2026-02-01T09:00:00Z"),
    );
    expect(confirmed.outcome).toBe("accepted");
    expect(confirmed.request).toMatchObject({ state: "in_progress" });
    const detail = await requestDetail(t.db, proxy.shop.id, request.id, new Date("2026-02-01T09:00:00Z"));
    // Paused 31 Jan → 1 Feb (1 day): 28 Feb + 1 = Sunday 1 March → Monday 2 March.
    expect(detail?.deadline).toMatchObject({ pausedDays: 1, dueDate: "2026-03-02" });
    expect(detail?.timeline.map((e) => e.action)).toEqual([
      "request.received",
      "request.identity_verified",
      "export.started",
    ]);
    // The work is the export: one job per system, queued in the same transaction as the confirmation.
    const jobs = await t.db.job.findMany({
      where: { type: "export.system", shopDomain: proxy.shop.domain },
      select: { payload: true },
    });
    const systems = jobs.map((j) => JSON.parse(j.payload).system).sort();
    expect(systems).toEqual(["mailchimp", "shopify", "stripe", "vigie"]);
  });

  it("staff confirming identity three days later resumes the clock three days late (across a month end)", async () => {
    const { proxy, links, shop } = await newShop();
    const request = await fileStorefrontRequest({
      db: t.db,
      links,
      proxy,
      form: form("access"),
      now: new Date("2026-01-30T10:00:00Z"),
    });
    await verifyIdentityByStaff(
      t.db,
      shop,
      { type: "staff", id: "dpo" },
      request.id,
      new Date("2026-02-02T10:00:00Z"),
    );
    const detail = await requestDetail(t.db, shop.id, request.id, new Date("2026-02-02T10:00:00Z"));
    // 30 Jan + one month = 28 Feb (no 30 Feb) + 3 paused days = 3 March (Tuesday).
    expect(detail?.deadline).toMatchObject({
      pausedDays: 3,
      firstDueDate: "2026-03-03",
      dueDate: "2026-03-03",
    });
    expect(
      await t.db.identityCheck.findFirst({ where: { requestId: request.id, method: "staff" } }),
    ).toMatchObject({ status: "passed", decidedBy: "dpo" });
  });

  it("caps guesses at five: the sixth try, even right, is refused and the request stays waiting", async () => {
    const { proxy, links } = await newShop();
    const request = await fileStorefrontRequest({ db: t.db, links, proxy, form: form("erasure") });
    const { code, checkId } = await mailedCode(request.id);
    const wrong = code === "000000" ? "111111" : "000000";
    const outcomes = [];
    for (let i = 0; i < 5; i++)
      outcomes.push((await confirmEmailCode(t.db, SECRET, proxy.shop.id, checkId, wrong)).outcome);
    expect(outcomes).toEqual(["wrong_code", "wrong_code", "wrong_code", "wrong_code", "wrong_code"]);
    expect((await confirmEmailCode(t.db, SECRET, proxy.shop.id, checkId, code)).outcome).toBe("locked");
    expect(await t.db.rightsRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      state: "identity_check",
    });
    expect(await t.db.identityCheck.findUniqueOrThrow({ where: { id: checkId } })).toMatchObject({
      status: "failed",
      attempts: 5,
    });
  });

  it("a code is single use and expires", async () => {
    const { proxy, links } = await newShop();
    const filed = new Date("2026-03-10T10:00:00Z");
    const request = await fileStorefrontRequest({
      db: t.db,
      links,
      proxy,
      form: form("portability"),
      now: filed,
    });
    const { code, checkId } = await mailedCode(request.id);
    const late = new Date(filed.getTime() + 24 * 3600_000 + 1);
    expect((await confirmEmailCode(t.db, SECRET, proxy.shop.id, checkId, code, late)).outcome).toBe(
      "expired",
    );
    const second = await fileStorefrontRequest({ db: t.db, links, proxy, form: form("portability") });
    const fresh = await mailedCode(second.id);
    expect((await confirmEmailCode(t.db, SECRET, proxy.shop.id, fresh.checkId, fresh.code)).outcome).toBe(
      "accepted",
    );
    expect((await confirmEmailCode(t.db, SECRET, proxy.shop.id, fresh.checkId, fresh.code)).outcome).toBe(
      "already_used",
    );
  });

  it("a signed-in customer is verified by their account and answered at the account's address, not the typed one", async () => {
    const { proxy, links, shop } = await newShop();
    await t.db.subject.create({
      data: { shopId: shop.id, shopifyCustomerId: "7001", email: "account@example.fr" },
    });
    const request = await fileStorefrontRequest({
      db: t.db,
      links,
      proxy: { ...proxy, loggedInCustomerId: "7001" },
      form: form("access", "someone-else@example.fr"),
    });
    expect(request).toMatchObject({
      state: "in_progress",
      identityLevel: "verified",
      requesterEmail: "account@example.fr",
    });
    expect(await t.db.identityCheck.findFirst({ where: { requestId: request.id } })).toMatchObject({
      method: "customer_account",
      status: "passed",
    });
    expect(
      await t.db.outboxEmail.count({ where: { requestId: request.id, template: "request.identity_code" } }),
    ).toBe(0);
  });

  it("staff enter a request received by e-mail: the clock starts on the day it was received", async () => {
    const { shop, links } = await newShop();
    const request = await fileStaffRequest({
      db: t.db,
      links,
      shop,
      staffId: "dpo-1",
      form: form("rectification"),
      locale: "en",
      receivedAt: new Date("2026-07-14T12:00:00Z"),
    });
    const detail = await requestDetail(t.db, shop.id, request.id, new Date("2026-07-20T12:00:00Z"));
    expect(detail?.deadline.receivedOn).toBe("2026-07-14");
    const ack = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: "request.acknowledgement" },
    });
    expect(ack.locale).toBe("en");
    expect(ack.subject).toMatch(/request/i);
  });

  it("extends once, with a reason, before the first deadline, and tells the requester", async () => {
    const { shop, links } = await newShop();
    const actor = { type: "staff" as const, id: "dpo" };
    const request = await fileStaffRequest({
      db: t.db,
      links,
      shop,
      staffId: "dpo",
      form: form("access"),
      locale: "fr",
      receivedAt: new Date("2026-01-05T10:00:00Z"),
    });
    await verifyIdentityByStaff(t.db, shop, actor, request.id, new Date("2026-01-05T10:00:00Z"));
    await expect(
      extendRequest(t.db, links, shop, actor, request.id, 2, "   ", new Date("2026-01-20T10:00:00Z")),
    ).rejects.toThrow(AppError);
    await expect(
      extendRequest(t.db, links, shop, actor, request.id, 2, "Volume", new Date("2026-03-01T10:00:00Z")),
    ).rejects.toMatchObject({ code: "EXTENSION_TOO_LATE" });
    await extendRequest(
      t.db,
      links,
      shop,
      actor,
      request.id,
      2,
      "Nombreuses commandes à rassembler",
      new Date("2026-01-20T10:00:00Z"),
    );
    const mail = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: "request.extension" },
    });
    expect(mail.text).toContain("Nombreuses commandes à rassembler");
    await expect(
      extendRequest(t.db, links, shop, actor, request.id, 1, "encore", new Date("2026-01-21T10:00:00Z")),
    ).rejects.toThrow(AppError);
    const detail = await requestDetail(t.db, shop.id, request.id, new Date("2026-01-21T10:00:00Z"));
    expect(detail?.deadline.extensionMonths).toBe(2);
  });

  it("refuses only with an allowed ground and written reasons, and e-mails the CNIL route", async () => {
    const { shop, proxy, links } = await newShop();
    const actor = { type: "staff" as const, id: "dpo" };
    const request = await fileStorefrontRequest({
      db: t.db,
      links,
      proxy,
      form: form("object_to_marketing"),
    });
    await expect(
      refuseRequest(t.db, links, shop, actor, request.id, { ground: "legal_claims", explanation: "non" }),
    ).rejects.toMatchObject({ code: "REFUSAL_GROUND_NOT_ALLOWED" });
    await expect(
      refuseRequest(t.db, links, shop, actor, request.id, {
        ground: "identity_not_established",
        explanation: " ",
      }),
    ).rejects.toMatchObject({ code: "REFUSAL_REASON_REQUIRED" });
    await refuseRequest(t.db, links, shop, actor, request.id, {
      ground: "identity_not_established",
      explanation: "Adresse jamais confirmée malgré deux relances.",
    });
    const row = await t.db.rightsRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row).toMatchObject({ state: "refused", refusalGround: "identity_not_established" });
    expect(row.closedAt).not.toBeNull();
    const mail = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: "request.refusal" },
    });
    expect(mail.text).toContain("cnil.fr");
    // Leaving identity_check closed the pause.
    expect(await t.db.requestPause.count({ where: { requestId: request.id, endedAt: null } })).toBe(0);
  });

  it("answers only once identity is established; a document check needs a written doubt and pauses the clock", async () => {
    const { shop, proxy, links } = await newShop();
    const actor = { type: "staff" as const, id: "dpo" };
    const request = await fileStorefrontRequest({ db: t.db, links, proxy, form: form("access") });
    await expect(
      answerRequest(t.db, links, shop, actor, request.id, "Voici vos données"),
    ).rejects.toMatchObject({
      code: "ILLEGAL_TRANSITION",
    });
    const { code, checkId } = await mailedCode(request.id);
    await confirmEmailCode(t.db, SECRET, shop.id, checkId, code);
    await expect(requestIdentityDocument(t.db, links, shop, actor, request.id, "  ")).rejects.toMatchObject({
      code: "DOCUMENT_REASON_REQUIRED",
    });
    await requestIdentityDocument(
      t.db,
      links,
      shop,
      actor,
      request.id,
      "L'adresse de livraison ne correspond pas",
    );
    const mail = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: "request.document_needed" },
    });
    expect(mail.text).toContain("L'adresse de livraison ne correspond pas");
    expect(mail.text).toMatch(/\/apps\/privacy\/documents\?t=/);
    expect(await t.db.rightsRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      state: "identity_check",
      identityLevel: "document",
      identityVerifiedAt: null,
    });
    expect(await t.db.requestPause.count({ where: { requestId: request.id, endedAt: null } })).toBe(1);
    // The shopper uploads a document; staff accept it: it is deleted, its hash kept, the clock runs again.
    const check = await t.db.identityCheck.findFirstOrThrow({
      where: { requestId: request.id, method: "document", status: "pending" },
    });
    const bytes = Buffer.from("%PDF-1.4 identity");
    await t.db.$transaction((tx) =>
      storeDocument(tx, SECRET, {
        shopId: shop.id,
        ownerType: "identity_check",
        ownerId: check.id,
        name: "id.pdf",
        mimeType: "application/pdf",
        bytes,
      }),
    );
    await decideIdentityDocument(t.db, shop, actor, request.id, true);
    expect(await t.db.document.count({ where: { ownerId: check.id } })).toBe(0);
    const decided = await t.db.identityCheck.findUniqueOrThrow({ where: { id: check.id } });
    expect(decided).toMatchObject({ status: "passed", decidedBy: "dpo" });
    expect(decided.documentSha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(await t.db.rightsRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      state: "in_progress",
    });
    expect(await t.db.requestPause.count({ where: { requestId: request.id, endedAt: null } })).toBe(0);
  });

  it("never shows or changes another shop's request", async () => {
    const a = await newShop();
    const b = await newShop();
    const request = await fileStorefrontRequest({
      db: t.db,
      links: a.links,
      proxy: a.proxy,
      form: form("access"),
    });
    expect(await requestDetail(t.db, b.shop.id, request.id)).toBeNull();
    expect(await listRequests(t.db, b.shop.id, "all")).toEqual([]);
    await expect(
      answerRequest(t.db, b.links, b.shop, { type: "staff", id: "x" }, request.id, "hi"),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { code, checkId } = await mailedCode(request.id);
    expect((await confirmEmailCode(t.db, SECRET, b.shop.id, checkId, code)).outcome).toBe("unknown");
  });

  it("limits filings per address: twelve filings give one request, its code re-sent twice, then a wait", async () => {
    const { proxy, links, shop } = await newShop();
    const start = new Date("2026-04-01T09:00:00Z");
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    const outcomes = [];
    for (let i = 0; i < 12; i++) {
      const filing = await fileFromPrivacyCentre({
        db: t.db,
        links,
        proxy,
        form: form("erasure", "camille.limits@example.fr"),
        clientIp: `198.51.${100 + i}.7`,
        now: at(i * 30),
      });
      outcomes.push(
        filing.outcome === "filed" ? filing.request.id : `${filing.limit}:${filing.retryAfterSeconds}`,
      );
    }
    const [id] = outcomes;
    // The same unconfirmed erasure request each time, then 15 min after the first filing less the time gone by.
    expect(outcomes.slice(0, 3)).toEqual([id, id, id]);
    expect(outcomes.slice(3)).toEqual(
      Array.from({ length: 9 }, (_, i) => `address:${15 * 60 - (i + 3) * 30}`),
    );
    expect(await t.db.rightsRequest.count({ where: { shopId: shop.id } })).toBe(1);
    const templates = await t.db.outboxEmail.findMany({
      where: { shopId: shop.id },
      select: { template: true },
    });
    expect(templates.map((e) => e.template).sort()).toEqual([
      "request.acknowledgement",
      "request.identity_code",
      "request.identity_code",
      "request.identity_code",
    ]);
    // Only the last code works: the earlier ones were replaced when it was sent.
    const checks = await t.db.identityCheck.findMany({
      where: { requestId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(checks.map((c) => c.status)).toEqual(["cancelled", "cancelled", "pending"]);
    const mails = await t.db.outboxEmail.findMany({
      where: { requestId: id, template: "request.identity_code" },
      orderBy: { createdAt: "asc" },
    });
    const codeOf = (text: string) => text.match(/^\s+(\d{6})$/m)?.[1] ?? "";
    const first = checks[0]?.id ?? "";
    expect(
      (await confirmEmailCode(t.db, SECRET, shop.id, first, codeOf(mails[0]?.text ?? ""), at(400))).outcome,
    ).toBe("already_used");
    const last = await confirmEmailCode(
      t.db,
      SECRET,
      shop.id,
      checks[2]?.id ?? "",
      codeOf(mails[2]?.text ?? ""),
      at(400),
    );
    expect(last.outcome).toBe("accepted");
    // Counted by keyed digests: neither the address nor the network is stored.
    const filings = await t.db.privacyCentreFiling.findMany({ where: { shopId: shop.id } });
    expect(filings).toHaveLength(3);
    expect(JSON.stringify(filings)).not.toMatch(/camille|198\.51/);
    // Fifteen minutes after the first filing, the address may file again.
    const later = await fileFromPrivacyCentre({
      db: t.db,
      links,
      proxy,
      form: form("access", "camille.limits@example.fr"),
      clientIp: "198.51.100.7",
      now: at(15 * 60 + 1),
    });
    expect(later.outcome).toBe("filed");
  });

  it("limits filings per client network, for any address, and counts a /64 as one client", async () => {
    const { proxy, links } = await newShop();
    const now = new Date("2026-04-02T09:00:00Z");
    const file = (email: string, clientIp: string, minutes: number) =>
      fileFromPrivacyCentre({
        db: t.db,
        links,
        proxy,
        form: form("access", email),
        clientIp,
        now: new Date(now.getTime() + minutes * 60_000),
      });
    const outcomes = [];
    for (let i = 0; i < 11; i++)
      outcomes.push((await file(`person${i}@example.fr`, `203.0.113.${i + 1}`, i)).outcome);
    expect(outcomes).toEqual([...Array(10).fill("filed"), "limited"]);
    // Another network is not held back; ten minutes after the first filing's hour, this one files again.
    expect((await file("other@example.fr", "192.0.2.1", 11)).outcome).toBe("filed");
    expect(await file("late@example.fr", "203.0.113.99", 59)).toMatchObject({
      outcome: "limited",
      limit: "client",
      retryAfterSeconds: 60,
    });
    expect((await file("late@example.fr", "203.0.113.99", 60)).outcome).toBe("filed");
    // IPv6: the /64 is the subscriber.
    for (let i = 0; i < 10; i++)
      expect((await file(`v6-${i}@example.fr`, `2001:db8:1:2::${i + 1}`, 61)).outcome).toBe("filed");
    expect((await file("v6-x@example.fr", "2001:db8:1:2:ffff::1", 61)).outcome).toBe("limited");
    expect((await file("v6-y@example.fr", "2001:db8:1:3::1", 61)).outcome).toBe("filed");
  });

  it("files a new request for another type, or once the unconfirmed one's code has expired", async () => {
    const { proxy, links, shop } = await newShop();
    const start = new Date("2026-04-03T09:00:00Z");
    const file = (type: string, hours: number) =>
      fileStorefrontRequest({
        db: t.db,
        links,
        proxy,
        form: form(type, "twice@example.fr"),
        now: new Date(start.getTime() + hours * 3600_000),
      });
    const access = await file("access", 0);
    const erasure = await file("erasure", 0);
    expect(erasure.id).not.toBe(access.id);
    expect((await file("access", 23)).id).toBe(access.id);
    // The code sent at 23 h is valid a day: after it, a fresh request.
    expect((await file("access", 48)).id).not.toBe(access.id);
    expect(await t.db.rightsRequest.count({ where: { shopId: shop.id } })).toBe(3);
  });

  it("lists open requests soonest due first, with their deadline badge", async () => {
    const { shop, links } = await newShop();
    const now = new Date("2026-06-20T10:00:00Z");
    for (const [receivedAt] of [
      ["2026-06-01T10:00:00Z"],
      ["2026-05-15T10:00:00Z"],
      ["2026-06-18T10:00:00Z"],
    ] as const) {
      const r = await fileStaffRequest({
        db: t.db,
        links,
        shop,
        staffId: "dpo",
        form: form("access"),
        locale: "fr",
        receivedAt: new Date(receivedAt),
      });
      await t.db.rightsRequest.update({
        where: { id: r.id },
        data: { state: "in_progress", identityVerifiedAt: new Date(receivedAt) },
      });
      await t.db.requestPause.deleteMany({ where: { requestId: r.id } });
    }
    const open = await listRequests(t.db, shop.id, "open", now);
    expect(open.map((r) => [r.dueDate, r.deadline])).toEqual([
      ["2026-06-15", "overdue"],
      ["2026-07-01", "on_track"],
      ["2026-07-20", "on_track"],
    ]);
    expect((await listRequests(t.db, shop.id, "overdue", now)).length).toBe(1);
  });
});
