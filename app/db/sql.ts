import type { Dialect } from "~/config.server";

/**
 * Writes SQL once with `?` placeholders (SQLite's) and numbers them `$1, $2, …` for PostgreSQL.
 * For the few statements Prisma cannot express (claims, upserts that must not abort a transaction).
 */
export function placeholders(dialect: Dialect, sql: string): string {
  if (dialect === "sqlite") return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
