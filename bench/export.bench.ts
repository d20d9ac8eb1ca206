// export.overhead_pct: what the export pipeline adds on top of merely fetching the data, for ONE
// subject with 10 000 Shopify orders, 2 000 Stripe charges and 500 Mailchimp activity entries
// (plus Vigie's own little record of them), through the real connectors and SDKs talking to the
// sandbox simulators on loopback.
//   raw      = each connector's `exportSubject()` iterated to the end, records discarded (the
//              connectors' own paginated fetching: Admin GraphQL pages of 50 orders, Stripe lists of
//              100 through the SDK's auto-pagination, Mailchimp pages of 200), system after system.
//   pipeline = what the worker does for an export: `startExport` for a fresh RightsRequest, then the
//              real `buildExportPart` service per system, one after the other (each builds its
//              system's zip entries into sealed chunks in the database, from `migrate()`), then the real
//              `assembleExport` service (staged entries copied into the zip by
//              `writeExportArchive`, stored as "zip" chunks). Timed from `startExport` to the
//              assembled archive; the jobs are called directly, with a JobContext built here.
//   overhead_pct = (pipeline − raw) / raw × 100, each the best of BENCH_EXPORT_RUNS (9) runs,
//   interleaved, after one warm-up of each (on a shared machine other processes only ever add time).
//   Nine, not five: the simulators' own CPU time for the same pages varied by up to a third from
//   one run to the next on the 2-core machine (read from /proc), and it is most of both figures;
//   with five runs the headline moved by ±7 points between benches of the same code.
// export.concurrent_overhead_pct (informational): the same with the four systems at once on both
// sides, as the worker runs the part jobs (up to 4 jobs at a time; `startExport` queues the four
// together). Here it is no lower: the simulators and the pipeline share the machine's two cores.
// export.rss_growth_pct: peak RSS (process.resourceUsage().maxRSS) of a fresh process that runs one
// pipeline (nothing fetched before), at 10 000 orders versus 1 000, each the median of
// BENCH_EXPORT_RSS_RUNS (3) processes, the sizes alternating. The whole subject is scaled by the
// same factor (1 000 orders, 200 charges, 50 activity entries): "10× the data, how much more memory?".
// export.pipeline_ms, export.raw_fetch_ms, export.peak_rss_mb_10k/_1k: the absolute numbers.
//
// On SQLite (a file per child) and on PostgreSQL (a database of its own on TEST_POSTGRES_URL per
// child, dropped after it), each figure named alike with its `database`.
// The simulators run in this (parent) process and every measurement in a child process: a child's
// RSS is then the pipeline's alone (not the simulators' in-memory stores, which grow with the data),
// and a child's CPU is not spent serving the API (the raw time still includes waiting for it, as it
// would for the real systems; the simulators answer in well under the real systems' latency).
// Throttling: the Shopify simulator's bucket is set to 1 000 000 points restored at 1 000 000/s (a
// Standard plan's 100 points/s would make the 200 pages of orders, about 500 points each, take some
// 17 minutes, the same wait in raw and pipeline) and the Stripe simulator's rate limit is off (its
// 25 requests/s test-mode limit only adds the same sleeps to both); Mailchimp's 10-connection limit
// is never reached by a sequential export. Waiting on a vendor would only dilute the overhead.
// The log (stderr) gives each run's steps, what the staging held and the JS heap's peaks.
// BENCH_EXPORT_NODE_ARGS passes flags to the children (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { Connector, SubjectRef } from "~/connectors/connector";
import { createMailchimpConnector } from "~/connectors/mailchimp/connector.server";
import { createShopifyAdminClient } from "~/connectors/shopify/admin-client.server";
import { createShopifyConnector } from "~/connectors/shopify/connector.server";
import { createStripeConnector } from "~/connectors/stripe/connector.server";
import { createVigieConnector } from "~/connectors/vigie/connector.server";
import { createDatabase } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import { SYSTEMS, type SystemName } from "~/domain/systems";
import { startMailchimpSimulator } from "~/sandbox/simulators/mailchimp.server";
import { startShopifyAdminSimulator } from "~/sandbox/simulators/shopify-admin.server";
import type { OrderSeed } from "~/sandbox/simulators/shopify-admin-store";
import { seedStripeShopper, startStripeSimulator } from "~/sandbox/simulators/stripe.server";
import { assembleExport } from "~/services/exports/assemble.server";
import { buildExportPart } from "~/services/exports/build-part.server";
import { startExport } from "~/services/exports/exports.server";
import { subjectRefForRequest } from "~/services/requests/subject-ref.server";
import { benchJobContext, quietLog } from "./lib/job-context";
import { type BenchDatabase, benchDatabases, loadNow, postgresDatabase } from "./lib.mjs";

