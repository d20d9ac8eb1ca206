// `npm run bench`'s bookkeeping: a partial run merges into bench/results.json, a full run writes
// the README's table with each figure's SQLite and PostgreSQL values side by side.
import { describe, expect, it } from "vitest";
import { benchTable, END, mergeResults, START, writeTable } from "../../scripts/lib/bench-readme.mjs";

const figure = (name: string, database: string | undefined, value: number, extra = {}) => ({
  name,
  database,
  value,
  unit: "req/s",
  target: ">= 100",
  met: true,
  load: 1.5,
  ...extra,
});

describe("bench results", () => {
  it("replaces only the figures of the same name and database", () => {
    const merged = mergeResults(
      [figure("a", "sqlite", 1), figure("a", "postgres", 2), figure("b", "sqlite", 3)],
      [figure("a", "postgres", 20), figure("c", "sqlite", 4)],
    );
    expect(merged.map((r) => [r.name, r.database, r.value])).toEqual([
      ["a", "sqlite", 1],
      ["b", "sqlite", 3],
      ["a", "postgres", 20],
      ["c", "sqlite", 4],
    ]);
  });

  it("writes one row per figure, SQLite and PostgreSQL side by side, with the machine and date", () => {
    const table = benchTable({
      machine: "Some CPU, 2 cores",
      at: "2026-12-04T10:30:00.000Z",
      results: [
        figure("webhook.intake_per_s", "sqlite", 5842, { target: ">= 2900" }),
        figure("consent.lookup_ms", "sqlite", 0.95, { unit: "ms", target: "< 5" }),
        figure("webhook.intake_per_s", "postgres", 3100, { target: ">= 1500", met: false, load: 2.4 }),
        figure("banner.gzip_bytes", undefined, 4200, { unit: "bytes", target: "< 6144" }),
      ],
    });
    const lines = table.split("\n");
    expect(lines[0]).toContain("Some CPU, 2 cores, 2026-12-04 10:30 UTC");
    expect(lines).toContain("| Figure | SQLite | PostgreSQL | Unit | Target | Met | Load |");
    const row = (name: string) => lines.find((l) => l.startsWith(`| ${name} |`));
    expect(row("webhook.intake_per_s")).toBe(
      "| webhook.intake_per_s | 5\u202f842 | 3\u202f100 | req/s | SQLite: >= 2900; PostgreSQL: >= 1500 | yes / **no** | 1.5 / 2.4 |",
    );
    expect(row("consent.lookup_ms")).toBe("| consent.lookup_ms | 0.95 | — | ms | < 5 | yes | 1.5 |");
    expect(row("banner.gzip_bytes")).toBe(
      "| banner.gzip_bytes | 4\u202f200 | (no database) | bytes | < 6144 | yes | 1.5 |",
    );
    expect(lines.filter((l) => l.startsWith("| webhook.intake_per_s"))).toHaveLength(1);
    expect(table).not.toContain("Failed in this run");
  });

  it("names the benches that crashed instead of leaving their rows silently out", () => {
    const table = benchTable({
      machine: "Some CPU, 2 cores",
      at: "2026-12-04T10:30:00.000Z",
      results: [figure("consent.lookup_ms", "sqlite", 0.95)],
      failed: ["backfill.bench.ts"],
    });
    expect(table.split("\n").at(-1)).toBe("Failed in this run, so not in the table: backfill.bench.ts.");
  });

  it("replaces the text between the markers and nothing else", () => {
    const readme = `# Vigie\n\n## Benchmarks\nWhat the figures mean.\n${START}\nold table\n${END}\nAfter.\n`;
    const written = writeTable(readme, "new table");
    expect(written).toBe(
      `# Vigie\n\n## Benchmarks\nWhat the figures mean.\n${START}\nnew table\n${END}\nAfter.\n`,
    );
    expect(writeTable(written, "newer")).toContain(`${START}\nnewer\n${END}`);
    expect(() => writeTable("# no markers", "t")).toThrow(/bench:start/);
  });
});
