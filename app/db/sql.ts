import type { Dialect } from "~/config.server";
import type { Db, Tx } from "./client.server";

/**
 * Writes SQL once with `?` placeholders (SQLite's) and numbers them `$1, $2, …` for PostgreSQL.
 * For the few statements Prisma cannot express (claims, upserts that must not abort a transaction).
 */
export function placeholders(dialect: Dialect, sql: string): string {
  if (dialect === "sqlite") return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * A statement written with `?` placeholders, as the strings and values of a tagged template for
 * `$executeRaw`/`$queryRaw` (each client numbers them for its own dialect). `sql` comes from code.
 */
export function boundStatement(sql: string, values: unknown[]) {
  const strings = sql.split("?");
  if (strings.length !== values.length + 1) throw new Error("placeholders and values differ in number");
  return [Object.assign(strings, { raw: [...strings] }) as TemplateStringsArray, ...values] as const;
}

/** `?, ?, ?` for `n` values. */
export const questionMarks = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/**
 * `prefix VALUES (…), (…) suffix` with every value bound, as the strings and values of a tagged
 * template: the client numbers them for its own dialect (SQL pieces made by one generated client's
 * `Prisma.sql` are not recognised by the other's).
 */
export function valuesStatement(prefix: string, rows: unknown[][], suffix = "") {
  const strings: string[] = [];
  const values: unknown[] = [];
  let pending = `${prefix} VALUES `;
  for (const [r, row] of rows.entries()) {
    pending += r === 0 ? "(" : ", (";
    for (const [c, value] of row.entries()) {
      if (c > 0) pending += ", ";
      strings.push(pending);
      values.push(value ?? null);
      pending = "";
    }
    pending += ")";
  }
  strings.push(`${pending} ${suffix}`);
  return [Object.assign(strings, { raw: [...strings] }) as TemplateStringsArray, ...values] as const;
}

/**
 * Inserts rows (all with the same columns, in the table's own names) in as few statements as the
 * drivers' parameter limits allow. For batches: Prisma's createMany compiles every call anew,
 * about 1.5 ms a row for the ledger's columns (docs/decisions/080). Dates and booleans are bound
 * as Prisma binds them, so rows read back the same. `table` and the columns come from code.
 */
export async function insertRows(client: Db | Tx, table: string, rows: Record<string, unknown>[]) {
  const columns = Object.keys(rows[0] ?? {});
  if (columns.length === 0) return;
  const into = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")})`;
  // SQLite allows 32 766 parameters a statement, PostgreSQL 65 535.
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement).map((row) => columns.map((column) => row[column]));
    await client.$executeRaw(...valuesStatement(into, chunk));
  }
}
