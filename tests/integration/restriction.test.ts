// Restriction of processing (GDPR art. 18) and the notice to recipients (art. 19) on real databases,
// against the Shopify and Mailchimp simulators: granted, the person is unsubscribed in both systems,
// a later checkout consent does not subscribe them again, the retention sweep leaves them, exports
// still start; lifted, only once the notice to the person has left; the answer lists the recipients.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorsForShop } from "~/connectors/registry.server";
import { isAppError } from "~/domain/errors";
import { sendQueuedEmail } from "~/mail/send-email.server";
import { createTransport } from "~/mail/transport.server";
import { sandboxShopifyToken } from "~/sandbox/sandbox-systems.server";
import { syncConsentEventsOrThrow } from "~/services/consent-sync.server";
import { recordConsent } from "~/services/consents.server";
import { fileRequest } from "~/services/requests/create-request.server";
import { answerRequest } from "~/services/requests/request-actions.server";
import { recordRecipientNotice } from "~/services/restriction/recipient-notices.server";
import {
  decideLift,
  grantRestriction,
  isSubjectRestricted,
  notifyRestriction,
} from "~/services/restriction/restrictions.server";
import { retentionOverview, sweepRetention } from "~/services/retention.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { seedWorldShop, startWorld, type World, type WorldShopper } from "../support/sandbox-world";
import { memoryLogger, testLinks } from "../support/test-logger";

const ROSA: WorldShopper = {
  customerId: 8801,
  email: "rosa.restreinte@example.fr",
  firstName: "Rosa",
  lastName: "Restreinte",
};
const YEAR = 365 * 86_400_000;
const STAFF = { type: "staff" as const, id: "dpo" };

