// The shopper's own consent records (newsletter and trackers) as an ISO/IEC TS 27560 receipt: a page
// and a JSON download. Shown only to the customer the app proxy's signed logged_in_customer_id names.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ConsentReceiptPage } from "~/components/consent-receipt-page";
import { MessagePage } from "~/components/privacy-centre-pages";
import { createShopperTranslator } from "~/i18n/translate";
import { shopperConsentReceipt } from "~/services/privacy-centre/consent-receipt.server";
import { liquidResponse } from "~/services/privacy-centre/liquid-response.server";
import { requireProxy } from "~/services/privacy-centre/proxy-auth.server";
import { shopTimeZone } from "~/services/shop-settings.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const proxy = await requireProxy(request, context);
  const t = createShopperTranslator(proxy.shopperLocale);
  const customerId = proxy.loggedInCustomerId;
  const json = new URL(request.url).searchParams.get("format") === "json";
  if (!customerId) {
    if (json) return new Response("Unauthorized", { status: 401, headers: { "cache-control": "no-store" } });
    return liquidResponse(
      <MessagePage
        title={t("consentReceipt.signInTitle")}
        body={t("consentReceipt.signIn")}
        link={{ href: "/account/login", label: t("consentReceipt.signInLink") }}
      />,
      { status: 401 },
    );
  }
  const receipt = await shopperConsentReceipt(context.db, proxy.shop.id, customerId, proxy.shopperLocale);
  if (json) {
    return new Response(`${JSON.stringify(receipt, null, 2)}\n`, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="consent-receipt-${receipt.receiptId.slice(0, 12)}.json"`,
        "cache-control": "no-store",
      },
    });
  }
  return liquidResponse(
    <ConsentReceiptPage
      locale={proxy.shopperLocale}
      prefix={proxy.pathPrefix}
      receipt={receipt}
      timeZone={await shopTimeZone(context.db, proxy.shop.id)}
    />,
  );
}
