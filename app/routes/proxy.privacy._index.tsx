// The storefront privacy centre's own page (the theme block links or posts here through the app proxy).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { RequestFormPage } from "~/components/privacy-centre-pages";
import { liquidResponse } from "~/services/privacy-centre/liquid-response.server";
import { accountEmail, requireProxy } from "~/services/privacy-centre/proxy-auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const db = context.db;
  const proxy = await requireProxy(request, context);
  const email = await accountEmail(db, proxy);
  return liquidResponse(
    <RequestFormPage
      locale={proxy.shopperLocale}
      prefix={proxy.pathPrefix}
      email={email ?? ""}
      readonlyEmail={Boolean(email)}
    />,
  );
}
