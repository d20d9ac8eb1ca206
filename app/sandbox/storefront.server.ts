// The sandbox's simulated storefront: a theme page carrying the privacy-centre app block (rendered
// from extensions/privacy-center with Liquid, as Shopify would), and Shopify's app proxy in front
// of /proxy/privacy/*: it signs each forwarded request with the sandbox's secret exactly as
// Shopify does (shop, logged_in_customer_id, path_prefix, timestamp, signature). Sandbox only.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { Liquid } from "liquidjs";
import type { Db } from "~/db/client.server";
import { readRawBody } from "~/http/body.server";
import { bodyLimitFor } from "~/http/request-guards.server";
import {
  resolveShopperLocale,
  SHOPPER_LOCALES,
  type ShopperLocale,
  shopperLocaleOf,
  staffLocaleOf,
} from "~/i18n/locale";
import { SANDBOX_PROXY_PREFIX } from "~/services/requests/request-links.server";
import { CHECKOUT_CONSENT_PATH } from "~/webhooks/checkout-consent-intake.server";
import type { SandboxSettings } from "./settings.server";
import { signAppProxyQuery, signSessionToken } from "./shopify-signing.server";
import { customerPrivacyScript } from "./simulators/customer-privacy";
import { DEMO_RECENT_ORDER } from "./simulators/shopify-demo-seed";
import { THEME_CSS, themeFooter, themeHeader, themeHome } from "./storefront-theme";

export const STOREFRONT_PREFIX = "/sandbox/storefront";
const PROXY_PREFIX = SANDBOX_PROXY_PREFIX;
const EXTENSION = path.join("extensions", "privacy-center");
const CUSTOMER_COOKIE = "sandbox_customer";
const SCHEMA = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/;

type Messages = { [key: string]: string | Messages };
const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/** A theme extension's locale file for a shopper language (English is the default file). */
const localeFile = (locale: ShopperLocale) => (locale === "en" ? "en.default.json" : `${locale}.json`);

function renderBlock(locale: ShopperLocale, customer: { email: string; name: string } | null) {
  const source = readFileSync(path.join(EXTENSION, "blocks", "privacy-center.liquid"), "utf8");
  const schema = JSON.parse(SCHEMA.exec(source)?.[1] ?? "{}") as {
    settings?: { id?: string; default?: unknown }[];
  };
  const messages = JSON.parse(readFileSync(path.join(EXTENSION, "locales", localeFile(locale)), "utf8"));
  const engine = new Liquid();
  engine.registerFilter("t", (key: string, ...args: [string, unknown][]) => {
    const vars = Object.fromEntries(args.filter(Array.isArray));
    const text = (lookup(messages, key) ?? key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
      String(vars[name] ?? ""),
    );
    return key.endsWith("_html") ? text : escapeHtml(text);
  });
  engine.registerFilter("asset_url", (file: string) => `${STOREFRONT_PREFIX}/assets/${file}`);
  const settings = Object.fromEntries(
    (schema.settings ?? []).filter((s) => s.id && "default" in s).map((s) => [s.id, s.default]),
  );
  return engine.parseAndRenderSync(source.replace(SCHEMA, ""), {
    block: { id: "sandbox", shopify_attributes: "", settings: { ...settings, path_prefix: PROXY_PREFIX } },
    shop: { url: "", name: "iméra" },
    customer,
    request: { locale: { iso_code: locale } },
  });
}

/** The cookie banner's app embed (blocks/cookie-banner.liquid), as the theme renders it before </body>. */
function renderEmbed(locale: ShopperLocale) {
  const source = readFileSync(path.join(EXTENSION, "blocks", "cookie-banner.liquid"), "utf8");
  const schema = JSON.parse(SCHEMA.exec(source)?.[1] ?? "{}") as {
    settings?: { id?: string; default?: unknown }[];
  };
  const settings = Object.fromEntries(
    (schema.settings ?? []).filter((s) => s.id && "default" in s).map((s) => [s.id, s.default]),
  );
  return new Liquid().parseAndRenderSync(source.replace(SCHEMA, ""), {
    block: { id: "banner", shopify_attributes: "", settings: { ...settings, path_prefix: PROXY_PREFIX } },
    shop: { url: "", name: "iméra", privacy_policy: { url: `${STOREFRONT_PREFIX}?locale=${locale}` } },
    request: { locale: { iso_code: locale } },
  });
}

