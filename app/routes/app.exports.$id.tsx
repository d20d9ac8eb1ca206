// Staff download of a finished export (e.g. a Shopify customers/data_request, whose data goes to
// the merchant, never to the shopper). Audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/services/admin-auth.server";
import { recordAudit } from "~/services/audit.server";
import { zipResponse } from "~/services/exports/download.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const db = context.db;
  const archive = await db.exportArchive.findFirst({
    where: { id: params.id ?? "", shopId: shop.id, status: "complete" },
    include: { request: { select: { reference: true } } },
  });
  if (!archive) throw new Response("Not found", { status: 404 });
  await recordAudit(db, {
    shopId: shop.id,
    actorType: "staff",
    actorId: staffId,
    action: "export.downloaded",
    targetType: "request",
    targetId: archive.requestId,
  });
  return zipResponse(db, context.encryptionKey, archive, `export-${archive.request.reference}.zip`);
}
