// Newsletter consent in a Mailchimp audience: reading a member's status and bringing it in line
// with Vigie's ledger. Each change reads the member first, so a retried job answers `already`
// instead of writing again (and a pending member is not sent a second confirmation e-mail).
import type {
  ApplyConsentResult,
  ConsentChange,
  ConsentStatus,
  ReadConsentResult,
} from "~/connectors/connector";
import type { MailchimpClient } from "./client.server";
import { isMailchimpError, MAILCHIMP_TITLES } from "./errors";
import type { MarketingPermission, Member } from "./schemas";

/** The member, or null when Mailchimp answers 404 (never added, or permanently deleted). */
export async function findMember(client: MailchimpClient, hash: string): Promise<Member | null> {
  try {
    return await client.getMember(hash);
  } catch (error) {
    if (isMailchimpError(error, 404)) return null;
    throw error;
  }
}

/** Mailchimp's member status in Vigie's consent vocabulary. */
export function consentFromMember(member: Member | null): ReadConsentResult {
  if (member === null) return { status: "not_found" };
  const changedAt = member.last_changed ? new Date(member.last_changed) : undefined;
  const at = changedAt && !Number.isNaN(changedAt.getTime()) ? { changedAt } : {};
  switch (member.status) {
    case "subscribed":
    case "unsubscribed":
    case "pending":
    case "cleaned":
      return { status: member.status, ...at };
    // Transactional contacts only get receipts: no marketing consent is recorded for them.
    case "transactional":
      return { status: "unsubscribed", ...at };
    // Archived contacts are outside the audience (reading a consent they hold would be wrong).
    case "archived":
      return { status: "not_found", ...at };
  }
}

// The GDPR field ids of each audience: Mailchimp only shows them on members, so they are learnt
// from the first member seen and kept for an hour (staff may add fields to the audience later).
const PERMISSIONS_TTL_MS = 60 * 60 * 1000;
const permissionIds = new Map<string, { ids: string[]; expiresAt: number }>();

function cacheKey(client: MailchimpClient) {
  return `${client.basePath}|${client.audienceId}`;
}

function remember(client: MailchimpClient, permissions: MarketingPermission[] | undefined) {
  if (!permissions?.length) return;
  const ids = permissions.map((p) => p.marketing_permission_id);
  permissionIds.set(cacheKey(client), { ids, expiresAt: Date.now() + PERMISSIONS_TTL_MS });
}

/** The audience's GDPR field ids ([] for an audience without them), from cache, a member or the list. */
async function audiencePermissionIds(client: MailchimpClient, known: Member | null): Promise<string[]> {
  if (known?.marketing_permissions?.length) {
    remember(client, known.marketing_permissions);
    return known.marketing_permissions.map((p) => p.marketing_permission_id);
  }
  const cached = permissionIds.get(cacheKey(client));
  if (cached && cached.expiresAt > Date.now()) return cached.ids;
  const audience = await client.getAudience();
  if (!audience.marketing_permissions) {
    permissionIds.set(cacheKey(client), { ids: [], expiresAt: Date.now() + PERMISSIONS_TTL_MS });
    return [];
  }
  // An audience with GDPR fields but no member yet shows no ids: the PUT's answer will (below).
  const sample = await client.samplePermissions();
  remember(client, sample);
  return sample.map((p) => p.marketing_permission_id);
}

const permissionsBody = (ids: string[], enabled: boolean) =>
  ids.map((id) => ({ marketing_permission_id: id, enabled }));

const allEnabled = (member: Member) => (member.marketing_permissions ?? []).every((p) => p.enabled);
const noneEnabled = (member: Member) => (member.marketing_permissions ?? []).every((p) => !p.enabled);

/** Turns on any GDPR field the member still has off (new members come back with all of them off). */
async function enableRemaining(client: MailchimpClient, hash: string, member: Member) {
  remember(client, member.marketing_permissions);
  const off = (member.marketing_permissions ?? []).filter((p) => !p.enabled);
  if (off.length === 0) return;
  const ids = off.map((p) => p.marketing_permission_id);
  await client.updateMember(hash, { marketing_permissions: permissionsBody(ids, true) });
}

