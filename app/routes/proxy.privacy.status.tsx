// Where a requester follows their request, from the signed link in their e-mails; a requester still
// waiting to confirm their address can ask for a new code here.
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { MessagePage, StatusPage } from "~/components/privacy-centre-pages";
import { formatLocalDate } from "~/i18n/format-date";
import { resolveShopperLocale } from "~/i18n/locale";
import { createShopperTranslator } from "~/i18n/translate";
import { liquidResponse } from "~/services/privacy-centre/liquid-response.server";
import { type ProxyContext, requireProxy } from "~/services/privacy-centre/proxy-auth.server";
import {
  requestIdOfStatusToken,
  storefrontRequestStatus,
} from "~/services/privacy-centre/request-status.server";
import { resendIdentityCode } from "~/services/requests/request-actions.server";

async function page(context: AppLoadContext, proxy: ProxyContext, token: string, notice?: string) {
  const t = createShopperTranslator(proxy.shopperLocale);
  const status = await storefrontRequestStatus(context.db, context.encryptionKey, proxy.shop.id, token);
  if (!status)
    return liquidResponse(<MessagePage title={t("privacy.notFoundTitle")} body={t("privacy.notFound")} />, {
      status: 404,
    });
  const day = (local: string) => formatLocalDate(proxy.shopperLocale, local);
  return liquidResponse(
    <StatusPage
      locale={proxy.shopperLocale}
      prefix={proxy.pathPrefix}
      token={token}
      canResend={status.canResend}
      notice={notice}
      reference={status.reference}
      type={status.type}
      state={status.state}
      receivedOn={day(status.receivedOn)}
      dueOn={status.dueOn ? day(status.dueOn) : null}
    />,
  );
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const proxy = await requireProxy(request, context);
  return page(context, proxy, new URL(request.url).searchParams.get("t") ?? "");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const proxy = await requireProxy(request, context);
  const form = await request.formData();
  proxy.shopperLocale = resolveShopperLocale(String(form.get("locale") ?? ""), null, proxy.shopperLocale);
  const t = createShopperTranslator(proxy.shopperLocale);
  const token = String(form.get("t") ?? "");
  const requestId = requestIdOfStatusToken(context.encryptionKey, token);
  if (!requestId) return page(context, proxy, token);
  const outcome = await resendIdentityCode(
    context.db,
    context.links(proxy.shop.domain, proxy.pathPrefix),
    proxy.shop,
    requestId,
  );
  return page(
    context,
    proxy,
    token,
    outcome === "sent" ? t("privacy.resent") : outcome === "limit" ? t("privacy.resendLimit") : undefined,
  );
}
