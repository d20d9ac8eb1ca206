// What a member did with the shop's campaigns, read from Mailchimp's activity feed
// (`GET /lists/{id}/members/{hash}/activity-feed`, newest first): opens and clicks, for the
// re-permission's count of the person's last engagement (docs/decisions/069). Only these two kinds
// are returned; the domain decides that a click counts and an open does not.
import type { EngagementKind } from "~/domain/retention/repermission";
import type { MailchimpClient } from "./client.server";
import { isMailchimpError } from "./errors";
import { subjectHash } from "./subscriber-hash";

const KINDS: Record<string, EngagementKind> = { open: "open", click: "click" };
/** A feed page; the feed is read until an entry older than `since`, at most MAX_PAGES pages. */
const PAGE = 100;
const MAX_PAGES = 10;

export type MailchimpEngagement = {
  /** The opens and clicks on record after `since` (all, without it); [] for an unknown member. */
  engagements(email: string, since?: Date): Promise<{ kind: EngagementKind; at: Date }[]>;
};

export function createMailchimpEngagement(client: MailchimpClient): MailchimpEngagement {
  return {
    async engagements(email, since) {
      const hash = subjectHash({ email });
      if (!hash) return [];
      const found: { kind: EngagementKind; at: Date }[] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        let items: Record<string, unknown>[];
        try {
          ({ items } = await client.memberPage(hash, "activity", PAGE, page * PAGE));
        } catch (error) {
          if (isMailchimpError(error, 404)) return [];
          throw error;
        }
        for (const item of items) {
          const at = new Date(String(item.created_at_timestamp ?? ""));
          if (Number.isNaN(at.getTime())) continue;
          if (since && at <= since) return found;
          const kind = KINDS[String(item.activity_type ?? "")];
          if (kind) found.push({ kind, at });
        }
        if (items.length < PAGE) return found;
      }
      return found;
    },
  };
}