async function subscribe(client: MailchimpClient, hash: string, email: string): Promise<ApplyConsentResult> {
  const member = await findMember(client, hash);
  if (member?.status === "subscribed" && allEnabled(member))
    return { outcome: "already", vendorRef: member.id };
  if (member?.status === "pending") {
    return {
      outcome: "pending_confirmation",
      vendorRef: member.id,
      detail: "Mailchimp is already waiting for the shopper to confirm by e-mail.",
    };
  }
  const ids = await audiencePermissionIds(client, member);
  const body = {
    email_address: email,
    status_if_new: "subscribed",
    status: "subscribed",
    ...(ids.length ? { marketing_permissions: permissionsBody(ids, true) } : {}),
  };
  try {
    const saved = await client.upsertMember(hash, body);
    await enableRemaining(client, hash, saved);
    return { outcome: "applied", vendorRef: saved.id };
  } catch (error) {
    if (isMailchimpError(error, 400, MAILCHIMP_TITLES.forgottenEmail)) {
      return {
        outcome: "refused",
        detail:
          "Mailchimp refuses this address: it was permanently deleted (erasure) and can only return " +
          "through a Mailchimp signup form filled in by the shopper.",
      };
    }
    if (!isMailchimpError(error, 400, MAILCHIMP_TITLES.complianceState)) throw error;
  }
  // The shopper unsubscribed through Mailchimp's own link, or their address bounced: Mailchimp only
  // takes them back through double opt-in, i.e. status pending and a confirmation e-mail.
  const pending = await client.upsertMember(hash, { ...body, status_if_new: "pending", status: "pending" });
  await enableRemaining(client, hash, pending);
  return {
    outcome: "pending_confirmation",
    vendorRef: pending.id,
    detail:
      "Mailchimp holds this contact in a compliance state (unsubscribed through Mailchimp or bounced): " +
      "it sent a confirmation e-mail, and the shopper is subscribed once they confirm.",
  };
}

async function unsubscribe(client: MailchimpClient, hash: string): Promise<ApplyConsentResult> {
  const member = await findMember(client, hash);
  if (member === null) return { outcome: "not_found" };
  if (member.status === "cleaned" || member.status === "archived" || member.status === "transactional") {
    return {
      outcome: "already",
      vendorRef: member.id,
      detail: `Mailchimp sends this contact no marketing e-mail (status ${member.status}).`,
    };
  }
  if (member.status === "unsubscribed" && noneEnabled(member))
    return { outcome: "already", vendorRef: member.id };
  const ids = (member.marketing_permissions ?? []).map((p) => p.marketing_permission_id);
  try {
    const saved = await client.updateMember(hash, {
      status: "unsubscribed",
      ...(ids.length ? { marketing_permissions: permissionsBody(ids, false) } : {}),
    });
    return { outcome: "applied", vendorRef: saved.id };
  } catch (error) {
    // Deleted between the read and the write: nobody left to unsubscribe.
    if (isMailchimpError(error, 404)) return { outcome: "not_found" };
    throw error;
  }
}

/**
 * Brings the member's newsletter status in line with `change`. Subscribing upserts (status and
 * status_if_new `subscribed`, GDPR fields on); a contact in Mailchimp's compliance state is moved to
 * `pending` instead (double opt-in); a permanently deleted address is `refused`. Unsubscribing
 * patches an existing member only. Throws MailchimpApiError for failures a job should retry.
 */
export async function applyMailchimpConsent(
  client: MailchimpClient,
  hash: string,
  email: string,
  change: Pick<ConsentChange, "status">,
): Promise<ApplyConsentResult> {
  const status: ConsentStatus = change.status;
  return status === "subscribed" ? subscribe(client, hash, email) : unsubscribe(client, hash);
}
