import type { Dialect } from "~/config.server";

/**
 * Writes SQL once with `?` placeholders (SQLite's) and numbers them `$1, $2, …` for PostgreSQL.
 * Statements sent to the driver itself (direct.server.ts) are written this way.
 */
export function placeholders(dialect: Dialect, sql: string): string {
  if (dialect === "sqlite") return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** `?, ?, ?` for `n` values. */
export const questionMarks = (n: number) => Array.from({ length: n }, () => "?").join(", ");