/**
 * A page of the theme: `body` is the home page's sections when `home`, else one section's content.
 * The theme's own words are French or English (a stand-in theme); the page, the privacy centre and
 * the banner are in the storefront's language, and the theme's English is marked as such.
 */
function themePage(locale: ShopperLocale, body: string, customer: string | null, home = false) {
  const chrome = staffLocaleOf(locale);
  // The storefront's language switcher, as a theme offers the shop's published languages.
  const others = SHOPPER_LOCALES.filter((l) => l !== locale)
    .map((l) => `<a href="${STOREFRONT_PREFIX}?locale=${l}" lang="${l}">${l.toUpperCase()}</a>`)
    .join(" ");
  const tools = `${others}
${customer ? `<a href="${STOREFRONT_PREFIX}/logout">${chrome === "fr" ? "Se déconnecter" : "Sign out"} (${escapeHtml(customer)})</a>` : `<a href="${STOREFRONT_PREFIX}/login?customer=7001">${chrome === "fr" ? "Se connecter (Camille)" : "Sign in (Camille)"}</a>`}`;
  const inChrome = (html: string) => (chrome === locale ? html : `<div lang="${chrome}">${html}</div>`);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>iméra</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${THEME_CSS}</style>
<link rel="stylesheet" href="${STOREFRONT_PREFIX}/assets/privacy-center.css">
<link rel="stylesheet" href="${STOREFRONT_PREFIX}/assets/cookie-banner.css">
<script>${customerPrivacyScript}</script></head>
<body>
${inChrome(themeHeader(chrome, STOREFRONT_PREFIX, tools))}
<main id="MainContent">${home ? body : `<div class="theme-width theme-section">${body}</div>`}</main>
${inChrome(themeFooter(chrome, STOREFRONT_PREFIX))}
${renderEmbed(locale)}
<script src="${STOREFRONT_PREFIX}/assets/privacy-center.js" defer></script>
<script src="${STOREFRONT_PREFIX}/assets/cookie-banner.js" defer></script></body></html>`;
}

function cookie(request: IncomingMessage, name: string) {
  return (request.headers.cookie ?? "")
    .split(";")
    .map((c) => c.trim().split("="))
    .find(([key]) => key === name)?.[1];
}

/**
 * The checkout session token Shopify would give the newsletter-consent extension on the thank-you
 * page of the demo's recent order (Lucas's): HS256 under the app secret, for the app's key.
 */
function checkoutSessionToken(settings: SandboxSettings) {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const claims = {
    iss: `https://${settings.shop}/checkouts`,
    dest: `https://${settings.shop}`,
    aud: settings.apiKey,
    sub: `gid://shopify/Customer/${DEMO_RECENT_ORDER.customerId}`,
    exp: now + 300,
    nbf: now,
    iat: now,
    jti: randomUUID(),
    sid: randomUUID().replaceAll("-", ""),
  };
  const input = `${encode({ alg: "HS256", typ: "JWT" })}.${encode(claims)}`;
  return `${input}.${signSessionToken(input, settings.apiSecret)}`;
}

/**
 * The thank-you page of the demo's recent order with the newsletter-consent block's fallback: the
 * box, its wording from the extension's locale files, and a script that asks the buyer's current
 * state on load and POSTs each choice with a session token, exactly as src/ThankYou.tsx does.
 */
