// `npm test`: builds the server if needed (HTTP and browser suites run the built server), then
// runs every vitest suite. Extra arguments go to vitest (e.g. `npm test -- tests/http`).
import { spawnSync } from "node:child_process";
import { buildIfNeeded } from "./lib/build-if-needed.mjs";
import { ensureNode22 } from "./lib/node22.mjs";

await ensureNode22();
buildIfNeeded();
const result = spawnSync(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", ...process.argv.slice(2)],
  {
    stdio: "inherit",
  },
);
process.exit(result.status ?? 1);