const ORDERS = Number(process.env.BENCH_EXPORT_ORDERS ?? 10_000);
const CHARGES = Number(process.env.BENCH_EXPORT_CHARGES ?? 2_000);
const EVENTS = Number(process.env.BENCH_EXPORT_EVENTS ?? 500);
/** The small size of the memory comparison: every count divided by ORDERS / SMALL_ORDERS. */
const SMALL_ORDERS = Number(process.env.BENCH_EXPORT_SMALL_ORDERS ?? 1_000);
const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 9);
const RSS_RUNS = Number(process.env.BENCH_EXPORT_RSS_RUNS ?? 3);

const SHOP = "bench-export.myshopify.com";
const EMAIL = "camille.martin@example.fr";
const CUSTOMER_ID = 7001;
const MINUTE = 60_000;

type Size = { orders: number; charges: number; events: number };
/** The four systems at once (as the worker runs their jobs), or one after the other. */
type Order = "concurrent" | "sequential";
/** Where the child finds the fakes (the parent's simulators). */
type Fakes = {
  size: Size;
  shopify: { baseUrl: string; accessToken: string };
  stripe: { host: string; port: number; apiKey: string };
  mailchimp: { basePath: string; apiKey: string; serverPrefix: string; audienceId: string };
};

// ---------------------------------------------------------------------------------------------
// Parent: the simulators, seeded with one subject of the given size.

async function startFakes(size: Size) {
  const now = Date.now();
  const address = {
    firstName: "Camille",
    lastName: "Martin",
    address1: "12 rue Oberkampf",
    city: "Paris",
    zip: "75011",
    country: "France",
    countryCodeV2: "FR",
    phone: "+33600000001",
  };
  // Oldest first, one every 4 minutes up to an hour ago: all within the 60 days Shopify shows
  // without `read_all_orders`.
  const orders: OrderSeed[] = Array.from({ length: size.orders }, (_, i) => ({
    id: 100_001 + i,
    customerId: CUSTOMER_ID,
    createdAt: new Date(now - 60 * MINUTE - (size.orders - i) * 4 * MINUTE).toISOString(),
    note: i % 10 === 0 ? "Merci de laisser le colis chez la gardienne" : null,
    customAttributes: [{ key: "_vigie_consent", value: i % 2 === 0 ? "granted" : "declined" }],
    lineItems: [
      {
        title: "Bougie parfumée",
        quantity: 2,
        sku: `BOU-${i % 37}`,
        variantTitle: "Figuier",
        price: "34.00",
      },
      { title: "Savon", quantity: 1, sku: "SAV-1", variantTitle: null, price: "9.50" },
    ],
    shippingAddress: address,
    billingAddress: address,
  }));
  const shopify = await startShopifyAdminSimulator({
    throttle: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 },
    seed: {
      shops: [
        {
          domain: SHOP,
          name: "iméra",
          customers: [
            {
              id: CUSTOMER_ID,
              firstName: "Camille",
              lastName: "Martin",
              email: EMAIL,
              phone: "+33600000001",
              emailMarketing: { state: "SUBSCRIBED", optInLevel: "SINGLE_OPT_IN", consentUpdatedAt: null },
              addresses: [address],
            },
          ],
          orders,
        },
      ],
    },
  });
  const stripe = await startStripeSimulator({ rateLimitPerSecond: 0 });
  seedStripeShopper(stripe.state, { email: EMAIL, charges: size.charges, chargeSpacingHours: 1 });
  const mailchimp = await startMailchimpSimulator({
    gdpr: true,
    members: [
      {
        email: EMAIL,
        status: "subscribed",
        tags: ["checkout"],
        activity: Array.from({ length: size.events }, (_, i) => ({
          action: i % 3 === 0 ? "click" : "open",
          timestamp: new Date(now - (i + 1) * 3_600_000).toISOString(),
          url: i % 3 === 0 ? "https://imera.example.fr/collections/bougies" : "",
          type: "regular",
          campaign_id: `c${Math.floor(i / 4)}`,
          title: `Lettre n°${Math.floor(i / 4)}`,
        })),
      },
    ],
  });
  const fakes: Fakes = {
    size,
    shopify: { baseUrl: shopify.baseUrl, accessToken: shopify.accessTokenFor(SHOP) },
    stripe: { host: stripe.host, port: stripe.port, apiKey: stripe.apiKey },
    mailchimp: {
      basePath: mailchimp.basePath,
      apiKey: mailchimp.apiKey,
      serverPrefix: mailchimp.serverPrefix,
      audienceId: mailchimp.audienceId,
    },
  };
  return {
    fakes,
    stats: () => ({ shopifyThrottled: shopify.stats.throttled, stripeThrottled: stripe.stats.throttled }),
    stop: () => Promise.all([shopify.stop(), stripe.stop(), mailchimp.stop()]),
  };
}

