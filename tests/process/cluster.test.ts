// Several machines, on one: nginx (Debian's, TLS) in front of two web processes (WORKER=off) and
// two `npm run worker` processes on one PostgreSQL database (docs/decisions/087). Signed webhooks go
// through nginx while one web process and one worker are killed (SIGKILL) mid-run and started again;
// each delivery is sent again until answered 200, as Shopify does. Then: every acknowledged delivery
// is stored once and processed once, its effects counted once, the shop's chain verifies.
import https from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyLedger } from "~/services/consent-ledger.server";
import { order as checkoutOrder } from "../../bench/orders.mjs";
import { nginxMissing, type RunningNginx, startNginx } from "../../scripts/lib/nginx.mjs";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { eventually, listeningPort, SERVER_START_MS, spawnBuiltServer } from "../support/server";
import { shopifyDelivery } from "../support/shopify-webhook";

const SECRET = "cluster-secret-0123456789abcdef";
const SHOP = "cluster-shop.myshopify.com";
const ORDERS = 600;
const CUSTOMERS = 60;
const IN_FLIGHT = 20;
// Short, so a killed worker's jobs are taken again within seconds.
const LEASE_SECONDS = 3;

const unavailable = !process.env.TEST_POSTGRES_URL ? "TEST_POSTGRES_URL is not set" : nginxMissing();

type Process = ReturnType<typeof spawnBuiltServer> & { port: number };

// A minute ago: well inside the day, on any worker's clock.
const order = (n: number) => checkoutOrder(n, { createdAt: new Date(Date.now() - 60_000) });

