// A worker process running the app's own jobs, as `npm run worker` does, but reaching the outside
// systems at the test's simulators on loopback and sending e-mail to the test's SMTP sink. The
// crash tests SIGKILL it and start it again. Started through tests/support/app-worker.ts.
// Env: DATABASE_URL, ENDPOINTS (JSON: shopify {baseUrl, token}, mailchimpBasePath, stripe {host,
// port}), SMTP_URL, LEASE_MS, POLL_MS, CONCURRENCY, SECRET_KEY (hex); SWEEP_SHOP (JSON {id, domain}):
// also run the retention sweep of that shop, as staff clicking "File their erasures" in a web
// process that runs the worker too (`npm start`).

import { dialectOf } from "~/config.server";
import { type ConnectorEndpoints, connectorsForShop } from "~/connectors/registry.server";
import { createDatabase } from "~/db/client.server";
import { JOB_HANDLERS } from "~/jobs/registry.server";
import { startWorker } from "~/jobs/worker.server";
import { createTransport } from "~/mail/transport.server";
import { sweepRetention } from "~/services/retention.server";
import { logger } from "~/utils/logger.server";

type EndpointsEnv = {
  shopify?: { baseUrl: string; token: string };
  mailchimpBasePath?: string;
  stripe?: { host: string; port: number };
};

const url = process.env.DATABASE_URL as string;
const secretKey = Buffer.from(process.env.SECRET_KEY as string, "hex");
const given = JSON.parse(process.env.ENDPOINTS ?? "{}") as EndpointsEnv;
const endpoints: ConnectorEndpoints = {
  ...(given.shopify && {
    shopify: { baseUrl: given.shopify.baseUrl, accessToken: () => given.shopify?.token as string },
  }),
  ...(given.mailchimpBasePath && { mailchimpBasePath: given.mailchimpBasePath }),
  ...(given.stripe && { stripe: { ...given.stripe, protocol: "http" as const } }),
};
const { db } = await createDatabase(url);
const mail = createTransport({ smtpUrl: process.env.SMTP_URL, from: "iméra <dpo@imera-paris.com>" });

const worker = startWorker({
  db,
  dialect: dialectOf(url),
  handlers: JOB_HANDLERS,
  log: logger.child("worker"),
  connectors: (domain) => connectorsForShop({ db, secretKey, endpoints }, domain),
  secretKey,
  links: (shopDomain, proxyPrefix) => ({
    shopDomain,
    proxyPrefix: proxyPrefix ?? "/apps/privacy",
    secret: secretKey,
    sandboxUrl: null,
    appUrl: "https://vigie.test",
  }),
  mail,
  leaseMs: Number(process.env.LEASE_MS ?? 60_000),
  pollMs: Number(process.env.POLL_MS ?? 50),
  concurrency: Number(process.env.CONCURRENCY ?? 4),
});
process.stdout.write(`ready ${process.pid}\n`);
if (process.env.SWEEP_SHOP) {
  const shop = JSON.parse(process.env.SWEEP_SHOP) as { id: string; domain: string };
  sweepRetention(db, shop, "staff-sweep").then(
    ({ filed }) => process.stdout.write(`swept ${filed}\n`),
    (error) => process.stdout.write(`sweep failed ${error}\n`),
  );
}
process.on("SIGTERM", async () => {
  await worker.stop(5_000);
  await db.$disconnect();
  process.exit(0);
});
