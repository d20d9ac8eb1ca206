// The consent ledger as CSV, with every proof field: what an authority asks for. Streamed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/services/admin-auth.server";
import { recordAudit } from "~/services/audit.server";
import { ledgerCsv } from "~/services/consent-admin.server";
import { parseLedgerFilter } from "~/services/consent-filters.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const db = context.db;
  // The Consents page's filters (?source=&kind=&from=&to=, days of the shop's calendar);
  // ?visitor=<id>: one visitor's choices (the Cookies page). No filter: the whole ledger.
  const params = new URL(request.url).searchParams;
  const visitor = params.get("visitor")?.trim();
  const { before: _page, ...chosen } = parseLedgerFilter(params);
  const filter = {
    ...chosen,
    ...(visitor && /^[0-9a-f-]{36}$/.test(visitor) && { visitorId: visitor }),
  };
  await recordAudit(db, {
    shopId: shop.id,
    actorType: "staff",
    actorId: staffId,
    action: "consent.ledger.exported",
    // Which events left (the filter names no one; a visitor id is personal and stays out).
    data: {
      source: chosen.source ?? null,
      kind: chosen.kind ?? null,
      from: chosen.from ?? null,
      to: chosen.to ?? null,
      visitor: Boolean(filter.visitorId),
    },
  });
  const rows = ledgerCsv(db, shop.id, 1000, filter);
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
      "content-disposition": `attachment; filename="consent-ledger-${shop.domain}.csv"`,
      "cache-control": "no-store",
    },
  });
}
