// /proxy/privacy/consent: the storefront cookie banner's calls, through Shopify's app proxy
// (https://<shop>/apps/privacy/consent). Served by the Node server in front of Remix, like the
// webhook intakes: this path takes storefront traffic. GET answers the banner's texts and version;
// POST records one choice in the consent ledger (docs/decisions/043, 044). Order of checks: method,
// size (before and while reading), the proxy signature and replay exactly as the privacy centre
// (checkProxyCall), rate per network, JSON and fields (zod), the banner version of the choice's
// language (docs/decisions/082). Nothing personal is logged.

import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "~/db/client.server";
import { minimiseIp, TrackerChoiceSchema } from "~/domain/consent";
import { isAppError } from "~/domain/errors";
import { shopperLocaleOf } from "~/i18n/locale";
import {
  type BannerContent,
  bannerConfig,
  bannerContent,
  proveChoice,
} from "~/services/cookie-banner.server";
import { checkProxyCall, proxyShopperLocale } from "~/services/privacy-centre/proxy-auth.server";
import type { Logger } from "~/utils/logger.server";
import type { ReceiptStore } from "~/webhooks/receipts.server";
import { BANNER_CHOICE_TOPIC, BANNER_SOURCE, bannerChoice } from "~/webhooks/topics/banner-choice.server";
import { replayKey, verifyAppProxySignature } from "./app-proxy.server";
import { BodyTooLargeError, readRawBody } from "./body.server";
import type { ShopifyVerifier } from "./shopify-api.server";

export const BANNER_CONSENT_PATH = "/proxy/privacy/consent";
/** One choice is ~400 bytes of JSON; 4 KiB leaves room and nothing more. */
export const BANNER_MAX_BODY_BYTES = 4 * 1024;
const USER_AGENT_MAX = 512;

/**
 * Choices per network (IPv4 /24, IPv6 /48, as minimised for the proof) and shop in a window: a
 * visitor makes a handful (first choice, a change of mind); a shared office network a few dozen.
 */
export const BANNER_RATE = { limit: 60, windowMs: 60_000 } as const;
/** How long this process reuses a shop's banner texts and version (a staff change shows within it). */
export const BANNER_CONTENT_TTL_MS = 5_000;

export type BannerIntakeDeps = {
  db: Db;
  /** Where a choice is stored with its job, like a webhook delivery (the worker appends it). */
  receipts: ReceiptStore;
  log: Logger;
  /** Shopify's verifier of the proxy's signature (the app's secret, or the sandbox's). */
  shopifyApi: () => ShopifyVerifier;
  now?: () => Date;
  rate?: { limit: number; windowMs: number };
};

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
    "cache-control": "no-store",
    ...headers,
  });
  response.end(text);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The shopper's network: Shopify's proxy names it in X-Forwarded-For; else the peer. */
function clientIp(request: IncomingMessage): string | undefined {
  return header(request, "x-forwarded-for")?.split(",")[0]?.trim() || request.socket.remoteAddress;
}

/** A fixed-window counter per key, in this process (each process admits its own share). */
export function createRateLimiter(limit: number, windowMs: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string, now: number): boolean => {
    const current = windows.get(key);
    if (!current || now - current.start >= windowMs) {
      if (windows.size > 50_000) {
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
      }
      windows.set(key, { start: now, count: 1 });
      return true;
    }
    current.count += 1;
    return current.count <= limit;
  };
}

