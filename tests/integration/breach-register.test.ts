// The breach register on real databases (GDPR art. 33(5), 33(1), 34): recording and editing with
// every change kept and audited, the decisions and the notification, and the notice to people sent
// in batches by jobs: resumable after a failed batch, idempotent on a re-run, never twice to one
// address, with its progress counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendQueuedEmail } from "~/mail/send-email.server";
import { seedDemoBreach } from "~/sandbox/demo-breach.server";
import {
  NOTICE_BATCH_SIZE,
  previewNotice,
  sendBreachNoticeBatch,
  startNotice,
} from "~/services/breaches/breach-notice.server";
import {
  breachDetail,
  closeBreach,
  decideInformation,
  decideNotification,
  editBreach,
  listBreaches,
  recordBreach,
  recordNotification,
} from "~/services/breaches/breach-register.server";
import { createShop, type TestShop } from "../fixtures/vigie-store";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { testJobContext } from "../support/test-logger";

const NOW = new Date("2027-03-29T10:00:00Z");

function breachForm(overrides: Record<string, string> = {}) {
  return Object.entries({
    title: "E-mail sent to the wrong customer",
    "nature.fr": "Un e-mail de suivi contenant une adresse de livraison a été envoyé à une autre cliente.",
    "nature.en": "A tracking e-mail with a delivery address was sent to another customer.",
    "consequences.fr": "Votre adresse a pu être lue par une autre personne.",
    "consequences.en": "Your address may have been read by someone else.",
    "measures.fr": "Le message a été supprimé ; les envois manuels sont arrêtés.",
    "measures.en": "The message was deleted; manual sending has stopped.",
    approxSubjects: "1",
    approxRecords: "1",
    dpoContact: "dpo@imera.example",
    // Paris, before the DST change of 28 March: UTC+1.
    awareAt: "2027-03-27T10:00",
    occurredAt: "",
    ...overrides,
  });
}

