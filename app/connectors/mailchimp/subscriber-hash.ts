// Mailchimp addresses a member by the MD5 of its lower-cased, trimmed e-mail (the "subscriber hash").
import { createHash } from "node:crypto";
import { normaliseEmail } from "~/domain/subjects/identifiers";

/** The subscriber hash of an e-mail address (MD5 hex of `email.trim().toLowerCase()`). */
export function subscriberHash(email: string): string {
  return createHash("md5").update(email.trim().toLowerCase()).digest("hex");
}

/** The subject's subscriber hash, or null when Vigie has no usable e-mail for them. */
export function subjectHash(subject: { email: string | null }): string | null {
  const email = normaliseEmail(subject.email);
  return email === null ? null : subscriberHash(email);
}
