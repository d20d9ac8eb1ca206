// GET /exports/:token — the export link of an access or portability answer: signed, expiring,
// single purpose, single use; every download audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { z } from "zod";
import { ShopperPage } from "~/components/shopper-page";
import { resolveShopperLocale } from "~/i18n/locale";
import { createShopperTranslator } from "~/i18n/translate";
import { takeShopperDownload, zipResponse } from "~/services/exports/download.server";
import { verifyToken } from "~/utils/signed-token.server";

const ExportToken = z.object({ a: z.string().min(1), s: z.string().min(1) });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const db = context.db;
  const claims = verifyToken(context.encryptionKey, "export", params.token ?? "", ExportToken);
  const taken = claims
    ? await takeShopperDownload(db, claims.a, claims.s)
    : ({ ok: false, reason: "expired" } as const);
  if (taken.ok)
    return zipResponse(
      db,
      context.encryptionKey,
      taken.archive,
      `export-${taken.archive.requestReference}.zip`,
    );
  const locale = resolveShopperLocale(
    new URL(request.url).searchParams.get("locale"),
    request.headers.get("accept-language"),
  );
  const t = createShopperTranslator(locale);
  const page = renderToStaticMarkup(
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <title>{t("exportLink.title")}</title>
      </head>
      <body>
        <ShopperPage title={t("exportLink.title")}>
          <p>{t(`exportLink.${taken.reason}` as never)}</p>
        </ShopperPage>
      </body>
    </html>,
  );
  return new Response(`<!doctype html>${page}`, {
    status: 410,
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}
