/**
 * Deterministic JSON for hashing: the same value always gives the same UTF-8 bytes, whatever the
 * key order it was built with or whether a date arrived as a `Date` or as its ISO string.
 *
 * Rules (close to RFC 8785 for the values the ledger uses):
 * - object keys sorted by UTF-16 code units (JavaScript's default sort, as RFC 8785 does);
 * - `undefined` and `null` object members are dropped, so an absent optional field hashes the
 *   same whether the database hands back `null` or the domain leaves it `undefined`;
 * - `Date` becomes `toISOString()` (UTC, milliseconds), exactly as an ISO string field would;
 * - numbers must be finite; strings must be well-formed UTF-16 (a lone surrogate cannot survive a
 *   UTF-8 round trip through the database, so the hash could never be re-checked);
 * - arrays keep their order and may not contain `undefined`;
 * - anything else (bigint, function, symbol, class instances) is rejected.
 *
 * @throws {TypeError} on a value that has no canonical form.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError("canonicalJson: invalid Date");
    return JSON.stringify(value.toISOString());
  }
  switch (typeof value) {
    case "string":
      if (!isWellFormed(value)) throw new TypeError("canonicalJson: string with a lone surrogate");
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("canonicalJson: non-finite number");
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "object":
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value);
    default:
      throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
  }
}

function canonicalArray(items: readonly unknown[]): string {
  const parts = items.map((item) => {
    if (item === undefined) throw new TypeError("canonicalJson: undefined in an array");
    return canonicalJson(item);
  });
  return `[${parts.join(",")}]`;
}

function canonicalObject(value: object): string {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError("canonicalJson: only plain objects are supported");
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined || member === null) continue;
    parts.push(`${canonicalJson(key)}:${canonicalJson(member)}`);
  }
  return `{${parts.join(",")}}`;
}

// NOTE: String.prototype.isWellFormed is ES2024; tsconfig targets ES2023, so check by hand.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` has no lone surrogate, i.e. it can be encoded as UTF-8 and read back unchanged. */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}
