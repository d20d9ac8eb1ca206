import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

/**
 * A page for Shopify's app proxy: `application/liquid`, so Shopify renders it inside the shop's
 * theme. Every "{" is written as an entity: text a shopper typed can never become a Liquid tag.
 */
export function liquidResponse(page: ReactElement, init: ResponseInit = {}) {
  const html = renderToStaticMarkup(page).replace(/\{/g, "&#123;");
  return new Response(html, {
    ...init,
    headers: {
      "content-type": "application/liquid; charset=utf-8",
      "cache-control": "no-store",
      ...init.headers,
    },
  });
}