/**
 * The median of each pipeline run's overhead on the raw run just before it (logged beside the
 * headline): the machine's drift over a bench, which best-of-N does not cancel, affects both alike.
 */
function pairedOverheadPct(raw: number[], pipeline: number[]): number {
  const ratios = pipeline.map((ms, i) => ms / (raw[i] as number)).sort((a, b) => a - b);
  return ((ratios[Math.floor(ratios.length / 2)] as number) - 1) * 100;
}

/** Runs this file as a child (`--child time|rss`) against `fakes`; resolves with its last stdout line. */
function runChild(
  mode: "time" | "rss",
  fakes: Fakes,
  database: BenchDatabase,
): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const flags = (process.env.BENCH_EXPORT_NODE_ARGS ?? "").split(" ").filter(Boolean);
    const args = [...flags, "--import", "tsx", fileURLToPath(import.meta.url), "--child", mode];
    const child = spawn(process.execPath, args, {
      env: { ...process.env, BENCH_EXPORT_FAKES: JSON.stringify(fakes), BENCH_EXPORT_DATABASE: database },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !last.startsWith("{"))
        reject(new Error(`${mode} child failed (exit ${code})\n${out}`));
      else resolve(JSON.parse(last));
    });
  });
}

async function parent() {
  const results = [];
  for (const database of benchDatabases()) results.push(...(await measure(database)));
  console.log(JSON.stringify(results));
}

