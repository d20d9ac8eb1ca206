// One uploaded document, decrypted for staff of its shop; every viewing is audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/services/admin-auth.server";
import { recordAudit } from "~/services/audit.server";
import { readDocument } from "~/services/documents.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const db = context.db;
  const document = await readDocument(db, context.encryptionKey, shop.id, params.id ?? "");
  if (!document) throw new Response("Not found", { status: 404 });
  await recordAudit(db, {
    shopId: shop.id,
    actorType: "staff",
    actorId: staffId,
    action: "document.viewed",
    targetType: "document",
    targetId: params.id,
  });
  return new Response(new Uint8Array(document.bytes), {
    headers: {
      "content-type": document.mimeType,
      "content-disposition": `inline; filename="${document.name}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
