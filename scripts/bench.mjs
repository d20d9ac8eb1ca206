// `npm run bench [name-filter]`: runs every bench/*.bench.{mjs,ts} in its own process (TypeScript
// through tsx), on SQLite and PostgreSQL (BENCH_DATABASES=sqlite|postgres for one only), prints a
// table and keeps bench/results.json: { machine, at, results: [{ name, database, value, unit,
// target, met, load }] }. A partial run (a filter, or one database) merges its figures into the
// file; a full run replaces it and writes the README's performance table between its markers
// (scripts/lib/bench-readme.mjs), PostgreSQL then being required.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { settle } from "../bench/lib.mjs";
import { benchTable, mergeResults, writeTable } from "./lib/bench-readme.mjs";
import { buildIfNeeded } from "./lib/build-if-needed.mjs";
import { ensureNode22 } from "./lib/node22.mjs";

await ensureNode22();
buildIfNeeded();
const only = process.argv[2];
const full = !only && !process.env.BENCH_DATABASES;
const files = readdirSync("bench")
  .filter((file) => /\.bench\.(mjs|ts)$/.test(file) && (!only || file.includes(only)))
  .sort();
const env = full ? { ...process.env, BENCH_REQUIRE_POSTGRES: "1" } : process.env;
const results = [];
// A bench that crashes is reported and the others still run: one bad run must not lose the rest.
const failed = [];
for (const file of files) {
  // What the previous bench left running (a dropped database written out, servers stopping) is
  // not this one's to measure.
  console.log(`running ${file}… (after ${await settle()} s waiting for a quiet machine)`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join("bench", file)], {
    encoding: "utf8",
    env,
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = run.stdout.trim().split("\n").at(-1) ?? "";
  if (run.status !== 0 || !last.startsWith("[")) {
    console.error(`${file} failed (exit ${run.status})\n${run.stdout}`);
    failed.push(file);
    continue;
  }
  const load = Math.round(os.loadavg()[0] * 10) / 10;
  // A figure that does not say its load gets the load at its bench's end.
  results.push(...JSON.parse(last).map((r) => ({ ...r, load: r.load ?? load })));
  console.log(`${file}: ${Math.round((Date.now() - started) / 1000)} s`);
}
const cpu = os.cpus()[0]?.model ?? "unknown cpu";
const file = path.join("bench", "results.json");
const previous = !full && existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).results : [];
const report = {
  machine: `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}`,
  at: new Date().toISOString(),
  results: mergeResults(previous, results),
  ...(failed.length > 0 ? { failed } : {}),
};
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
if (full) writeFileSync("README.md", writeTable(readFileSync("README.md", "utf8"), benchTable(report)));
console.table(
  results.map(({ name, database, value, unit, target, met, load }) => ({
    name,
    database,
    value,
    unit,
    target,
    met,
    load,
  })),
);
process.exit(failed.length === 0 && results.every((r) => r.met) ? 0 : 1);