function thankYouPage(locale: ShopperLocale) {
  const messages = JSON.parse(
    readFileSync(path.join("extensions", "newsletter-consent", "locales", localeFile(locale)), "utf8"),
  );
  const text = (key: string) => lookup(messages, key) ?? key;
  const wording = text("newsletter_checkbox.default").replace(/\{\{\s*shop\s*\}\}/g, "iméra");
  const config = {
    endpoint: CHECKOUT_CONSENT_PATH,
    tokenUrl: `${STOREFRONT_PREFIX}/session-token`,
    notes: {
      granted: text("thank_you.granted"),
      withdrawn: text("thank_you.withdrawn"),
      pending: text("thank_you.pending"),
      failed: text("thank_you.failed"),
    },
    record: {
      orderId: `gid://shopify/Order/${DEMO_RECENT_ORDER.id}`,
      checkoutToken: DEMO_RECENT_ORDER.checkoutToken,
      noticeVersion: "2022-10-31",
      wordingKey: "newsletter_checkbox.default",
      wordingLocale: locale,
      wording,
    },
  };
  return `<div style="max-width:40rem;margin:2rem auto">
<h1>${locale === "fr" ? "Merci Lucas, votre commande est confirmée" : "Thank you Lucas, your order is confirmed"}</h1>
<p><label><input type="checkbox" id="vigie-consent"> ${escapeHtml(wording)}</label>
<a href="${STOREFRONT_PREFIX}?locale=${locale}">${escapeHtml(text("privacy_link"))}</a></p>
<p id="vigie-note" role="status"></p></div>
<script>(() => {
  const config = ${JSON.stringify(config).replace(/</g, "\\u003c")};
  const box = document.getElementById("vigie-consent");
  const note = document.getElementById("vigie-note");
  const token = async () => (await (await fetch(config.tokenUrl)).json()).token;
  let acted = false;
  (async () => {
    try {
      const answer = await fetch(config.endpoint, {
        headers: {
          Authorization: "Bearer " + (await token()),
          "Vigie-Order-Id": config.record.orderId,
          "Vigie-Checkout-Token": config.record.checkoutToken,
        },
      });
      const { newsletter } = answer.ok ? await answer.json() : {};
      if (acted || (newsletter !== "subscribed" && newsletter !== "pending")) return;
      box.checked = true;
      if (newsletter === "pending") note.textContent = config.notes.pending;
    } catch {}
  })();
  box.addEventListener("change", async () => {
    acted = true;
    const next = box.checked;
    box.disabled = true;
    let saved = null;
    try {
      const answer = await fetch(config.endpoint, {
        method: "POST",
        headers: { Authorization: "Bearer " + (await token()), "Content-Type": "application/json" },
        body: JSON.stringify({ consent: next ? "granted" : "withdrawn", ...config.record }),
      });
      if (answer.ok) saved = (await answer.json().catch(() => ({}))).confirmation === "email" ? "pending" : "saved";
    } catch {}
    if (!saved) box.checked = !next;
    note.textContent = config.notes[!saved ? "failed" : saved === "pending" ? "pending" : next ? "granted" : "withdrawn"];
    box.disabled = false;
  });
})();</script>`;
}

