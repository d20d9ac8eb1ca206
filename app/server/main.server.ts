// The Node server: webhook intake and health answered directly (the hot path stays out of Remix),
// static files, then Remix for everything else. Also runs the job worker unless WORKER=off.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError, parseConfig } from "~/config.server";
import { createBannerIntake } from "~/http/banner-intake.server";
import { BodyTooLargeError } from "~/http/body.server";
import { createRemixHandler } from "~/http/remix-adapter.server";
import {
  bodyLimitFor,
  declaredOverLimit,
  isCrossSitePost,
  isSandboxHost,
  SECURITY_HEADERS,
  tooLargeText,
} from "~/http/request-guards.server";
import { sendText } from "~/http/respond.server";
import { createStaticHandler } from "~/http/static-files.server";
import { JOB_HANDLERS, SCHEDULES } from "~/jobs/registry.server";
import { startWorker, type Worker } from "~/jobs/worker.server";
import { logger, setLogLevel } from "~/utils/logger.server";
import { handleCheckoutConsent } from "~/webhooks/checkout-consent-intake.server";
import { handleShopifyWebhook, SHOPIFY_WEBHOOK_PREFIX } from "~/webhooks/intake.server";
import { handleMailchimpWebhook, MAILCHIMP_WEBHOOK_PREFIX } from "~/webhooks/mailchimp-intake.server";
import { createReceiptStore } from "~/webhooks/receipts.server";
import { handleStripeWebhook, STRIPE_WEBHOOK_PATH } from "~/webhooks/stripe-intake.server";
import { bootApp } from "./boot.server";
import { checkHealth } from "./health.server";

const log = logger.child("server");

function configOrExit() {
  try {
    return parseConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Vigie cannot start.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

export async function main(build: ServerBuild, argv: string[]) {
  const config = configOrExit();
  setLogLevel(config.logLevel);
  const workerOnly = argv.includes("--worker");
  if (workerOnly && !config.shopify) {
    // The sandbox's simulated systems live in the web process: a worker elsewhere would not see them.
    console.error(
      "The sandbox runs its job worker inside `npm start`; `npm run worker` needs Shopify credentials.",
    );
    process.exit(1);
  }
  const app = await bootApp(config, logger.child("vigie"));
  const { context } = app;
  const { db } = context;
  const dialect = config.dialect;
  const worker: Worker | null =
    workerOnly || config.worker
      ? startWorker({
          db,
          dialect,
          handlers: JOB_HANDLERS,
          log: logger.child("worker"),
          connectors: context.connectors,
          secretKey: context.encryptionKey,
          links: context.links,
          mail: context.mail,
          schedules: SCHEDULES,
          leaseMs: config.jobLeaseMs,
        })
      : null;
  if (workerOnly) {
    onShutdown(async () => {
      await worker?.stop();
      await app.close();
    });
    return;
  }

  const remix = createRemixHandler(
    build,
    config.env === "production" ? "production" : "development",
    context,
  );
  const serveStatic = createStaticHandler("public");
  const receipts = createReceiptStore(config.databaseUrl);
  const intake = { receipts, secret: () => context.shopifySecret, log };
  // The thank-you page's consent: session tokens are signed with the app secret, for the app's key.
  const checkoutIntake = {
    ...intake,
    db,
    shopifyApi: context.shopifyApi,
    secretKey: context.encryptionKey,
    // The GET reads the order's buyer from Shopify.
    orders: async (shop: string) => (await context.connectors(shop)).shopifyOrders ?? null,
  };

  // The storefront cookie banner's texts and proofs, through the app proxy (outside Remix).
  const handleBannerConsent = createBannerIntake({
    db,
    receipts,
    log,
    shopifyApi: () => context.shopifyApi,
    rate: { limit: config.bannerRatePerMinute, windowMs: 60_000 },
  });

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? "/";
    const pathname = url.split("?", 1)[0] as string;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (context.sandbox && !isSandboxHost(request.headers.host, listeningPort())) {
      // 421 Misdirected Request: the sandbox is not this name's server (DNS rebinding).
      return sendText(
        response,
        421,
        `This Vigie sandbox answers only at http://localhost:${listeningPort()} (or 127.0.0.1, [::1]); ` +
          "it refuses other host names, which could be a web page pointing its own name at this computer.",
        {},
        true,
      );
    }
    const bodyLimit = bodyLimitFor(pathname);
    // Refused before a byte is read; bodies without a length are counted as they stream (readRawBody, Remix adapter).
    if (declaredOverLimit(request.headers, bodyLimit)) {
      return sendText(response, 413, tooLargeText(bodyLimit), {}, true);
    }
    try {
      if (pathname === STRIPE_WEBHOOK_PATH) {
        return handleStripeWebhook(request, response, new URL(url, "http://vigie"), {
          db,
          secretKey: context.encryptionKey,
          receipts,
          log,
        });
      }
      if (await handleCheckoutConsent(request, response, pathname, checkoutIntake)) return;
      if (await handleBannerConsent(request, response, pathname)) return;
      if (pathname.startsWith(MAILCHIMP_WEBHOOK_PREFIX)) {
        if (await handleMailchimpWebhook(request, response, pathname, { db, receipts, log })) return;
        return sendText(response, 404, "Not Found");
      }
      if (
        pathname.startsWith(SHOPIFY_WEBHOOK_PREFIX) &&
        (await handleShopifyWebhook(request, response, pathname, intake))
      )
        return;
      if (context.sandbox && (await context.sandbox.handleStorefront(request, response, listeningPort())))
        return;
      if (pathname === "/healthz") {
        const healthy = await checkHealth(db);
        return sendText(response, healthy ? 200 : 503, healthy ? "ok" : "database unavailable");
      }
      if (await serveStatic(request, response, pathname)) return;
      if (isCrossSitePost(request.method, url, request.headers)) {
        return sendText(
          response,
          403,
          "Forbidden: this form was sent from another site (its Origin is not this server's), so it was refused.",
        );
      }
      await remix(request, response, `http://${request.headers.host ?? "localhost"}`, bodyLimit);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        if (!response.headersSent) sendText(response, 413, tooLargeText(error.limit), {}, true);
        else response.destroy();
        return;
      }
      log.error("request failed", { path: pathname, error });
      if (!response.headersSent) sendText(response, 500, "Internal Server Error");
      else response.destroy();
    }
  });
  // Shopify gives up after 5 s: never let a slow client hold a socket much longer.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;

  // Read once: server.address() is a system call, and the sandbox's host check runs on every request.
  let port = 0;
  const listeningPort = () => port;
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  port = (server.address() as AddressInfo).port;
  app.listening(port);
  const base = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  log.info("listening", {
    url: base,
    port,
    sandbox: context.sandbox !== null,
    dialect,
    worker: worker !== null,
  });
  if (context.sandbox) {
    process.stdout.write(
      `\nVigie sandbox for ${context.sandbox.settings.shop}: http://localhost:${port}/app\n\n`,
    );
  }

  onShutdown(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await worker?.stop();
    await receipts.close();
    await app.close();
  });
}

function onShutdown(stop: () => Promise<void>) {
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info("shutting down", { signal });
      stop()
        .then(() => process.exit(0))
        .catch((error) => {
          log.error("shutdown failed", { error });
          process.exit(1);
        });
    });
  }
}
