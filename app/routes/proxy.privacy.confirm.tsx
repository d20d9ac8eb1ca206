// The e-mailed identity code: GET shows it ready to confirm (mail scanners follow links, so a GET
// never confirms); POST confirms. Attempts are counted and capped.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { ConfirmPage, MessagePage } from "~/components/privacy-centre-pages";
import { getDb } from "~/db.server";
import { createTranslator } from "~/i18n/translate";
import { getRuntime, requestLinks } from "~/runtime.server";
import { liquidResponse } from "~/services/privacy-centre/liquid-response.server";
import { requireProxy } from "~/services/privacy-centre/proxy-auth.server";
import { confirmEmailCode } from "~/services/requests/request-actions.server";
import { statusUrl } from "~/services/requests/request-links.server";
import { verifyToken } from "~/utils/signed-token.server";

const CheckToken = z.object({ k: z.string().min(1) });

export async function loader({ request }: LoaderFunctionArgs) {
  const proxy = await requireProxy(getDb(), getRuntime().shopifySecret, request);
  const url = new URL(request.url);
  return liquidResponse(
    <ConfirmPage
      locale={proxy.locale}
      prefix={proxy.pathPrefix}
      token={url.searchParams.get("t") ?? ""}
      code={(url.searchParams.get("c") ?? "").slice(0, 6)}
    />,
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const runtime = getRuntime();
  const proxy = await requireProxy(db, runtime.shopifySecret, request);
  const t = createTranslator(proxy.locale);
  const form = await request.formData();
  const claims = verifyToken(runtime.encryptionKey, "identity", String(form.get("t") ?? ""), CheckToken);
  const code = String(form.get("c") ?? "").trim();
  if (!claims || !/^\d{6}$/.test(code)) {
    return liquidResponse(
      <MessagePage title={t("privacy.codeInvalidTitle")} body={t("privacy.codeInvalid")} />,
      { status: 400 },
    );
  }
  const result = await confirmEmailCode(db, runtime.encryptionKey, proxy.shop.id, claims.k, code);
  if (result.outcome !== "accepted" || !result.request) {
    const body = t(`privacy.codeOutcomes.${result.outcome}` as never);
    return liquidResponse(<MessagePage title={t("privacy.codeInvalidTitle")} body={body} />, { status: 400 });
  }
  const link = {
    href: statusUrl(requestLinks(proxy.shop.domain, proxy.pathPrefix), result.request.id),
    label: t("privacy.follow"),
  };
  return liquidResponse(
    <MessagePage
      title={t("privacy.confirmedTitle")}
      body={t("privacy.confirmed", { reference: result.request.reference })}
      link={link}
    />,
  );
}
