// Staff download of a finished export (e.g. a Shopify customers/data_request, whose data goes to
// the merchant, never to the shopper). Audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/services/admin-auth.server";
import { staffDownload } from "~/services/exports/download.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const zip = await staffDownload(context.db, context.encryptionKey, shop.id, staffId, params.id ?? "");
  if (!zip) throw new Response("Not found", { status: 404 });
  return zip;
}
