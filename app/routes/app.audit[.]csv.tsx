// The audit log as CSV, filtered as on the page, with the chain's fields so that a DPO can
// re-verify it outside Vigie (docs/decisions/053). Audited, then streamed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/services/admin-auth.server";
import { exportAuditCsv, parseAuditQuery } from "~/services/audit-log.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const { filter } = parseAuditQuery(new URL(request.url).searchParams);
  const rows = await exportAuditCsv(context.db, shop, staffId, filter);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${shop.domain}.csv"`,
      "cache-control": "no-store",
    },
  });
}