describe.each(testDialects())("restriction of processing on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  let shop: { id: string; domain: string; name: string | null };
  let subjectId: string;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await startWorld({ shoppers: [ROSA] });
    shop = await seedWorldShop(t.db, world, [ROSA]);
    subjectId = (await t.db.subject.findFirstOrThrow({ where: { shopId: shop.id, email: ROSA.email } })).id;
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
    await t?.drop();
  });

  const connectors = (domain: string) =>
    connectorsForShop(
      {
        db: t.db,
        secretKey: Buffer.alloc(32, 7),
        endpoints: {
          shopify: { baseUrl: world.shopify.baseUrl, accessToken: () => sandboxShopifyToken(world.settings) },
          mailchimpBasePath: world.mailchimp.basePath,
          stripe: { host: world.stripe.host, port: world.stripe.port, protocol: "http" },
        },
      },
      domain,
    );
  const links = () => testLinks(shop.domain);
  const mailchimpStatus = () => world.mailchimp.state.member(ROSA.email)?.status;
  const shopifyState = () =>
    world.shopify.state.customer(shop.domain, ROSA.customerId)?.emailMarketing?.state;

  async function fileRestriction(locale: "fr" | "en" = "fr") {
    return t.db.$transaction((tx) =>
      fileRequest(tx, links(), {
        shop,
        details: { type: "restriction", ground: "accuracy_contested", recipientsAsked: true },
        channel: "staff",
        requesterEmail: ROSA.email,
        locale,
        receivedAt: new Date(),
        identity: { level: "verified", rationale: "signed_in_customer" },
        subjectId,
        actor: { type: "staff", id: "dpo" },
      }),
    );
  }

  it("grants it: Shopify and Mailchimp unsubscribe the person by job, each outcome kept as the art. 19 notice", async () => {
    expect(mailchimpStatus()).toBe("subscribed");
    expect(shopifyState()).toBe("SUBSCRIBED");
    const request = await fileRestriction();
    // Answered only once in place.
    await expect(answerRequest(t.db, links(), shop, STAFF, request.id, "Fait.")).rejects.toSatisfy((e) =>
      isAppError(e, "RESTRICTION_NOT_GRANTED"),
    );
    const restriction = await grantRestriction(t.db, shop, STAFF, request.id);
    expect(await isSubjectRestricted(t.db, subjectId)).toBe(true);
    expect(
      await t.db.job.count({ where: { type: "restriction.notify", payload: { contains: restriction.id } } }),
    ).toBe(1);
    await expect(grantRestriction(t.db, shop, STAFF, request.id)).rejects.toSatisfy((e) =>
      isAppError(e, "RESTRICTION_ALREADY_GRANTED"),
    );

    await notifyRestriction({ db: t.db, connectors, log: memoryLogger() }, restriction.id);
    expect(mailchimpStatus()).toBe("unsubscribed");
    expect(shopifyState()).toBe("UNSUBSCRIBED");
    const notices = await t.db.recipientNotice.findMany({ where: { requestId: request.id } });
    const by = (recipient: string) => notices.find((n) => n.recipient === recipient);
    expect(by("shopify")).toMatchObject({ channel: "connector", status: "done", outcome: "applied" });
    expect(by("mailchimp")).toMatchObject({ channel: "connector", status: "done" });
    // Stripe and the carriers of the processors register: staff tell them.
    expect(by("stripe")).toMatchObject({ channel: "staff", status: "pending" });
    expect(by("carriers")).toMatchObject({ channel: "staff", status: "pending", name: "Transporteurs" });
    // A second run (a retry) changes nothing and calls no one again.
    const calls = world.mailchimp.stats.requests;
    await notifyRestriction({ db: t.db, connectors, log: memoryLogger() }, restriction.id);
    expect(world.mailchimp.stats.requests).toBe(calls);

    // Staff tell the carriers; the answer lists everyone informed, as the person asked (art. 19).
    await recordRecipientNotice(t.db, shop, "dpo", request.id, by("carriers")?.id as string, "done");
    await recordRecipientNotice(t.db, shop, "dpo", request.id, by("stripe")?.id as string, "not_concerned");
    await answerRequest(t.db, links(), shop, STAFF, request.id, "Vos données sont gelées.");
    const answer = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: "request.answer" },
    });
    expect(answer.text).toContain("destinataires de vos données que nous avons informés");
    // Named as the processors register names them.
    expect(answer.text).toMatch(/^- Shopify International Limited$/m);
    expect(answer.text).toMatch(/^- The Rocket Science Group LLC \(Mailchimp/m);
    expect(answer.text).toMatch(/^- Transporteurs$/m);
    expect(answer.text).not.toMatch(/^- Stripe/m);
  });

  it("does not subscribe the person again while restricted: a checkout consent is recorded, not carried out", async () => {
    const outcome = await t.db.$transaction((tx) =>
      recordConsent(tx, shop.domain, {
        shopId: shop.id,
        subject: { id: subjectId, email: ROSA.email, shopifyCustomerId: String(ROSA.customerId) },
        kind: "granted",
        lawfulBasis: "consent",
        source: "checkout",
        occurredAt: new Date(),
        noticeVersion: "2022-10-31",
        wording: "Je souhaite recevoir la newsletter",
        wordingLocale: "fr",
      }),
    );
    expect(outcome.recorded).toBe(true);
    const eventId = outcome.recorded ? outcome.eventId : "";
    await syncConsentEventsOrThrow({ db: t.db, connectors, log: memoryLogger() }, [eventId]);
    const syncs = await t.db.consentSync.findMany({ where: { eventId }, orderBy: { system: "asc" } });
    expect(syncs.map((s) => [s.system, s.status, s.outcome])).toEqual([
      ["mailchimp", "skipped", "restricted"],
      ["shopify", "skipped", "restricted"],
    ]);
    expect(mailchimpStatus()).toBe("unsubscribed");
    expect(shopifyState()).toBe("UNSUBSCRIBED");
  });

  it("keeps the person out of the retention sweep, shown apart with why, and exports still start", async () => {
    await t.db.subject.update({
      where: { id: subjectId },
      data: { lastOrderAt: new Date(Date.now() - 15 * YEAR) },
    });
    const overview = await retentionOverview(t.db, shop.id);
    expect(overview.due.map((d) => d.id)).not.toContain(subjectId);
    expect(overview.restricted).toEqual([
      expect.objectContaining({ id: subjectId, ground: "accuracy_contested" }),
    ]);
    await sweepRetention(t.db, shop, "dpo");
    expect(await t.db.rightsRequest.count({ where: { subjectId, channel: "retention" } })).toBe(0);

    const access = await t.db.$transaction((tx) =>
      fileRequest(tx, links(), {
        shop,
        details: { type: "access" },
        channel: "staff",
        requesterEmail: ROSA.email,
        locale: "fr",
        receivedAt: new Date(),
        identity: { level: "verified", rationale: "signed_in_customer" },
        subjectId,
        actor: { type: "staff", id: "dpo" },
      }),
    );
    expect(await t.db.exportArchive.count({ where: { requestId: access.id } })).toBe(1);
  });

  it("lifts only once the notice to the person has left (art. 18(3)), audited", async () => {
    const request = await t.db.rightsRequest.findFirstOrThrow({ where: { subjectId, type: "restriction" } });
    await decideLift(t.db, links(), shop, STAFF, request.id);
    await expect(decideLift(t.db, links(), shop, STAFF, request.id)).rejects.toSatisfy((e) =>
      isAppError(e, "RESTRICTION_NOT_ACTIVE"),
    );
    const notice = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: "request.restriction_lift" },
    });
    expect(notice.subject).toContain("Levée de la limitation");
    // Decided, but the person has not been told yet: still restricted, still out of the sweep.
    expect(await isSubjectRestricted(t.db, subjectId)).toBe(true);
    expect((await retentionOverview(t.db, shop.id)).due.map((d) => d.id)).not.toContain(subjectId);

    // The SMTP server refuses for now: not sent, not lifted.
    const mail = createTransport({ smtpUrl: world.smtp.url, from: "iméra <dpo@imera-paris.com>" });
    world.smtp.refuse = { at: "rcpt", code: 451, message: "try later" };
    await expect(sendQueuedEmail({ db: t.db, log: memoryLogger(), mail }, notice.id)).rejects.toBeTruthy();
    expect(await isSubjectRestricted(t.db, subjectId)).toBe(true);

    world.smtp.refuse = null;
    await sendQueuedEmail({ db: t.db, log: memoryLogger(), mail }, notice.id);
    await mail.close();
    expect(world.smtp.received.some((m) => m.subject?.includes("Levée de la limitation"))).toBe(true);
    expect(await isSubjectRestricted(t.db, subjectId)).toBe(false);
    const restriction = await t.db.restriction.findFirstOrThrow({ where: { requestId: request.id } });
    expect(restriction).toMatchObject({ status: "lifted" });
    expect(restriction.liftedAt?.getTime()).toBeGreaterThanOrEqual(
      (await t.db.outboxEmail.findUniqueOrThrow({ where: { id: notice.id } })).sentAt?.getTime() ?? Infinity,
    );
    const audit = await t.db.auditEvent.findMany({
      where: { shopId: shop.id, OR: [{ targetId: request.id }, { targetId: notice.id }] },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    const actions = audit.map((a) => a.action);
    expect(actions.indexOf("restriction.lift_decided")).toBeLessThan(actions.indexOf("email.sent"));
    expect(actions).toContain("restriction.lifted");
    // Lifted, the person is no longer kept apart from the retention sweep.
    expect((await retentionOverview(t.db, shop.id)).restricted).toEqual([]);
  });

  it("names the recipients to tell in the requester's language: an English request's carriers are Carriers", async () => {
    const request = await fileRestriction("en");
    await grantRestriction(t.db, shop, STAFF, request.id);
    const notices = await t.db.recipientNotice.findMany({ where: { requestId: request.id } });
    expect(notices.find((n) => n.recipient === "carriers")).toMatchObject({ name: "Carriers" });
  });
});