export function createBannerIntake(deps: BannerIntakeDeps) {
  const rate = deps.rate ?? BANNER_RATE;
  const allow = createRateLimiter(rate.limit, rate.windowMs);
  const contents = new Map<string, { at: number; content: Promise<BannerContent> }>();
  /** The shop's banner, built at most every BANNER_CONTENT_TTL_MS (it reads the register and hashes it). */
  const contentOf = (shopId: string, now: number) => {
    const cached = contents.get(shopId);
    if (cached && now - cached.at < BANNER_CONTENT_TTL_MS) return cached.content;
    const content = bannerContent(deps.db, shopId);
    if (contents.size > 10_000) contents.clear();
    contents.set(shopId, { at: now, content });
    content.catch(() => contents.delete(shopId));
    return content;
  };
  const shops = new Map<string, { at: number; shop: Promise<{ id: string; state: string } | null> }>();
  /** The shop behind a signed domain, looked up at most every BANNER_CONTENT_TTL_MS. */
  const shopOf = (domain: string, now: number) => {
    const cached = shops.get(domain);
    if (cached && now - cached.at < BANNER_CONTENT_TTL_MS) return cached.shop;
    const shop = deps.db.shop.findUnique({ where: { domain }, select: { id: true, state: true } });
    if (shops.size > 10_000) shops.clear();
    shops.set(domain, { at: now, shop });
    shop.catch(() => shops.delete(domain));
    return shop;
  };

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const now = deps.now?.() ?? new Date();
    const url = new URL(request.url ?? "/", "http://vigie");
    if (request.method !== "GET" && request.method !== "POST") {
      return send(
        response,
        405,
        { error: "method_not_allowed" },
        { allow: "GET, POST", connection: "close" },
      );
    }
    let body: Buffer | null = null;
    if (request.method === "POST") {
      try {
        body = await readRawBody(request, BANNER_MAX_BODY_BYTES);
      } catch (error) {
        if (error instanceof BodyTooLargeError)
          return send(response, 413, { error: "too_large" }, { connection: "close" });
        throw error;
      }
    }
    if (request.method === "GET") {
      const call = await checkProxyCall(deps.db, deps.shopifyApi(), { url, method: "GET", body: null }, now);
      if (!call.ok) {
        deps.log.info("banner: proxy call refused", { status: call.status });
        return send(response, call.status, { error: call.message });
      }
      const params = url.searchParams;
      const decidedAt = params.get("decided_at");
      const version = params.get("version");
      // The storefront's language as the privacy centre resolves it, French last (docs/decisions/082).
      const locale = proxyShopperLocale(url, header(request, "accept-language"), call.shop.locale);
      const stored =
        decidedAt && version
          ? {
              version,
              decidedAt: new Date(decidedAt),
              locale: shopperLocaleOf(params.get("stored_locale")),
            }
          : null;
      const content = await contentOf(call.shop.id, now.getTime());
      return send(response, 200, await bannerConfig(deps.db, call.shop.id, locale, stored, now, content));
    }

    // The privacy centre's checks (checkProxyCall), on the hot path: the signature and its age,
    // then the shop installed; a replay (same signature, path and body) is the same receipt again.
    const verified = verifyAppProxySignature(url, deps.shopifyApi());
    if (!verified.ok) {
      deps.log.info("banner: proxy call refused", { status: 400 });
      return send(response, 400, { error: `Bad Request: app proxy signature ${verified.reason}` });
    }
    const shop = await shopOf(verified.shop, now.getTime());
    if (shop?.state !== "installed") return send(response, 404, { error: "Not Found" });

    const ip = clientIp(request);
    const ipPrefix = minimiseIp(ip) ?? undefined;
    if (!allow(`${shop.id}|${ipPrefix ?? "?"}`, now.getTime())) {
      return send(
        response,
        429,
        { error: "rate_limited" },
        { "retry-after": String(Math.ceil(rate.windowMs / 1000)) },
      );
    }
    let json: unknown;
    try {
      json = JSON.parse((body as Buffer).toString("utf8"));
    } catch {
      return send(response, 400, { error: "invalid_json" });
    }
    const parsed = TrackerChoiceSchema.safeParse(json);
    if (!parsed.success) {
      return send(response, 400, {
        error: "invalid_choice",
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
      });
    }
    let proof: ReturnType<typeof proveChoice>;
    try {
      proof = proveChoice(await contentOf(shop.id, now.getTime()), parsed.data, {
        occurredAt: now,
        // Only Shopify's signed logged_in_customer_id identifies a customer, never the body.
        shopifyCustomerId: verified.loggedInCustomerId,
        ipPrefix,
        userAgent: header(request, "user-agent")?.trim().slice(0, USER_AGENT_MAX) || undefined,
      });
    } catch (error) {
      if (isAppError(error, "BANNER_VERSION_STALE")) return send(response, 409, { error: error.code });
      throw error;
    }
    const deliveryId = createHash("sha256")
      .update(`${replayKey(verified)}|${url.pathname}|`)
      .update(body as Buffer)
      .digest("hex");
    const stored = await deps.receipts.store(
      {
        source: BANNER_SOURCE,
        deliveryId,
        shopDomain: verified.shop,
        topic: BANNER_CHOICE_TOPIC,
        triggeredAt: now.toISOString(),
        body: JSON.stringify(proof),
      },
      { priority: bannerChoice.priority },
    );
    if (!stored) return send(response, 409, { error: "Conflict: this request was already submitted" });
    return send(response, 202, { status: "accepted" });
  }

  /** Handles /proxy/privacy/consent; false for other paths. */
  return async function handleBannerConsent(
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    if (pathname !== BANNER_CONSENT_PATH && pathname !== `${BANNER_CONSENT_PATH}/`) return false;
    try {
      await answer(request, response);
    } catch (error) {
      deps.log.error("banner: storing a choice failed", { error });
      if (!response.headersSent) send(response, 503, { error: "unavailable" }, { connection: "close" });
      else response.destroy();
    }
    return true;
  };
}
