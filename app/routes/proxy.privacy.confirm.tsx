// The e-mailed identity code: GET shows it ready to confirm (mail scanners follow links, so a GET
// never confirms); POST confirms. Attempts are counted and capped.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ConfirmPage, MessagePage } from "~/components/privacy-centre-pages";
import { resolveShopperLocale } from "~/i18n/locale";
import { createShopperTranslator } from "~/i18n/translate";
import { liquidResponse } from "~/services/privacy-centre/liquid-response.server";
import { requireProxy } from "~/services/privacy-centre/proxy-auth.server";
import { identityCheckOfToken } from "~/services/privacy-centre/request-status.server";
import { confirmEmailCode } from "~/services/requests/request-actions.server";
import { statusUrl } from "~/services/requests/request-links.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const proxy = await requireProxy(request, context);
  const url = new URL(request.url);
  return liquidResponse(
    <ConfirmPage
      locale={proxy.shopperLocale}
      prefix={proxy.pathPrefix}
      token={url.searchParams.get("t") ?? ""}
      code={(url.searchParams.get("c") ?? "").slice(0, 6)}
    />,
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const proxy = await requireProxy(request, context);
  const form = await request.formData();
  proxy.shopperLocale = resolveShopperLocale(String(form.get("locale") ?? ""), null, proxy.shopperLocale);
  const t = createShopperTranslator(proxy.shopperLocale);
  const token = String(form.get("t") ?? "");
  const code = String(form.get("c") ?? "").trim();
  const checkId = await identityCheckOfToken(context.db, context.encryptionKey, proxy.shop.id, token);
  if (!checkId || !/^\d{6}$/.test(code)) {
    return liquidResponse(
      <MessagePage title={t("privacy.codeInvalidTitle")} body={t("privacy.codeInvalid")} />,
      { status: 400 },
    );
  }
  const result = await confirmEmailCode(context.db, context.encryptionKey, proxy.shop.id, checkId, code);
  if (result.outcome !== "accepted" || !result.request) {
    const body = t(`privacy.codeOutcomes.${result.outcome}` as never);
    return liquidResponse(<MessagePage title={t("privacy.codeInvalidTitle")} body={body} />, { status: 400 });
  }
  const link = {
    href: statusUrl(
      context.links(proxy.shop.domain, proxy.pathPrefix),
      result.request.id,
      proxy.shopperLocale,
    ),
    label: t("privacy.follow"),
  };
  return liquidResponse(
    <MessagePage
      title={t("privacy.confirmedTitle")}
      body={t(
        // An heir's request still waits for the proofs of death and of heir status.
        result.request.state === "identity_check" ? "privacy.confirmedAwaitingProofs" : "privacy.confirmed",
        { reference: result.request.reference },
      )}
      link={link}
    />,
  );
}
