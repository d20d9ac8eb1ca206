import type { LoaderFunctionArgs } from "@remix-run/node";

// Shopify's auth paths (/auth/session-token bounce, /auth/exit-iframe, …) are the library's.
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!context.shopify) throw new Response("Not Found", { status: 404 });
  await context.shopify.authenticate.admin(request);
  return null;
}