/** Every figure on one database: the export's staging and archive are written there. */
async function measure(database: BenchDatabase) {
  const scale = (orders: number): Size => ({
    orders,
    charges: Math.round((CHARGES * orders) / ORDERS),
    events: Math.round((EVENTS * orders) / ORDERS),
  });
  const large = await startFakes(scale(ORDERS));
  const small = await startFakes(scale(SMALL_ORDERS));
  const timing = await runChild("time", large.fakes, database);
  // Peak RSS moves with the garbage collector's timing: the median of several children per size,
  // the sizes alternating so that a busy moment of the machine does not fall on one size only.
  const peaksLarge: number[] = [];
  const peaksSmall: number[] = [];
  for (let i = 0; i < RSS_RUNS; i++) {
    peaksSmall.push((await runChild("rss", small.fakes, database)).maxRssKb as number);
    peaksLarge.push((await runChild("rss", large.fakes, database)).maxRssKb as number);
  }
  const throttled = [large.stats(), small.stats()];
  await Promise.all([large.stop(), small.stop()]);
  if (throttled.some((t) => t.shopifyThrottled + t.stripeThrottled > 0)) {
    throw new Error(`a simulator throttled the export: ${JSON.stringify(throttled)}`);
  }

  const raw = timing.sequentialRawMs as number;
  const pipeline = timing.sequentialPipelineMs as number;
  const overhead = ((pipeline - raw) / raw) * 100;
  const concurrentRaw = timing.concurrentRawMs as number;
  const concurrentPipeline = timing.concurrentPipelineMs as number;
  const concurrentOverhead = ((concurrentPipeline - concurrentRaw) / concurrentRaw) * 100;
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const peakLarge = median(peaksLarge);
  const peakSmall = median(peaksSmall);
  const growth = ((peakLarge - peakSmall) / peakSmall) * 100;
  const mb = (kb: number) => Number((kb / 1024).toFixed(1));
  const load = loadNow();
  console.error(
    `export bench (${database}): raw ${raw.toFixed(0)} ms, pipeline ${pipeline.toFixed(0)} ms; all systems at once: raw ` +
      `${concurrentRaw.toFixed(0)} ms, pipeline ${concurrentPipeline.toFixed(0)} ms (best of ${RUNS}); ` +
      `records ${timing.records}, zip ${timing.zipBytes} bytes; peak RSS (median of ${RSS_RUNS}) ` +
      `${mb(peakSmall)} MB at ${SMALL_ORDERS} orders [${peaksSmall.map(mb).join(", ")}], ` +
      `${mb(peakLarge)} MB at ${ORDERS} [${peaksLarge.map(mb).join(", ")}]`,
  );
  return [
    {
      name: "export.overhead_pct",
      value: Number(overhead.toFixed(1)),
      unit: "%",
      target: "< 20",
      met: overhead < 20,
    },
    {
      name: "export.rss_growth_pct",
      value: Number(growth.toFixed(1)),
      unit: "%",
      target: "< 25",
      met: growth < 25,
    },
    {
      name: "export.concurrent_overhead_pct",
      value: Number(concurrentOverhead.toFixed(1)),
      unit: "%",
      target: "informational",
      met: true,
    },
    {
      name: "export.pipeline_ms",
      value: Math.round(pipeline),
      unit: "ms",
      target: "informational",
      met: true,
    },
    { name: "export.raw_fetch_ms", value: Math.round(raw), unit: "ms", target: "informational", met: true },
    {
      name: "export.peak_rss_mb_10k",
      value: mb(peakLarge),
      unit: "MB",
      target: "informational",
      met: true,
    },
    {
      name: "export.peak_rss_mb_1k",
      value: mb(peakSmall),
      unit: "MB",
      target: "informational",
      met: true,
    },
  ].map((figure) => ({ ...figure, database, load }));
}

// ---------------------------------------------------------------------------------------------
// Child: a database, the connectors on the parent's simulators, and the measurements.