describe.each(testDialects())("breach register on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  const run = (breachId: string) => sendBreachNoticeBatch(testJobContext({ db: t.db, dialect }), breachId);

  async function subjects(shop: TestShop, count: number, prefix: string, locale: string | null = null) {
    await t.db.subject.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        shopId: shop.shop.id,
        email: `${prefix}${String(i).padStart(4, "0")}@example.com`,
        locale,
      })),
    });
  }

  it("records a breach, keeps each edit in its history, audits it and runs the 72-hour clock", async () => {
    const shop = await createShop(t.db, "breach-record");
    const { id, number } = await recordBreach(t.db, shop.shop, "dpo", breachForm(), NOW);
    expect(number).toBe(1);
    const second = await recordBreach(t.db, shop.shop, "dpo", breachForm({ title: "Second" }), NOW);
    expect(second.number).toBe(2);

    const fields = await editBreach(
      t.db,
      shop.shop,
      "alice",
      id,
      [...breachForm({ approxSubjects: "3" }), ["revision", "1"]],
      NOW,
    );
    expect(fields).toEqual(["approxSubjects"]);
    // Editing a version someone else changed meanwhile is refused.
    await expect(
      editBreach(
        t.db,
        shop.shop,
        "bob",
        id,
        [...breachForm({ approxSubjects: "4" }), ["revision", "1"]],
        NOW,
      ),
    ).rejects.toMatchObject({ code: "REGISTER_ENTRY_STALE" });

    const detail = await breachDetail(t.db, shop.shop.id, id, NOW);
    expect(detail.reference).toBe("VIOL-1");
    expect(detail.facts.approxSubjects).toBe(3);
    expect(detail.awareAt.toISOString()).toBe("2027-03-27T09:00:00.000Z");
    // 72 elapsed hours, across the DST change: 30 March 11:00 in Paris.
    expect(detail.clock.deadline).toBe("2027-03-30T09:00:00.000Z");
    expect(detail.clock.status).toBe("due_soon");
    expect(detail.changes.map((c) => [c.revision, c.action, c.actorId, c.fields])).toEqual([
      [2, "edited", "alice", ["approxSubjects"]],
      [1, "recorded", "dpo", []],
    ]);
    const audit = await t.db.auditEvent.findMany({
      where: { shopId: shop.shop.id, targetId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["breach.recorded", "breach.edited"]);
    expect((await listBreaches(t.db, shop.shop.id, NOW)).map((b) => b.reference)).toEqual([
      "VIOL-2",
      "VIOL-1",
    ]);

    // Another shop sees nothing of it.
    const other = await createShop(t.db, "breach-other");
    await expect(breachDetail(t.db, other.shop.id, id, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("needs the decision, then takes a notification in time, refuses a late one without reasons", async () => {
    const shop = await createShop(t.db, "breach-notify");
    const { id } = await recordBreach(t.db, shop.shop, "dpo", breachForm(), NOW);
    const notify = (notifiedAt: string, delayReasons = "") =>
      recordNotification(
        t.db,
        shop.shop,
        "dpo",
        id,
        { notifiedAt, cnilReference: "CNIL-2027-123", delayReasons },
        new Date("2027-04-02T10:00:00Z"),
      );
    await expect(notify("2027-03-28T10:00")).rejects.toMatchObject({ code: "BREACH_DECISION_REQUIRED" });
    await expect(closeBreach(t.db, shop.shop, "dpo", id)).rejects.toMatchObject({
      code: "BREACH_DECISION_REQUIRED",
    });
    await decideNotification(t.db, shop.shop, "dpo", id, {
      required: "yes",
      reasoning: "Addresses disclosed.",
    });
    await expect(closeBreach(t.db, shop.shop, "dpo", id)).rejects.toMatchObject({
      code: "BREACH_NOT_NOTIFIED",
    });
    // 30 March 11:01 in Paris: one minute after the 72 hours.
    await expect(notify("2027-03-30T11:01")).rejects.toMatchObject({ code: "BREACH_DELAY_REASONS_REQUIRED" });
    await notify("2027-03-30T11:01", "The host told us the scope only on day 3.");
    const detail = await breachDetail(t.db, shop.shop.id, id, new Date("2027-04-02T10:00:00Z"));
    expect(detail).toMatchObject({ state: "notified", cnilReference: "CNIL-2027-123" });
    expect(detail.clock.status).toBe("notified_late");
    await closeBreach(t.db, shop.shop, "dpo", id);
    await expect(
      editBreach(t.db, shop.shop, "dpo", id, [...breachForm(), ["revision", "5"]], NOW),
    ).rejects.toMatchObject({ code: "BREACH_CLOSED" });
    const actions = (await breachDetail(t.db, shop.shop.id, id, NOW)).changes.map((c) => c.action);
    expect(actions).toEqual(["closed", "notified", "decided_notification", "recorded"]);
  });

  it("sends the art. 34 notice in batches: resumable, idempotent, once per address, with its progress", async () => {
    const shop = await createShop(t.db, "breach-notice");
    const count = 2 * NOTICE_BATCH_SIZE + 50;
    await subjects(shop, count - 1, "fr", "fr-FR");
    // The same address twice (two Shopify accounts): told once. One English-speaking subject.
    await subjects(shop, 1, "fr", "fr");
    await t.db.subject.create({ data: { shopId: shop.shop.id, email: "jane@example.com", locale: "en-GB" } });
    // One bad address stored long ago makes its batch fail.
    const broken = await t.db.subject.create({
      data: { shopId: shop.shop.id, email: "not an address", locale: null },
    });
    const { id } = await recordBreach(t.db, shop.shop, "dpo", breachForm(), NOW);
    await expect(startNotice(t.db, shop.shop, "dpo", id, { audience: "all" })).rejects.toMatchObject({
      code: "BREACH_NOTICE_NOT_DECIDED",
    });
    await decideInformation(t.db, shop.shop, "dpo", id, { required: "yes", reasoning: "Home addresses." });

    const preview = await previewNotice(t.db, shop.shop, id, { audience: "all" });
    // Subjects counted as stored (the duplicate and the bad address too): a preview, not the final count.
    expect(preview.byLocale).toEqual({ fr: count + 1, en: 1 });
    await startNotice(t.db, shop.shop, "dpo", id, { audience: "all" });
    await expect(startNotice(t.db, shop.shop, "dpo", id, { audience: "all" })).rejects.toMatchObject({
      code: "BREACH_NOTICE_ALREADY_SENT",
    });

    expect(await run(id)).toMatchObject({ batch: 0, queued: NOTICE_BATCH_SIZE, more: true });
    expect(await run(id)).toMatchObject({ batch: 1, queued: NOTICE_BATCH_SIZE, more: true });
    // Batch 2 meets the bad address: the whole batch rolls back, nothing of it is kept.
    await expect(run(id)).rejects.toThrow();
    let detail = await breachDetail(t.db, shop.shop.id, id, NOW);
    expect(detail.notice).toMatchObject({ status: "sending", queued: 2 * NOTICE_BATCH_SIZE });
    // Fixed, the job's retry resumes where the last committed batch ended.
    await t.db.subject.update({ where: { id: broken.id }, data: { email: "fixed@example.com" } });
    expect(await run(id)).toMatchObject({ batch: 2, more: false });
    // A run after the end (a retry, a duplicate job) changes nothing.
    expect(await run(id)).toBeNull();

    const emails = await t.db.outboxEmail.findMany({
      where: { shopId: shop.shop.id, template: "breach.notice" },
    });
    const addresses = emails.map((e) => e.to);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses).toHaveLength(count + 2 - 1);
    expect(emails.find((e) => e.to === "jane@example.com")?.subject).toContain(
      "A breach of your personal data",
    );
    expect(emails.find((e) => e.to === "fr0000@example.com")?.subject).toContain("violation de vos données");
    expect(emails.find((e) => e.to === "fr0000@example.com")?.text).toContain("Votre adresse a pu être lue");
    // One job per batch, each keyed by its number.
    const jobs = await t.db.job.findMany({ where: { type: "breach.notice", jobKey: { contains: id } } });
    expect(jobs.map((j) => j.jobKey).sort()).toEqual([0, 1, 2].map((n) => `breach.notice:${id}:${n}`));

    // Progress: queued of total, and how many have left (here: kept in the outbox).
    for (const email of emails.slice(0, 10)) {
      await sendQueuedEmail(testJobContext({ db: t.db, dialect }), email.id);
    }
    detail = await breachDetail(t.db, shop.shop.id, id, NOW);
    expect(detail.notice).toEqual({ status: "done", total: count + 1, queued: count + 1, delivered: 10 });
    const audit = await t.db.auditEvent.findMany({ where: { targetId: id }, select: { action: true } });
    expect(audit.filter((a) => a.action === "breach.notice_batch")).toHaveLength(2);
    expect(audit.filter((a) => a.action === "breach.notice_done")).toHaveLength(1);
    expect(audit.some((a) => a.action === "breach.notice_started")).toBe(true);
  }, 180_000);

  it("sends to pasted addresses known to Vigie only, in each one's language, and refuses incomplete texts", async () => {
    const shop = await createShop(t.db, "breach-list");
    await subjects(shop, 3, "known", null);
    await t.db.subject.create({ data: { shopId: shop.shop.id, email: "ann@example.com", locale: "en" } });
    const { id } = await recordBreach(t.db, shop.shop, "dpo", breachForm({ "measures.en": "" }), NOW);
    await decideInformation(t.db, shop.shop, "dpo", id, { required: "yes", reasoning: "Passwords exposed." });
    const pasted =
      "known0000@example.com\nKNOWN0001@example.com; stranger@example.com, nonsense\nann@example.com";
    const preview = await previewNotice(t.db, shop.shop, id, { audience: "list", addresses: pasted });
    expect(preview).toEqual({ total: 3, byLocale: { fr: 2, en: 1 }, unknown: 1, invalid: 1 });
    // Ann reads English, and the English measures are empty: refused before anything is stored.
    await expect(
      startNotice(t.db, shop.shop, "dpo", id, { audience: "list", addresses: pasted }),
    ).rejects.toMatchObject({ code: "BREACH_NOTICE_INCOMPLETE", fields: ["measures.en"] });
    expect(await t.db.breachRecipient.count({ where: { breachId: id } })).toBe(0);

    await startNotice(t.db, shop.shop, "dpo", id, {
      audience: "list",
      addresses: "known0000@example.com known0001@example.com",
    });
    expect(await run(id)).toMatchObject({ batch: 0, queued: 2, more: false });
    const emails = await t.db.outboxEmail.findMany({ where: { shopId: shop.shop.id } });
    expect(emails.map((e) => e.to).sort()).toEqual(["known0000@example.com", "known0001@example.com"]);
    expect(emails.every((e) => e.locale === "fr")).toBe(true);
  });

  it("gives the demo shop one past breach, notified within the 72 hours and closed, once", async () => {
    const shop = await createShop(t.db, "breach-demo");
    await seedDemoBreach(t.db, shop.shop, "Europe/Paris", NOW);
    await seedDemoBreach(t.db, shop.shop, "Europe/Paris", NOW);
    const [breach, ...others] = await listBreaches(t.db, shop.shop.id, NOW);
    expect(others).toEqual([]);
    expect(breach).toMatchObject({ state: "closed", clock: { status: "notified" } });
    const detail = await breachDetail(t.db, shop.shop.id, breach?.id ?? "", NOW);
    expect(detail).toMatchObject({
      notificationRequired: true,
      informRequired: false,
      cnilReference: "NOTIF-DEMO-0001",
    });
    expect(detail.changes.map((c) => c.action)).toEqual([
      "closed",
      "decided_information",
      "notified",
      "decided_notification",
      "recorded",
    ]);
  });
});
