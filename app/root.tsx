import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData } from "@remix-run/react";
import { NAV_ITEMS } from "~/components/nav-items";
import { type Locale, resolveLocale, resolveShopperLocale } from "~/i18n/locale";
import {
  createShopperTranslator,
  createTranslator,
  type MessageKey,
  type ShopperMessageKey,
} from "~/i18n/translate";

/** The pages shoppers open from an e-mail: titled, and their html lang set, in the shopper's language. */
const SHOPPER_PAGES: [string, ShopperMessageKey][] = [
  ["/consent/unsubscribe/", "unsubscribe.title"],
  ["/consent/confirm/", "consentConfirm.title"],
  ["/consent/renew/", "shopper.repermission.title"],
];

/** The page's title (WCAG 2.4.2): its admin section, or what a shopper's page is for; then the app. */
function pageTitle(locale: Locale, pathname: string) {
  const t = createTranslator(locale);
  const own: [string, MessageKey][] = [
    ["/app/outbox", "outbox.title"],
    ...NAV_ITEMS.map((item) => [item.path, item.label] as [string, MessageKey]),
  ];
  const match = own
    .filter(([path]) => pathname === path || pathname.startsWith(path.endsWith("/") ? path : `${path}/`))
    .sort((a, b) => b[0].length - a[0].length)[0];
  return match ? `${t(match[1])} · ${t("app.name")}` : t("app.name");
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const param = url.searchParams.get("locale");
  const acceptLanguage = request.headers.get("accept-language");
  const shopperPage = SHOPPER_PAGES.find(([path]) => url.pathname.startsWith(path));
  if (shopperPage) {
    const locale = resolveShopperLocale(param, acceptLanguage);
    return { locale, title: `${createShopperTranslator(locale)(shopperPage[1])} · Vigie` };
  }
  const locale = resolveLocale(param, acceptLanguage);
  return { locale, title: pageTitle(locale, url.pathname) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Vigie" }];

export default function App() {
  const { locale } = useLoaderData<typeof loader>();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}
