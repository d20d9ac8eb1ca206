// How often the storefront privacy centre accepts a filing: each one e-mails a code to the address
// given and opens a check whose code can be guessed, so an unlimited form is a way to flood a
// stranger's mailbox and to multiply guesses (GDPR art. 32: security of processing; art. 12(5) lets a
// controller refuse manifestly excessive, repetitive requests). docs/decisions/034.

export type FilingLimit = { max: number; windowMs: number };

/**
 * Per e-mail address: three filings in fifteen minutes. Three cover a mistyped code, a lost e-mail
 * and a change of mind; the short window bounds what someone filing in a stranger's name can do to
 * the real owner: at worst they wait fifteen minutes, and a code already sent stays valid meanwhile.
 */
export const ADDRESS_LIMIT: FilingLimit = { max: 3, windowMs: 15 * 60_000 };

/**
 * Per client network (IPv4 /24, IPv6 /64): ten filings in an hour. A household or an office files a
 * few; one network filing for many addresses is someone using the shop to mail strangers.
 */
export const CLIENT_LIMIT: FilingLimit = { max: 10, windowMs: 60 * 60_000 };

/** Filings older than this count for nothing: they can be deleted. */
export const LONGEST_FILING_WINDOW_MS = Math.max(ADDRESS_LIMIT.windowMs, CLIENT_LIMIT.windowMs);

export type FilingVerdict =
  | { allowed: true }
  | { allowed: false; limit: "address" | "client"; retryAfterSeconds: number };

/** Seconds until enough of `earlier` leave the window for one more filing; 0 when one is allowed now. */
function waitFor(limit: FilingLimit, earlier: readonly Date[], now: Date): number {
  const inWindow = earlier
    .map((at) => at.getTime())
    .filter((at) => at > now.getTime() - limit.windowMs && at <= now.getTime())
    .sort((a, b) => a - b);
  if (inWindow.length < limit.max) return 0;
  // The filing that must age out for the count to drop below the limit.
  const blocking = inWindow[inWindow.length - limit.max] ?? now.getTime();
  return Math.max(1, Math.ceil((blocking + limit.windowMs - now.getTime()) / 1000));
}

/**
 * Whether one more filing is accepted at `now`, given the earlier filings for the same address and
 * from the same client network. A signed-in customer is not held to the address limit: their account
 * proves the address is theirs, so filings by others in their name must not lock them out.
 */
export function filingVerdict(input: {
  addressFilings: readonly Date[];
  clientFilings: readonly Date[];
  signedIn: boolean;
  now: Date;
}): FilingVerdict {
  const address = input.signedIn ? 0 : waitFor(ADDRESS_LIMIT, input.addressFilings, input.now);
  const client = waitFor(CLIENT_LIMIT, input.clientFilings, input.now);
  if (address === 0 && client === 0) return { allowed: true };
  return address >= client
    ? { allowed: false, limit: "address", retryAfterSeconds: address }
    : { allowed: false, limit: "client", retryAfterSeconds: client };
}
