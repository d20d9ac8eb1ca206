// Carries a subject's consent to Shopify and Mailchimp after a ledger event. It pushes the
// subject's CURRENT state (not the event's), so retries and out-of-order runs converge on the
// truth. Each system's outcome is stored; a retry only redoes what is not done yet.
import { ConnectorError, type ConsentChange } from "~/connectors/connector";
import type { ShopConnectors } from "~/connectors/registry.server";
import type { Db } from "~/db/client.server";
import { marketingPushAllowed } from "~/domain/requests/restriction";
import type { Logger } from "~/utils/logger.server";
import { isSubjectRestricted } from "./restriction/restrictions.server";

const SYSTEMS = ["shopify", "mailchimp"] as const;
type System = (typeof SYSTEMS)[number];

/** Pushes the current consent of event `eventId`'s subject to every synced system not done yet. */
export async function syncConsentEvent(
  {
    db,
    connectors,
    log,
  }: { db: Db; connectors: (shopDomain: string) => Promise<ShopConnectors>; log: Logger },
  eventId: string,
) {
  const event = await db.consentEvent.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      shopId: true,
      source: true,
      kind: true,
      confirmsEventId: true,
      pseudonymised: true,
      subjectId: true,
      syncs: true,
    },
  });
  if (!event || event.pseudonymised || !event.subjectId) return;
  const subject = await db.subject.findUnique({
    where: { id: event.subjectId },
    select: {
      id: true,
      email: true,
      shopifyCustomerId: true,
      marketingObjectionAt: true,
      shop: { select: { domain: true } },
      consentStates: { where: { purpose: "newsletter" } },
    },
  });
  const state = subject?.consentStates[0];
  if (!subject?.email || !state || (state.status !== "subscribed" && state.status !== "unsubscribed")) return;
  const restricted = await isSubjectRestricted(db, subject.id);
  const systems = await connectors(subject.shop.domain);
  const ref = {
    shopDomain: subject.shop.domain,
    subjectId: subject.id,
    email: subject.email,
    shopifyCustomerId: subject.shopifyCustomerId,
  };
  const change: ConsentChange = {
    purpose: "newsletter",
    status: state.status,
    occurredAt: state.since ?? new Date(),
    // A grant confirmed from the shopper's inbox is a confirmed opt-in (M3AAWG), as Shopify names it.
    optInLevel: event.confirmsEventId ? "CONFIRMED_OPT_IN" : "SINGLE_OPT_IN",
    idempotencyKey: `consent:${event.id}`,
  };
  const save = (system: System, status: "done" | "skipped" | "failed", outcome: string, detail?: string) =>
    db.consentSync.upsert({
      where: { eventId_system: { eventId: event.id, system } },
      create: { eventId: event.id, system, status, outcome, detail: detail ?? null },
      update: { status, outcome, detail: detail ?? null },
    });

  let retry: ConnectorError | undefined;
  for (const system of SYSTEMS) {
    if (event.syncs.some((s) => s.system === system && s.status !== "failed")) continue;
    // The system the change came from already has it.
    if (event.source === system) {
      await save(system, "skipped", "origin");
      continue;
    }
    // Policy §1: contacts go to Mailchimp only if the shopper did not object (GDPR art. 21).
    if (system === "mailchimp" && change.status === "subscribed" && subject.marketingObjectionAt) {
      await save(system, "skipped", "objected");
      continue;
    }
    // GDPR art. 18(2): while restricted, the data is only stored; a subscription is not carried out.
    if (!marketingPushAllowed(change.status, restricted)) {
      await save(system, "skipped", "restricted");
      continue;
    }
    const connector = systems[system];
    if (!connector) {
      await save(system, "skipped", "not_connected");
      continue;
    }
    try {
      const result = await connector.applyConsent(ref, change);
      await save(system, "done", result.outcome, result.detail);
    } catch (error) {
      if (error instanceof ConnectorError && error.retryable) {
        await save(system, "failed", "retrying", error.message);
        retry = error;
        continue;
      }
      await save(system, "failed", "error", error instanceof Error ? error.message : String(error));
      log.warn("consent sync failed", { eventId, system });
    }
  }
  if (retry) throw retry;
}