/** Serves /sandbox/storefront/*; false for other paths. */
export async function handleSandboxStorefront(
  request: IncomingMessage,
  response: ServerResponse,
  deps: { db: Db; settings: SandboxSettings; port: number; privacyPolicy?: () => string | null },
): Promise<boolean> {
  const url = new URL(request.url ?? "/", "http://sandbox");
  if (url.pathname !== STOREFRONT_PREFIX && !url.pathname.startsWith(`${STOREFRONT_PREFIX}/`)) return false;
  const customerId = cookie(request, CUSTOMER_COOKIE) ?? null;
  const subject = customerId
    ? await deps.db.subject.findFirst({
        where: { shop: { domain: deps.settings.shop }, shopifyCustomerId: customerId },
        select: { email: true },
      })
    : null;
  // Shopify's request.locale: the storefront's language (?locale=de), else the browser's, else French.
  const locale = resolveShopperLocale(url.searchParams.get("locale"), request.headers["accept-language"]);

  if (url.pathname === `${STOREFRONT_PREFIX}/login` || url.pathname === `${STOREFRONT_PREFIX}/logout`) {
    const login = url.pathname.endsWith("/login")
      ? (url.searchParams.get("customer") ?? "").replace(/\D/g, "")
      : "";
    response.writeHead(302, {
      location: STOREFRONT_PREFIX,
      "set-cookie": `${CUSTOMER_COOKIE}=${login}; Path=/; HttpOnly; SameSite=Lax${login ? "" : "; Max-Age=0"}`,
    });
    response.end();
    return true;
  }
  if (url.pathname === `${STOREFRONT_PREFIX}/session-token`) {
    response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    response.end(JSON.stringify({ token: checkoutSessionToken(deps.settings) }));
    return true;
  }
  // Shopify's own policy page: the body the Admin API wrote (shopPolicyUpdate), as Shopify shows it.
  if (url.pathname === `${STOREFRONT_PREFIX}/policies/privacy-policy`) {
    const body = deps.privacyPolicy?.() ?? null;
    const title = locale === "fr" ? "Politique de confidentialité" : "Privacy policy";
    response.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    response.end(
      themePage(
        locale,
        `<div style="max-width:48rem;margin:0 auto"><h1>${title}</h1>${body ?? ""}</div>`,
        customerId,
      ),
    );
    return true;
  }
  if (url.pathname === `${STOREFRONT_PREFIX}/thank-you`) {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(themePage(locale, thankYouPage(locale), customerId));
    return true;
  }
  if (url.pathname.startsWith(`${STOREFRONT_PREFIX}/assets/`)) {
    const file = path.basename(url.pathname);
    const type = file.endsWith(".css") ? "text/css" : "text/javascript";
    try {
      response.writeHead(200, { "content-type": `${type}; charset=utf-8` });
      response.end(readFileSync(path.join(EXTENSION, "assets", file)));
    } catch {
      response.writeHead(404).end();
    }
    return true;
  }
  if (url.pathname === PROXY_PREFIX || url.pathname.startsWith(`${PROXY_PREFIX}/`)) {
    // Shopify's app proxy: forward to the app with a signed query; render the Liquid answer in the theme.
    const query = new URLSearchParams(url.searchParams);
    for (const name of ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"])
      query.delete(name);
    query.set("shop", deps.settings.shop);
    query.set("logged_in_customer_id", customerId ?? "");
    query.set("path_prefix", PROXY_PREFIX);
    query.set("timestamp", String(Math.floor(Date.now() / 1000)));
    query.set("signature", signAppProxyQuery(query, deps.settings.apiSecret));
    const target = `http://127.0.0.1:${deps.port}/proxy/privacy${url.pathname.slice(PROXY_PREFIX.length)}?${query}`;
    const body =
      request.method === "POST"
        ? new Uint8Array(await readRawBody(request, bodyLimitFor(url.pathname)))
        : undefined;
    // The theme around the answer speaks the language the form was posted in.
    const posted = body ? new URLSearchParams(Buffer.from(body).toString("utf8")).get("locale") : null;
    const pageLocale = shopperLocaleOf(posted) ?? locale;
    const answer = await fetch(target, {
      method: request.method,
      redirect: "manual",
      headers: {
        "content-type": String(request.headers["content-type"] ?? "application/x-www-form-urlencoded"),
        "accept-language": pageLocale,
        // Shopify tells the app who the shopper is on the network, as X-Forwarded-For.
        ...(request.socket.remoteAddress && { "x-forwarded-for": request.socket.remoteAddress }),
      },
      body,
    });
    const type = answer.headers.get("content-type") ?? "";
    const text = await answer.text();
    if (type.startsWith("application/liquid")) {
      response.writeHead(answer.status, { "content-type": "text/html; charset=utf-8" });
      response.end(themePage(pageLocale, text, customerId));
    } else {
      const location = answer.headers.get("location");
      response.writeHead(answer.status, {
        "content-type": type || "text/plain",
        ...(location && { location: location.startsWith(PROXY_PREFIX) ? location : PROXY_PREFIX }),
      });
      response.end(text);
    }
    return true;
  }
  const block = renderBlock(locale, subject?.email ? { email: subject.email, name: "Camille Martin" } : null);
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  // The theme's sections in its own words, the privacy centre's block in the storefront's language.
  const chrome = staffLocaleOf(locale);
  const home = themeHome(chrome, chrome === locale ? block : `<div lang="${locale}">${block}</div>`);
  response.end(
    themePage(locale, chrome === locale ? home : `<div lang="${chrome}">${home}</div>`, customerId, true),
  );
  return true;
}