async function child(mode: string) {
  const fakes = JSON.parse(process.env.BENCH_EXPORT_FAKES ?? "") as Fakes;
  const dir = mkdtempSync(path.join(os.tmpdir(), "vigie-bench-export-"));
  const postgres = process.env.BENCH_EXPORT_DATABASE === "postgres" ? await postgresDatabase("export") : null;
  const url = postgres?.url ?? `file:${path.join(dir, "export.sqlite")}`;
  await migrate(url);
  const { db, dialect } = await createDatabase(url);
  const shop = await db.shop.create({ data: { domain: SHOP, name: "iméra" } });
  const subject = await db.subject.create({
    data: { shopId: shop.id, email: EMAIL, shopifyCustomerId: String(CUSTOMER_ID), locale: "fr" },
  });
  const secretKey = randomBytes(32);

  // As connectorsForShop builds them for a worker: fresh clients for every job.
  const connectors = async () => ({
    shopify: createShopifyConnector({
      client: createShopifyAdminClient({
        shop: SHOP,
        accessToken: fakes.shopify.accessToken,
        baseUrl: fakes.shopify.baseUrl,
        log: quietLog,
      }),
      log: quietLog,
    }),
    stripe: createStripeConnector({
      credentials: { secretKey: fakes.stripe.apiKey },
      endpoint: { host: fakes.stripe.host, port: fakes.stripe.port, protocol: "http" },
      log: quietLog,
    }),
    mailchimp: createMailchimpConnector({
      credentials: {
        apiKey: fakes.mailchimp.apiKey,
        serverPrefix: fakes.mailchimp.serverPrefix,
        audienceId: fakes.mailchimp.audienceId,
      },
      basePath: fakes.mailchimp.basePath,
      log: quietLog,
    }),
    vigie: createVigieConnector({ db, shopId: shop.id }),
  });
  const context = benchJobContext({ db, dialect, shopDomain: SHOP, connectors, secretKey });

  /** Milliseconds of each step of the last raw fetch and pipeline, for the log. */
  const phases: Record<string, number> = {};
  const showPhases = () =>
    Object.entries(phases)
      .map(([phase, ms]) => `${phase} ${ms.toFixed(0)}`)
      .join(", ");
  let requests = 0;
  async function newRequest() {
    requests += 1;
    return db.rightsRequest.create({
      data: {
        shopId: shop.id,
        subjectId: subject.id,
        reference: `R-2026-${String(requests).padStart(4, "0")}`,
        type: "access",
        channel: "staff",
        requesterEmail: EMAIL,
        receivedAt: new Date(),
        identityLevel: "verified",
        shopifyCustomerId: String(CUSTOMER_ID),
        tasks: { create: SYSTEMS.map((system) => ({ system, kind: "export" })) },
      },
    });
  }

  /** Runs `step` for every system, at once or one after the other, timing each. */
  async function eachSystem(order: Order, label: string, step: (system: SystemName) => Promise<void>) {
    const timed = async (system: SystemName) => {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const e0 = performance.eventLoopUtilization();
      await step(system);
      const c = process.cpuUsage(c0);
      // How busy the child's event loop was (%): low means it mostly waited for the simulators.
      phases[`${label} ${system} elu`] = performance.eventLoopUtilization(e0).utilization * 100;
      phases[`${label} ${system}`] = performance.now() - t0;
      phases[`${label} ${system} cpu`] = (c.user + c.system) / 1000;
    };
    if (order === "concurrent") await Promise.all(SYSTEMS.map(timed));
    else for (const system of SYSTEMS) await timed(system);
  }

  /** Every connector's records, fetched and dropped: records per system. */
  async function raw(ref: SubjectRef, order: Order) {
    const all = await connectors();
    const counts: Record<string, number> = {};
    await eachSystem(order, "raw", async (system) => {
      let n = 0;
      for await (const _record of (all[system] as Connector).exportSubject(ref)) n++;
      counts[system] = n;
    });
    return counts;
  }

  /** The export as the worker runs it; checks the archive is complete and holds every record. */
  async function pipeline(order: Order, stagedLog?: (line: string) => void) {
    const request = await newRequest();
    const t0 = performance.now();
    const archive = await db.$transaction((tx) => startExport(tx, request, SHOP));
    await eachSystem(order, "job", (system) => buildExportPart(context, { archiveId: archive.id, system }));
    if (stagedLog) {
      // Only where memory, not time, is measured: what the staging holds before the assembly.
      const staged = await db.$queryRaw<{ chunks: number | bigint; bytes: number | bigint | null }[]>`
        SELECT COUNT(*) AS "chunks", SUM(LENGTH("data")) AS "bytes" FROM "ExportChunk" WHERE "archiveId" = ${archive.id}`;
      const { chunks, bytes } = staged[0] ?? { chunks: 0, bytes: 0 };
      stagedLog(`${chunks} staged chunks, ${(Number(bytes) / 2 ** 20).toFixed(1)} MiB stored`);
    }
    const t2 = performance.now();
    await assembleExport(context, archive.id);
    phases.assemble = performance.now() - t2;
    const ms = performance.now() - t0;
    const done = await db.exportArchive.findUniqueOrThrow({
      where: { id: archive.id },
      include: { parts: true },
    });
    if (done.status !== "complete") throw new Error(`archive ${done.status}`);
    const counts = Object.fromEntries(done.parts.map((p) => [p.system, p.records]));
    // Not part of the timing: the next run starts from the same database (and the same Vigie records).
    await db.auditEvent.deleteMany({ where: { targetId: request.id } });
    await db.rightsRequest.delete({ where: { id: request.id } });
    return { ms, counts, zipBytes: done.size ?? 0 };
  }

  /** Fewest records each system must yield (Shopify: an `orders` and an `order_inputs` per order). */
  const minimum: Record<string, number> = {
    shopify: 2 * fakes.size.orders,
    stripe: fakes.size.charges,
    mailchimp: fakes.size.events,
  };
  const check = (counts: Record<string, number>, expected?: Record<string, number>) => {
    // Not Vigie: its export also holds the request being answered and its audit trail.
    for (const system of ["shopify", "stripe", "mailchimp"]) {
      const n = counts[system] ?? 0;
      if (expected ? n !== expected[system] : n < (minimum[system] ?? 0)) {
        throw new Error(
          `${system}: ${n} records, expected ${expected?.[system] ?? `at least ${minimum[system]}`}`,
        );
      }
    }
  };

  if (mode === "rss") {
    // The pipeline alone, once, as a worker would run it: nothing fetched before.
    const before = process.memoryUsage().rss;
    const peaks = { heapUsed: 0, external: 0 };
    const sampler = setInterval(() => {
      const { heapUsed, external } = process.memoryUsage();
      peaks.heapUsed = Math.max(peaks.heapUsed, heapUsed);
      peaks.external = Math.max(peaks.external, external);
    }, 20);
    let staged = "";
    const run = await pipeline("sequential", (line) => {
      staged = line;
    });
    clearInterval(sampler);
    check(run.counts);
    const peakKb = process.resourceUsage().maxRSS;
    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
    console.error(
      `export bench, ${fakes.size.orders} orders: pipeline ${run.ms.toFixed(0)} ms; ${staged}; RSS ` +
        `${mib(before)} MB before, peak ${mib(peakKb * 1024)} MB (JS heap ${mib(peaks.heapUsed)} MB, ` +
        `external ${mib(peaks.external)} MB at most)`,
    );
    console.log(JSON.stringify({ maxRssKb: peakKb }));
  } else {
    const ref = await subjectRefForRequest(db, await newRequest(), SHOP);
    const expected = await raw(ref, "sequential"); // warm-up, and the counts every run must reproduce
    check(expected);
    check((await pipeline("sequential")).counts, expected); // warm-up
    const best: Record<string, number> = {};
    let zipBytes = 0;
    for (const order of ["sequential", "concurrent"] as const) {
      const rawTimes: number[] = [];
      const pipelineTimes: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        check(await raw(ref, order), expected);
        rawTimes.push(performance.now() - t0);
        const run = await pipeline(order);
        check(run.counts, expected);
        pipelineTimes.push(run.ms);
        zipBytes = run.zipBytes;
        console.error(`export bench: ${order} run ${i + 1} (ms): ${showPhases()}`);
      }
      console.error(
        `export bench: ${order}: raw runs ${rawTimes.map((t) => t.toFixed(0)).join(", ")} ms; pipeline ` +
          `runs ${pipelineTimes.map((t) => t.toFixed(0)).join(", ")} ms; overhead per pair (median) ` +
          `${pairedOverheadPct(rawTimes, pipelineTimes).toFixed(1)} %; records ${JSON.stringify(expected)}`,
      );
      // The best run of each: on a shared machine the other processes only ever add time.
      best[`${order}RawMs`] = Math.min(...rawTimes);
      best[`${order}PipelineMs`] = Math.min(...pipelineTimes);
    }
    const records = Object.values(expected).reduce((a, b) => a + b, 0);
    console.log(JSON.stringify({ ...best, records, zipBytes }));
  }
  await db.$disconnect();
  await postgres?.drop();
  rmSync(dir, { recursive: true, force: true });
}

const at = process.argv.indexOf("--child");
if (at === -1) await parent();
else await child(process.argv[at + 1] ?? "time");
