// The access export of one Mailchimp member (GDPR art. 15, and art. 20 for what the shopper
// provided): the member, its GDPR fields, tags, activity feed, custom events and notes. Sub-collections
// are read page by page (`count`/`offset`) and yielded as they arrive, so a member with years of
// activity is never held whole in memory.

import type { ExportRecord } from "~/domain/systems";
import type { MailchimpClient, MemberCollection } from "./client.server";
import { findMember } from "./consent.server";
import type { Member } from "./schemas";

/** Mailchimp's maximum page size is 1000; 200 keeps each response small. */
export const DEFAULT_PAGE_SIZE = 200;

// What the shopper typed or chose (signup form, checkout): the address, the merge fields (name,
// phone, birthday…) and their interest choices. The rest Mailchimp observed or computed.
const PROVIDED_KEYS = ["email_address", "merge_fields", "interests"] as const;
// Exported in their own sections, or navigation noise.
const SEPARATE_KEYS = new Set<string>(["marketing_permissions", "tags", "last_note", "_links"]);

function splitMember(member: Member) {
  const provided: Record<string, unknown> = {};
  const observed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(member)) {
    if (SEPARATE_KEYS.has(key)) continue;
    if ((PROVIDED_KEYS as readonly string[]).includes(key)) provided[key] = value;
    else observed[key] = value;
  }
  return { provided, observed };
}

function withoutLinks(item: Record<string, unknown>): Record<string, unknown> {
  const { _links: _ignored, ...rest } = item;
  return rest;
}

async function* pages(
  client: MailchimpClient,
  hash: string,
  collection: MemberCollection,
  pageSize: number,
): AsyncGenerator<Record<string, unknown>> {
  let offset = 0;
  for (;;) {
    const page = await client.memberPage(hash, collection, pageSize, offset);
    for (const item of page.items) yield withoutLinks(item);
    offset += page.items.length;
    // A short page ends the collection even if total_items grew while we read (new activity).
    if (page.items.length < pageSize || offset >= page.totalItems) return;
  }
}

const SECTIONS: { collection: MemberCollection; section: string }[] = [
  { collection: "tags", section: "tags" },
  { collection: "activity", section: "activity" },
  { collection: "events", section: "events" },
  { collection: "notes", section: "notes" },
];

/**
 * Streams everything the audience holds about the member with this subscriber hash; yields nothing
 * when there is no such member. Sections: `member` (twice: what the shopper provided, then what
 * Mailchimp recorded), `marketing_permissions` (provided: the shopper's own choices), `tags`,
 * `activity`, `events`, `notes`.
 */
export async function* exportMailchimpMember(
  client: MailchimpClient,
  hash: string,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<ExportRecord> {
  const member = await findMember(client, hash);
  if (member === null) return;
  const { provided, observed } = splitMember(member);
  yield { section: "member", data: provided, provided: true };
  yield { section: "member", data: observed, provided: false };
  for (const permission of member.marketing_permissions ?? []) {
    yield { section: "marketing_permissions", data: { ...permission }, provided: true };
  }
  for (const { collection, section } of SECTIONS) {
    for await (const item of pages(client, hash, collection, pageSize)) {
      yield { section, data: item, provided: false };
    }
  }
}
