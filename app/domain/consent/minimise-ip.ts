// GDPR art. 5(1)(c): keep only the network prefix of an IP address, enough to support a proof of
// consent (which network the affirmative action came from) without pointing at one device.

const IPV4_PREFIX_BITS = 24;
const IPV6_PREFIX_BITS = 48;
const DECIMAL_OCTET = /^(0|[1-9][0-9]{0,2})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/;

/**
 * Reduces an IP address to its network prefix in CIDR form: IPv4 → /24 (`203.0.113.0/24`),
 * IPv6 → /48 (`2001:db8:abcd::/48`, RFC 5952 text). An IPv4-mapped IPv6 address
 * (`::ffff:203.0.113.42`) is treated as the IPv4 address it carries. Brackets and a zone id are
 * tolerated. Returns `null` for anything that is not an IP address: never throws, since the
 * input comes from webhooks and request headers.
 */
export function minimiseIp(ip: unknown): string | null {
  return networkPrefix(ip, IPV6_PREFIX_BITS);
}

/**
 * The IPv4 /24 or the IPv6 prefix of `ipv6Bits` (a multiple of 16) an address belongs to, in the
 * same form as {@link minimiseIp}; null for anything that is not an IP address. A /64 is what one
 * IPv6 subscriber or device is given: the privacy centre counts filings per network with it.
 */
export function networkPrefix(ip: unknown, ipv6Bits: 16 | 32 | 48 | 64): string | null {
  if (typeof ip !== "string") return null;
  const text = ip.trim().replace(/^\[(.*)\]$/, "$1");
  if (text.length === 0 || text.length > 64) return null;

  const v4 = parseIpv4(text);
  if (v4) return formatIpv4Prefix(v4);

  const v6 = parseIpv6(text.replace(/%[0-9a-z._~-]+$/i, "").toLowerCase());
  if (!v6) return null;
  if (isIpv4Mapped(v6)) {
    const [, , , , , , high = 0, low = 0] = v6;
    return formatIpv4Prefix([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  return formatIpv6Prefix(v6, ipv6Bits);
}

/** True when `value` is already a prefix that {@link minimiseIp} produces (used to validate stored events). */
export function isMinimisedIp(value: string): boolean {
  const slash = value.lastIndexOf("/");
  if (slash < 0) return false;
  return minimiseIp(value.slice(0, slash)) === value;
}

function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const part of parts) {
    // Leading zeros are refused: some parsers read them as octal, so their meaning is ambiguous.
    if (!DECIMAL_OCTET.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    octets.push(octet);
  }
  return octets;
}

function parseIpv6(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  // A dotted IPv4 tail may only end the address, so never before a "::".
  const head = parseGroups(halves[0] ?? "", halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? "", true) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  // "::" stands for at least one zero group.
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** Parses colon-separated groups; the last one may be a dotted IPv4 address (two groups). */
function parseGroups(text: string, allowIpv4Tail: boolean): number[] | null {
  if (text === "") return [];
  const parts = text.split(":");
  const groups: number[] = [];
  for (const [index, part] of parts.entries()) {
    const isLast = index === parts.length - 1;
    if (allowIpv4Tail && isLast && part.includes(".")) {
      const v4 = parseIpv4(part);
      if (!v4) return null;
      const [a = 0, b = 0, c = 0, d = 0] = v4;
      groups.push((a << 8) | b, (c << 8) | d);
      continue;
    }
    if (!HEX_GROUP.test(part)) return null;
    groups.push(Number.parseInt(part, 16));
  }
  return groups;
}

function isIpv4Mapped(groups: readonly number[]): boolean {
  return groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
}

function formatIpv4Prefix(octets: readonly number[]): string {
  const [a, b, c] = octets;
  return `${a}.${b}.${c}.0/${IPV4_PREFIX_BITS}`;
}

function formatIpv6Prefix(groups: readonly number[], bits: number): string {
  const kept = [...groups.slice(0, bits / 16), ...new Array<number>(8 - bits / 16).fill(0)];
  return `${formatIpv6(kept)}/${bits}`;
}

/** RFC 5952 text: lower-case, no leading zeros, the longest run (≥ 2) of zero groups as "::". */
function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < groups.length; ) {
    if (groups[start] !== 0) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < groups.length && groups[end] === 0) end += 1;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestLength < 2) return hex.join(":");
  const head = hex.slice(0, bestStart).join(":");
  const tail = hex.slice(bestStart + bestLength).join(":");
  return `${head}::${tail}`;
}
