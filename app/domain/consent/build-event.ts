import {
  type ChainedFields,
  type ConsentEvent,
  type ConsentEventInput,
  ConsentEventInputSchema,
} from "./consent-event";
import { chainHashFor, commitmentFor, HASH_PATTERN, SALT_PATTERN } from "./ledger-hash";

/**
 * Builds the next ledger event of a shop: validates `input`, commits to its personal fields with
 * `salt` and chains it after `prevHash` (GENESIS_HASH for seq 1). The caller supplies the
 * shop's current head (`prevHash`, `seq` = head seq + 1) read in the same transaction as the
 * insert, and a fresh salt per event (`randomBytes(32).toString("hex")`): per-event, never
 * per-subject, so two events of one person never share a commitment input (see ADR 011).
 *
 * @throws {z.ZodError} when `input` breaks the event model; {TypeError}/{RangeError} when the
 *   chain arguments are malformed. Both are programming errors: validate untrusted data first.
 */
export function buildEvent(
  input: ConsentEventInput,
  prevHash: string,
  seq: number,
  salt: string,
): ConsentEvent {
  const { personal, ...fields } = ConsentEventInputSchema.parse(input);
  if (!HASH_PATTERN.test(prevHash)) throw new TypeError("buildEvent: prevHash must be a hex SHA-256");
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError("buildEvent: seq must be an integer >= 1");
  if (!SALT_PATTERN.test(salt)) throw new TypeError("buildEvent: salt must be 64 lower-case hex characters");

  const chained: ChainedFields = { ...fields, seq, commitment: commitmentFor(personal, salt), prevHash };
  return { ...chained, hash: chainHashFor(chained), pseudonymised: false, personal, salt };
}

/**
 * Erases an event's personal data (GDPR art. 17): drops the personal fields and the salt and
 * marks the event `pseudonymised`. Every chained field, the commitment and the hash are kept, so
 * the shop's chain still verifies; with the salt gone the commitment can no longer be matched to
 * a guessed e-mail. Idempotent. The caller must also purge the salt from backups on their
 * normal rotation.
 */
export function pseudonymise(event: ConsentEvent): ConsentEvent {
  return { ...event, pseudonymised: true, personal: null, salt: null };
}
