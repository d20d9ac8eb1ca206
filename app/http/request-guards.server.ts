// Checks the Node server makes before any handler (Remix included) reads a request: how large a
// body may be, which Host the sandbox answers, which cross-site posts are refused, and the headers
// every response carries. docs/decisions/032-request-guards-before-remix.md says why here.
import type { IncomingHttpHeaders } from "node:http";
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS_PER_UPLOAD } from "~/services/documents.server";
import { SANDBOX_PROXY_PREFIX } from "~/services/requests/request-links.server";
import { MAX_WEBHOOK_BODY_BYTES } from "./body.server";

/** Forms (staff admin, privacy centre, login): far above any real form, far below harm. */
export const DEFAULT_BODY_LIMIT_BYTES = 128 * 1024;
/** The documents a check asks for: up to MAX_DOCUMENTS_PER_UPLOAD files, plus the form around them. */
export const DOCUMENT_UPLOAD_BODY_LIMIT_BYTES = MAX_DOCUMENTS_PER_UPLOAD * MAX_DOCUMENT_BYTES + 64 * 1024;

const DOCUMENT_UPLOAD_PATHS = new Set(["/proxy/privacy/documents", `${SANDBOX_PROXY_PREFIX}/documents`]);

/** The largest body a request to `pathname` may carry; webhook intakes also apply their own, smaller ones. */
export function bodyLimitFor(pathname: string): number {
  // The cookie banner's choice (app/http/banner-intake.server.ts BANNER_MAX_BODY_BYTES).
  if (pathname === "/proxy/privacy/consent" || pathname === `${SANDBOX_PROXY_PREFIX}/consent`)
    return 4 * 1024;
  if (DOCUMENT_UPLOAD_PATHS.has(pathname)) return DOCUMENT_UPLOAD_BODY_LIMIT_BYTES;
  if (pathname.startsWith("/webhooks/")) return MAX_WEBHOOK_BODY_BYTES;
  return DEFAULT_BODY_LIMIT_BYTES;
}

/** The declared Content-Length when it is over `limit` (refused before reading a byte). */
export function declaredOverLimit(headers: IncomingHttpHeaders, limit: number): boolean {
  const declared = Number(headers["content-length"]);
  return Number.isFinite(declared) && declared > limit;
}

export function tooLargeText(limit: number) {
  const size = limit >= 1024 * 1024 ? `${(limit / (1024 * 1024)).toFixed(0)} MiB` : `${limit / 1024} KiB`;
  return `Payload Too Large: a request here may carry at most ${size}.`;
}

/** Sent on every response, whoever answers it. */
export const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  // Links carry signed tokens (exports, unsubscribe, documents): never hand them to another site.
  // Not no-referrer: browsers then send `Origin: null` on same-site form posts.
  "referrer-policy": "same-origin",
} as const;

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The sandbox is reached at localhost on its own port only. Any other Host is a name pointing at
 * this computer (DNS rebinding): a page on it would be same-origin with the sandbox it sees.
 */
export function isSandboxHost(host: string | undefined, port: number): boolean {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:]+)(?::(\d+))?$/.exec(host ?? "");
  if (!match) return false;
  const [, name, hostPort] = match;
  return LOOPBACK_NAMES.has((name as string).toLowerCase()) && Number(hostPort ?? 80) === port;
}

/**
 * True for a form post from another site that Remix would refuse itself, but with an error (a
 * 500): a document request (not `?_data=`, which Remix does not check) that changes something, with
 * an Origin whose host is not X-Forwarded-Host's, else Host's (an opaque `null` never matches).
 */
export function isCrossSitePost(
  method: string | undefined,
  url: string,
  headers: IncomingHttpHeaders,
): boolean {
  if (!["POST", "PUT", "PATCH", "DELETE"].includes(method ?? "")) return false;
  if (new URLSearchParams(url.split("?")[1] ?? "").has("_data")) return false;
  const origin = headers.origin;
  if (typeof origin !== "string" || origin === "") return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const forwarded = String(headers["x-forwarded-host"] ?? "")
    .split(",")[0]
    ?.trim();
  const host = forwarded || headers.host;
  return !host || originHost !== host;
}
