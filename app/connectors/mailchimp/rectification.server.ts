// Rectification in the Mailchimp audience (GDPR art. 16): the member's merge fields FNAME, LNAME,
// PHONE and ADDRESS, and its e-mail address (PATCH with `email_address`). Mailchimp refuses some
// changes with a 400 (an address already in the audience, a member whose address it will not
// change in its state): `refused` with Mailchimp's title; the rest is thrown for the job.
import type { RectifyResult, SubjectRef } from "~/connectors/connector";
import type { Profile, RequestedChanges } from "~/domain/rectification/rectification";
import type { MailchimpClient } from "./client.server";
import { findMember } from "./consent.server";
import { isMailchimpError } from "./errors";
import type { Member } from "./schemas";
import { subjectHash, subscriberHash } from "./subscriber-hash";

const str = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

function profileOf(member: Member): Profile {
  const merge = member.merge_fields ?? {};
  const address = merge.ADDRESS as Record<string, unknown> | string | undefined;
  const a = typeof address === "object" && address !== null ? address : null;
  const first = str(merge.FNAME);
  const last = str(merge.LNAME);
  return {
    name: first || last ? { first, last } : null,
    email: member.email_address,
    phone: str(merge.PHONE),
    address:
      a && str(a.addr1) && str(a.city) && str(a.zip)
        ? {
            line1: str(a.addr1) ?? "",
            line2: str(a.addr2) ?? "",
            city: str(a.city) ?? "",
            zip: str(a.zip) ?? "",
            country: str(a.country) ?? "",
          }
        : null,
  };
}

/** The member, archived ones excepted (outside the audience, like the consent reads). */
async function live(client: MailchimpClient, hash: string | null): Promise<Member | null> {
  const member = hash ? await findMember(client, hash) : null;
  return member && member.status !== "archived" ? member : null;
}

export async function readMailchimpProfile(client: MailchimpClient, subject: SubjectRef) {
  const member = await live(client, subjectHash(subject));
  return member ? profileOf(member) : null;
}

function body(changes: RequestedChanges, emailChanges: boolean): Record<string, unknown> {
  const merge: Record<string, unknown> = {
    ...(changes.name && { FNAME: changes.name.first, LNAME: changes.name.last }),
    ...(changes.phone && { PHONE: changes.phone }),
    ...(changes.address && {
      ADDRESS: {
        addr1: changes.address.line1,
        addr2: changes.address.line2,
        city: changes.address.city,
        state: "",
        zip: changes.address.zip,
        country: changes.address.country,
      },
    }),
  };
  return {
    ...(emailChanges && changes.email && { email_address: changes.email }),
    ...(Object.keys(merge).length > 0 && { merge_fields: merge }),
  };
}

export async function rectifyMailchimp(
  client: MailchimpClient,
  subject: SubjectRef,
  changes: RequestedChanges,
): Promise<RectifyResult> {
  let member = await live(client, subjectHash(subject));
  let repeat = false;
  // A repeat after the address changed finds the member under its new address.
  if (!member && changes.email) {
    member = await live(client, subscriberHash(changes.email));
    repeat = member !== null;
  }
  if (!member) return { outcome: "not_found" };
  const emailChanges = !!changes.email && member.email_address.toLowerCase() !== changes.email;
  try {
    const updated = await client.updateMember(member.id, body(changes, emailChanges));
    return { outcome: repeat ? "already" : "applied", vendorRef: updated.id };
  } catch (error) {
    if (isMailchimpError(error, 400)) return { outcome: "refused", detail: error.title };
    throw error;
  }
}
