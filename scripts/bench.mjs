// `npm run bench [name-filter]`: runs every bench/*.bench.{mjs,ts} in its own process (TypeScript
// through tsx), prints a table and writes bench/results.json:
// { machine, at, results: [{ name, value, unit, target, met }] }.
import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded } from "./lib/build-if-needed.mjs";
import { ensureNode22 } from "./lib/node22.mjs";

await ensureNode22();
buildIfNeeded();
const only = process.argv[2];
const files = readdirSync("bench")
  .filter((file) => /\.bench\.(mjs|ts)$/.test(file) && (!only || file.includes(only)))
  .sort();
const results = [];
for (const file of files) {
  console.log(`running ${file}…`);
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join("bench", file)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = run.stdout.trim().split("\n").at(-1) ?? "";
  if (run.status !== 0 || !last.startsWith("[")) {
    console.error(`${file} failed (exit ${run.status})\n${run.stdout}`);
    process.exit(1);
  }
  results.push(...JSON.parse(last));
}
const cpu = os.cpus()[0]?.model ?? "unknown cpu";
const report = {
  machine: `${cpu}, ${os.cpus().length} cores, node ${process.version}`,
  at: new Date().toISOString(),
  results,
};
writeFileSync(path.join("bench", "results.json"), `${JSON.stringify(report, null, 2)}\n`);
console.table(results.map(({ name, value, unit, target, met }) => ({ name, value, unit, target, met })));
process.exit(results.every((r) => r.met) ? 0 : 1);
