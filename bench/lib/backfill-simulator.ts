// The Shopify simulator for bench/backfill.bench.ts, in a process of its own so that the result
// file it holds (hundreds of MB) is not counted in the memory of the process that imports it. It
// serves the JSONL at BENCH_BACKFILL_FILE as the customers' bulk result, no guest orders, and
// prints its address and the shop's token on one line.
import { readFileSync } from "node:fs";
import { startShopifyAdminSimulator } from "~/sandbox/simulators/shopify-admin.server";
import { DEFAULT_SCOPES } from "~/sandbox/simulators/shopify-admin-store";

const file = process.env.BENCH_BACKFILL_FILE as string;
const objects = Number(process.env.BENCH_BACKFILL_OBJECTS);
const shop = process.env.BENCH_BACKFILL_SHOP as string;
const result = readFileSync(file);
const sim = await startShopifyAdminSimulator({
  bulk: {
    runMs: 50,
    resultFor: (query) =>
      /^\s*\{\s*orders\b/.test(query) ? { file: Buffer.alloc(0), objects: 0 } : { file: result, objects },
  },
  seed: { shops: [{ domain: shop, scopes: [...DEFAULT_SCOPES, "read_all_orders"] }] },
});
// BENCH_BACKFILL_CUT_BYTES: the first download is torn down after that many bytes (the connection
// lost mid-file, record 089), for the bench to show the import resuming rather than dying.
const cut = Number(process.env.BENCH_BACKFILL_CUT_BYTES ?? 0);
if (cut > 0) sim.bulk.cutNextDownload(cut, "destroy");
process.stdout.write(`${JSON.stringify({ baseUrl: sim.baseUrl, token: sim.accessTokenFor(shop) })}\n`);
process.stdin.resume();
process.stdin.on("end", () => void sim.stop().then(() => process.exit(0)));