describe.runIf(!unavailable)("two web processes behind nginx and two workers on one PostgreSQL", () => {
  let t: TestDatabase;
  let nginx: RunningNginx;
  const running: Process[] = [];
  const webPorts: number[] = [];

  async function start(port: number, worker: boolean): Promise<Process> {
    const started = spawnBuiltServer(
      {
        PORT: String(port),
        DATABASE_URL: t.url,
        SHOPIFY_API_KEY: "cluster",
        SHOPIFY_API_SECRET: SECRET,
        SHOPIFY_APP_URL: "https://cluster.example.com",
        SCOPES: "read_orders",
        // Every process must share it: it encrypts the shops' secrets.
        APP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
        WORKER: "off",
        JOB_LEASE_SECONDS: String(LEASE_SECONDS),
      },
      worker ? ["--worker"] : [],
    );
    const process = { ...started, port };
    running.push(process);
    await eventually(async () => {
      if (started.child.exitCode !== null) throw new Error(`exited:\n${started.output()}`);
      return worker
        ? started.output().includes('"message":"worker started"')
        : listeningPort(started.output()) !== undefined;
    }, SERVER_START_MS);
    // Port 0 lets the system pick it: one picked beforehand could be taken before the server binds it.
    if (!worker) process.port = listeningPort(started.output()) as number;
    return process;
  }

  async function kill(process: Process) {
    process.child.kill("SIGKILL");
    await process.exited;
  }

  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    for (let i = 0; i < 2; i++) webPorts.push((await start(0, false)).port);
    await start(0, true);
    await start(0, true);
    nginx = await startNginx({ upstreams: webPorts });
  }, 180_000);

  afterAll(async () => {
    await nginx?.stop();
    for (const process of running) if (process.child.exitCode === null) process.child.kill("SIGKILL");
    await Promise.all(running.map((process) => process.exited));
    await t?.drop();
  });

  it("loses no acknowledged webhook and runs no job twice while a web process and a worker die", async () => {
    const agent = new https.Agent({ ca: nginx.ca, keepAlive: true, maxSockets: IN_FLIGHT });
    // Orders, with a new customer's delivery after every tenth.
    const deliveries = Array.from({ length: ORDERS }, (_, n) => [
      shopifyDelivery(nginx.url, "orders/create", order(n), SECRET, { shop: SHOP, webhookId: `order-${n}` }),
      ...(n % (ORDERS / CUSTOMERS) === 0
        ? [
            shopifyDelivery(
              nginx.url,
              "customers/create",
              { id: 9_000_000 + n, email: `new${n}@example.com`, phone: null },
              SECRET,
              { shop: SHOP, webhookId: `customer-${n}` },
            ),
          ]
        : []),
    ]).flat();

    function post(url: string, init: RequestInit): Promise<number> {
      return new Promise((resolve) => {
        const request = https.request(
          url,
          { method: "POST", agent, headers: init.headers as Record<string, string> },
          (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode ?? 0));
          },
        );
        // A connection cut by the kill: not acknowledged, sent again.
        request.on("error", () => resolve(0));
        request.end(init.body as string);
      });
    }
    const statuses = new Map<string, number>();
    async function deliver(delivery: (typeof deliveries)[number]) {
      // As Shopify: whatever is not answered 200 is delivered again, same id, same body.
      for (let attempt = 0; attempt < 20; attempt++) {
        const status = await post(delivery.url, delivery.init);
        statuses.set(delivery.webhookId, status);
        if (status === 200) return;
      }
    }

    const [web] = running as [Process];
    const worker = running[2] as Process;
    let sent = 0;
    let killedAt = Number.POSITIVE_INFINITY;
    const chaos = (async () => {
      // The worker dies holding jobs: a batch of orders claimed and running.
      await eventually(
        async () =>
          (await t.db.job.count({
            where: { status: "running", lockedBy: { contains: `:${worker.child.pid}:` } },
          })) > 0,
        60_000,
      );
      await kill(worker);
      await kill(web);
      killedAt = sent;
      await eventually(async () => sent >= Math.min(killedAt + 100, deliveries.length), 60_000);
      await start(web.port, false);
      await start(0, true);
    })();
    for (let i = 0; i < deliveries.length; i += IN_FLIGHT) {
      await Promise.all(deliveries.slice(i, i + IN_FLIGHT).map(deliver));
      sent += IN_FLIGHT;
    }
    await chaos;
    agent.destroy();
    // Killed mid-run: a hundred deliveries or more went through nginx while one web process was dead.
    expect(killedAt).toBeLessThanOrEqual(deliveries.length - 100);
    expect(statuses.size).toBe(ORDERS + CUSTOMERS);
    expect([...statuses.values()].filter((status) => status !== 200)).toEqual([]);

    // Every delivery processed: its receipt marked, its job finished.
    await eventually(
      async () =>
        (await t.db.webhookReceipt.count({ where: { processedAt: null } })) === 0 &&
        (await t.db.job.count({ where: { type: "webhook.process", status: { not: "succeeded" } } })) === 0,
      60_000,
    );
    const receipts = await t.db.webhookReceipt.groupBy({ by: ["deliveryId"], _count: { _all: true } });
    expect(receipts).toHaveLength(deliveries.length);
    expect(receipts.filter((receipt) => receipt._count._all !== 1)).toEqual([]);
    expect(await t.db.job.count({ where: { type: "webhook.process" } })).toBe(deliveries.length);

    // Each order's effects once: one ledger event, counted once among the day's orders and grants.
    const shop = await t.db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    const events = await t.db.consentEvent.groupBy({
      by: ["orderId"],
      where: { shopId: shop.id },
      _count: { _all: true },
    });
    expect(events).toHaveLength(ORDERS);
    expect(events.filter((event) => event._count._all !== 1)).toEqual([]);
    const days = await t.db.consentCheckoutDay.aggregate({
      where: { shopId: shop.id },
      _sum: { orders: true, granted: true },
    });
    expect(days._sum).toEqual({ orders: ORDERS, granted: ORDERS });
    // Each grant synced to the shop's systems by exactly one job (a batch's events share one).
    const syncs = await t.db.job.findMany({ where: { shopDomain: SHOP, type: "consent.sync" } });
    const synced = syncs.flatMap((job) => JSON.parse(job.payload).eventIds as string[]);
    expect(synced).toHaveLength(ORDERS);
    expect(new Set(synced).size).toBe(ORDERS);
    expect(await t.db.subject.count({ where: { shopId: shop.id } })).toBe(ORDERS + CUSTOMERS);
    expect(await verifyLedger(t.db, shop.id)).toMatchObject({ ok: true, count: ORDERS });
    // The killed worker's jobs were taken again by another worker (a second attempt), not lost.
    expect(await t.db.job.count({ where: { type: "webhook.process", attempts: { gt: 1 } } })).toBeGreaterThan(
      0,
    );
  }, 180_000);
});
