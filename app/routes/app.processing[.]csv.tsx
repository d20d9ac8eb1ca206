// The record of processing as CSV, for the DPO's files or an authority that asks for it (art. 30(4)).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createTranslator } from "~/i18n/translate";
import { requireAdmin } from "~/services/admin-auth.server";
import { recordAudit } from "~/services/audit.server";
import { registerCsv, registerForShop } from "~/services/processing-register.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop, staffId, locale } = await requireAdmin(request, context);
  const db = context.db;
  const register = await registerForShop(db, shop.id, locale);
  await recordAudit(db, {
    shopId: shop.id,
    actorType: "staff",
    actorId: staffId,
    action: "register.exported",
  });
  const t = createTranslator(locale);
  const csv = registerCsv(register, {
    controller: t("register.controller"),
    contact: t("register.contact"),
    activity: t("register.activity"),
    purposes: t("register.purposes"),
    subjects: t("register.subjects"),
    data: t("register.data"),
    recipients: t("register.recipients"),
    transfers: t("register.transfers"),
    retention: t("register.retention"),
    automated: t("register.automated"),
    security: t("register.security"),
    reviewed: t("register.reviewedColumn"),
  });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="record-of-processing-${shop.domain}.csv"`,
      "cache-control": "no-store",
    },
  });
}
