// A prefix search both databases answer from an index (docs/decisions/086): `startsWith` becomes
// LIKE, which SQLite never reads from an index (its LIKE ignores case) and PostgreSQL only under
// the "C" collation. The range [prefix, successor) is the same set in byte order (SQLite's BINARY,
// PostgreSQL's C and C.UTF-8), and walks the (shopId, column) index; `startsWith` stays as the check.

/** The smallest string above every string that starts with `prefix` (its last character plus one). */
function successor(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1) as number;
  const head = prefix.slice(0, last > 0xffff ? -2 : -1);
  return head + String.fromCodePoint(last + 1);
}

/** A Prisma string filter: values starting with `prefix` (non-empty, already normalised). */
export function prefixFilter(prefix: string) {
  return { gte: prefix, lt: successor(prefix), startsWith: prefix };
}
