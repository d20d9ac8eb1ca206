// What Mailchimp does on its own side, and tells the shop's app about through the audience webhook:
// an unsubscribe through its link, a hard bounce, a signup through its hosted form. Marketing
// webhooks are unsigned `application/x-www-form-urlencoded` POSTs with bracketed keys and a
// `fired_at` of `YYYY-MM-DD HH:MM:SS`; the app's URL carries its own secret.
import { type MailchimpStore, type SimMember, simHash } from "./mailchimp-store";

/** Where to deliver, if anywhere; without a URL only the audience changes. */
export type WebhookTarget = { webhookUrl?: string };

/** `YYYY-MM-DD HH:MM:SS` (UTC), the format of Mailchimp webhooks' fired_at. */
export function firedAt(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

function memberFields(member: SimMember, listId: string): Record<string, string> {
  const fields: Record<string, string> = {
    "data[id]": member.unique_email_id,
    "data[email]": member.email_address,
    "data[email_type]": member.email_type,
    "data[ip_opt]": member.ip_opt,
    "data[web_id]": String(member.web_id),
    "data[list_id]": listId,
    "data[merges][EMAIL]": member.email_address,
  };
  for (const [name, value] of Object.entries(member.merge_fields)) {
    if (typeof value === "string") fields[`data[merges][${name}]`] = value;
  }
  return fields;
}

async function post(
  url: string | undefined,
  fields: Record<string, string>,
): Promise<{ webhookStatus?: number }> {
  if (!url) return {};
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "MailChimp" },
    body: new URLSearchParams(fields).toString(),
    // Mailchimp gives an endpoint 10 s.
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  return { webhookStatus: response.status };
}

/** The simulator's "Mailchimp side" actions, bound to its store and clock. */
export function mailchimpSideActions(store: MailchimpStore, now: () => Date) {
  const listId = store.audience.id;
  return {
    /** The shopper clicks Mailchimp's unsubscribe link: unsubscribed, in compliance state. */
    async simulateUnsubscribe(
      email: string,
      options: WebhookTarget & { reason?: "manual" | "abuse"; campaignId?: string } = {},
    ) {
      const member = store.get(simHash(email));
      store.setStatus(member, "unsubscribed", "self");
      return post(options.webhookUrl, {
        type: "unsubscribe",
        fired_at: firedAt(now()),
        "data[action]": "unsub",
        "data[reason]": options.reason ?? "manual",
        ...(options.campaignId ? { "data[campaign_id]": options.campaignId } : {}),
        ...memberFields(member, listId),
      });
    },

    /** The address bounces hard: cleaned, in compliance state. */
    async simulateCleaned(email: string, options: WebhookTarget & { reason?: "hard" | "abuse" } = {}) {
      const member = store.get(simHash(email));
      store.setStatus(member, "cleaned", "bounce");
      return post(options.webhookUrl, {
        type: "cleaned",
        fired_at: firedAt(now()),
        "data[list_id]": listId,
        "data[campaign_id]": "",
        "data[reason]": options.reason ?? "hard",
        "data[email]": member.email_address,
      });
    },

    /** The shopper signs up through Mailchimp's hosted form: subscribed, GDPR fields ticked. This is
     * the only way back for a permanently deleted address. */
    async simulateSignup(
      email: string,
      options: WebhookTarget & { mergeFields?: Record<string, string> } = {},
    ) {
      const member = store.signup(email, options.mergeFields ?? {});
      return post(options.webhookUrl, {
        type: "subscribe",
        fired_at: firedAt(now()),
        "data[ip_signup]": member.ip_signup,
        ...memberFields(member, listId),
      });
    },
  };
}
