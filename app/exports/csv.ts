// CSV for the tabular sections of an export (orders, charges, consent events…), for shoppers who
// open their data in a spreadsheet. RFC 4180 (comma, CRLF, fields quoted when needed), UTF-8 with a
// byte-order mark so Excel reads accents right, and text that a spreadsheet would run as a formula
// (CSV injection, OWASP) is prefixed with an apostrophe.

/** Excel only reads a CSV as UTF-8 when it starts with the byte-order mark. */
export const CSV_BOM = "\uFEFF";

// OWASP "CSV injection": a cell starting with one of these is read as a formula (tab and CR too).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes text a spreadsheet would evaluate (`=HYPERLINK(…)`, `+33…`, `@SUM`) with an apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The text of one cell: empty for null, numbers and booleans as written by JSON, nested objects
 * and arrays as JSON text, and text neutralised against formulas. Numbers are never prefixed: a
 * negative amount must stay a number, and a number cannot carry a formula.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return neutraliseFormula(value);
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  // JSON text starts with { or [, never with a formula character.
  return exportJson(value) ?? "";
}

/**
 * A cell always quoted, formulas neutralised: the staff CSVs (ledger, audit log) whose rows a
 * verifier re-reads. Dates as ISO 8601, everything else as its text.
 */
export function quotedCsvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `"${neutraliseFormula(text).replace(/"/g, '""')}"`;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, and its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated as RFC 4180 asks. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

/** JSON.stringify replacer for export data: bigints (which JSON cannot hold) as decimal text. */
function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

/**
 * JSON text of export data, bigints as decimal text. A replacer makes JSON.stringify call back
 * into JavaScript for every key (twice as slow on a vendor's large objects), so it is used only
 * for the rare value that holds a bigint.
 */
export function exportJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return JSON.stringify(value, jsonReplacer);
  }
}

/**
 * One tabular section's CSV: `provided`, then the section's declared columns, always the same ones
 * in the same order (a spreadsheet or a script can rely on them, and rows are written as they come).
 */
export class CsvTable {
  /** The header line (neutralised like any cell, though the names are the app's own). */
  readonly header: string;
  private readonly declared: ReadonlySet<string>;

  constructor(readonly columns: readonly string[]) {
    this.header = csvLine(["provided", ...columns].map(neutraliseFormula));
    this.declared = new Set(columns);
  }

  /** One record's line; a missing or null value is an empty cell. */
  line(data: Record<string, unknown>, provided: boolean): string {
    let text = provided ? "true" : "false";
    for (const column of this.columns) {
      const value = data[column];
      text += value === null || value === undefined ? "," : `,${csvField(csvCell(value))}`;
    }
    return `${text}\r\n`;
  }

  /** Keys of `data` the table has no column for (they stay in the system's JSON file only). */
  undeclared(data: Record<string, unknown>): string[] {
    const keys: string[] = [];
    for (const key in data) if (!this.declared.has(key)) keys.push(key);
    return keys;
  }
}
