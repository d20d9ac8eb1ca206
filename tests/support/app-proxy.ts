// Calls to the privacy centre as Shopify's app proxy makes them: the query signed with the app's
// secret, forms posted without following redirects.
import { signAppProxyQuery } from "~/sandbox/shopify-signing.server";
import type { RunningServer } from "./server";

export const SANDBOX_SHOP = "imera-paris.myshopify.com";

/** The signed URL of a privacy-centre path, for a guest (no logged-in customer); `extra` is signed too. */
export function signedProxyUrl(
  server: RunningServer,
  pathname: string,
  shop = SANDBOX_SHOP,
  extra: Record<string, string> = {},
) {
  const query = new URLSearchParams({
    ...extra,
    shop,
    logged_in_customer_id: "",
    path_prefix: "/apps/privacy",
    timestamp: String(Math.floor(Date.now() / 1000)),
  });
  query.set("signature", signAppProxyQuery(query, server.sandbox().apiSecret));
  return `${server.baseUrl}/proxy/privacy${pathname}?${query}`;
}

export function postForm(url: string, body: Record<string, string>) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body).toString(),
    redirect: "manual",
  });
}
