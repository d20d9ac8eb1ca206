// The storefront privacy centre's own page (the theme block links or posts here through the app proxy).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { RequestFormPage } from "~/components/privacy-centre-pages";
import { getDb } from "~/db.server";
import { getRuntime } from "~/runtime.server";
import { liquidResponse } from "~/services/privacy-centre/liquid-response.server";
import { requireProxy } from "~/services/privacy-centre/proxy-auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const proxy = await requireProxy(db, getRuntime().shopifySecret, request);
  const account = proxy.loggedInCustomerId
    ? await db.subject.findFirst({
        where: { shopId: proxy.shop.id, shopifyCustomerId: proxy.loggedInCustomerId },
        select: { email: true },
      })
    : null;
  return liquidResponse(
    <RequestFormPage
      locale={proxy.locale}
      prefix={proxy.pathPrefix}
      email={account?.email ?? ""}
      readonlyEmail={Boolean(account?.email)}
    />,
  );
}
