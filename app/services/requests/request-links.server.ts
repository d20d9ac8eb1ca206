// Links sent to requesters. They go through the storefront's app proxy (the shopper stays on the
// shop's own domain, and Shopify signs every request it forwards to Vigie); in the sandbox, through
// its simulated storefront.
import { signToken } from "~/utils/signed-token.server";

export const DEFAULT_PROXY_PREFIX = "/apps/privacy";
/** Where the sandbox's simulated storefront mounts the app proxy. */
export const SANDBOX_PROXY_PREFIX = "/sandbox/storefront/apps/privacy";

export type LinkContext = {
  shopDomain: string;
  proxyPrefix: string;
  secret: Buffer;
  sandboxUrl: string | null;
  /** Vigie's own public URL (export downloads are served by the app, not through the storefront). */
  appUrl: string;
};

export function storefrontUrl(ctx: LinkContext, path: string, query: Record<string, string> = {}) {
  const base = `${ctx.sandboxUrl ?? `https://${ctx.shopDomain}`}${ctx.proxyPrefix}`;
  const search = new URLSearchParams(query).toString();
  return `${base}${path}${search ? `?${search}` : ""}`;
}

/** Where the requester follows their request (no sign-in: the signed token names the request). */
export function statusUrl(ctx: LinkContext, requestId: string, locale: string) {
  return storefrontUrl(ctx, "/status", { t: signToken(ctx.secret, "request", { r: requestId }), locale });
}

/** The single-use download of a finished export, valid until the archive expires. */
export function exportDownloadUrl(
  ctx: LinkContext,
  archive: { id: string; shopId: string; expiresAt: Date },
) {
  const ttlSeconds = Math.max(60, Math.floor((archive.expiresAt.getTime() - Date.now()) / 1000));
  return `${ctx.appUrl}/exports/${signToken(ctx.secret, "export", { a: archive.id, s: archive.shopId }, { ttlSeconds })}`;
}

/** Where a shopper uploads the documents a check asks for. */
export function documentsUrl(
  ctx: LinkContext,
  owner: { ownerType: string; ownerId: string },
  locale: string,
) {
  return storefrontUrl(ctx, "/documents", {
    t: signToken(ctx.secret, "documents", { o: owner.ownerType, i: owner.ownerId }),
    locale,
  });
}

/** The one-click confirmation of an e-mail code (the link carries the code; a GET only shows a button). */
export function confirmUrl(ctx: LinkContext, checkId: string, code: string, locale: string) {
  return storefrontUrl(ctx, "/confirm", {
    t: signToken(ctx.secret, "identity", { k: checkId }),
    c: code,
    locale,
  });
}
