// `npm run bench`: runs every bench/*.bench.mjs, prints a table and writes bench/results.json
// ({ machine, at, results: [{ name, value, unit, target, met }] }).
import { readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildIfNeeded } from "./lib/build-if-needed.mjs";

buildIfNeeded();
const only = process.argv[2];
const files = readdirSync("bench")
  .filter((file) => file.endsWith(".bench.mjs") && (!only || file.includes(only)))
  .sort();
const results = [];
for (const file of files) {
  console.log(`running ${file}…`);
  const bench = await import(pathToFileURL(path.resolve("bench", file)).href);
  results.push(...(await bench.run()));
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
