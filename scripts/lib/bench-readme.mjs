// What `npm run bench` does with its results, kept pure so that it is tested without running a
// bench (tests/build/bench-readme.test.ts): a partial run's figures merged into bench/results.json,
// and a full run's written as the README's performance table, one row per figure with its SQLite
// and PostgreSQL values side by side (docs/decisions/085-every-bench-on-both-databases.md).

export const START = "<!-- bench:start -->";
export const END = "<!-- bench:end -->";
const DATABASES = ["sqlite", "postgres"];

const key = (result) => `${result.name}\u0000${result.database ?? ""}`;

/** `previous` with each of `fresh`'s figures replacing the one of the same name and database. */
export function mergeResults(previous, fresh) {
  const replaced = new Set(fresh.map(key));
  return [...previous.filter((r) => !replaced.has(key(r))), ...fresh];
}

const number = (value) =>
  typeof value === "number" ? value.toLocaleString("en-US").replace(/,/g, "\u202f") : String(value);
const cell = (text) => String(text).replace(/\|/g, "\\|").replace(/\n/g, " ");

/** One line per figure, in the order first measured; a database it was not measured on: "—". */
export function benchTable({ machine, at, results, failed = [] }) {
  const rows = new Map();
  for (const result of results) {
    const row = rows.get(result.name) ?? {};
    row[result.database ?? "none"] = result;
    rows.set(result.name, row);
  }
  const lines = [
    `Measured by \`npm run bench\` on ${machine}, ${at.slice(0, 16).replace("T", " ")} UTC; load is the`,
    "1-minute load average when the figure was taken.",
    "",
    "| Figure | SQLite | PostgreSQL | Unit | Target | Met | Load |",
    "| --- | ---: | ---: | --- | --- | --- | --- |",
  ];
  for (const [name, row] of rows) {
    const none = row.none;
    const measured = none ? [none] : DATABASES.map((d) => row[d]).filter(Boolean);
    const first = measured[0];
    const value = (d) =>
      none ? (d === "sqlite" ? number(none.value) : "(no database)") : row[d] ? number(row[d].value) : "—";
    const targets = [...new Set(measured.map((r) => String(r.target)))];
    const target =
      targets.length === 1
        ? targets[0]
        : DATABASES.filter((d) => row[d])
            .map((d) => `${d === "sqlite" ? "SQLite" : "PostgreSQL"}: ${row[d].target}`)
            .join("; ");
    const met = measured.map((r) => (r.met ? "yes" : "**no**")).join(" / ");
    const load = measured.map((r) => (typeof r.load === "number" ? r.load.toFixed(1) : "?")).join(" / ");
    lines.push(
      `| ${[name, value("sqlite"), value("postgres"), first.unit, target, met, load].map(cell).join(" | ")} |`,
    );
  }
  // A bench that crashed has no figures: said, rather than its row silently missing.
  if (failed.length > 0) lines.push("", `Failed in this run, so not in the table: ${failed.join(", ")}.`);
  return lines.join("\n");
}

/** The README with the text between the markers replaced by `table`; throws without both markers. */
export function writeTable(readme, table) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error(`README.md lacks ${START} … ${END}`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}
