import type { LoaderFunctionArgs } from "@remix-run/node";
import { getShopify } from "~/shopify.server";

// Shopify's auth paths (/auth/session-token bounce, /auth/exit-iframe, …) are the library's.
export async function loader({ request }: LoaderFunctionArgs) {
  await getShopify().authenticate.admin(request);
  return null;
}
