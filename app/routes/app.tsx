// Layout of the staff admin. Embedded in Shopify: App Bridge and its navigation menu. In the
// sandbox: a plain Polaris frame with a side menu and a banner saying what is simulated.
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import {
  Banner,
  Box,
  Frame,
  InlineStack,
  Navigation,
  AppProvider as PolarisAppProvider,
} from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisFr from "@shopify/polaris/locales/fr.json";
import { EmbeddedAppProvider, ShopifyAuthBoundary } from "~/components/embedded-app";
import { ErrorPage } from "~/components/error-page";
import { NAV_ITEMS, withSearch } from "~/components/nav-items";
import { PolarisLink } from "~/components/polaris-link";
import { asSandboxShopGone, SandboxShopGonePage } from "~/components/sandbox-shop-gone";
import { localDay } from "~/i18n/format-date";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { shopTimeZone } from "~/services/shop-settings.server";

/** What the sandbox lets staff try as a shopper would (docs/decisions/065). */
const SANDBOX_LINKS = [
  { href: "/sandbox/storefront", label: "adminWalk.storefront" },
  { href: "/sandbox/storefront/apps/privacy", label: "adminWalk.privacyCentre" },
  { href: "/sandbox/storefront/thank-you", label: "adminWalk.thankYou" },
] as const;

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request, context);
  // Every date on the admin's pages in the shop's zone, deadlines from its today (useDates()).
  const timeZone = await shopTimeZone(context.db, admin.shop.id);
  return {
    timeZone,
    today: localDay(new Date(), timeZone),
    sandbox: admin.sandbox,
    apiKey: context.config.shopify?.apiKey ?? "",
    shopName: admin.shop.name ?? admin.shop.domain,
  };
}

export default function AppLayout() {
  const { sandbox, apiKey, shopName } = useLoaderData<typeof loader>();
  const { locale, t } = useTranslation();
  const { pathname, search } = useLocation();
  const i18n = locale === "fr" ? polarisFr : polarisEn;

  if (!sandbox) {
    return (
      <EmbeddedAppProvider apiKey={apiKey} i18n={i18n}>
        <NavMenu>
          {NAV_ITEMS.map((item, index) => (
            <Link key={item.path} to={withSearch(item.path, search)} rel={index === 0 ? "home" : undefined}>
              {t(item.label)}
            </Link>
          ))}
        </NavMenu>
        <Outlet />
      </EmbeddedAppProvider>
    );
  }

  const navigation = (
    <Navigation location={pathname}>
      <Navigation.Section
        title={t("app.name")}
        items={NAV_ITEMS.map((item) => ({
          url: withSearch(item.path, search),
          label: t(item.label),
          selected: item.path === "/app" ? pathname === "/app" : pathname.startsWith(item.path),
        }))}
      />
      <Navigation.Section
        title={t("sandbox.title")}
        items={[
          {
            url: withSearch("/app/outbox", search),
            label: t("adminWalk.outbox"),
            selected: pathname.startsWith("/app/outbox"),
          },
        ]}
      />
    </Navigation>
  );
  return (
    <PolarisAppProvider i18n={i18n} linkComponent={PolarisLink}>
      <Frame navigation={navigation}>
        <Box padding="400" paddingBlockEnd="0">
          <Banner tone="warning" title={t("sandbox.title")}>
            <p data-testid="sandbox-banner">{t("sandbox.body", { shop: shopName })}</p>
            <nav aria-label={t("adminWalk.sandboxLinks")} data-testid="sandbox-links">
              <InlineStack gap="400">
                {SANDBOX_LINKS.map((link) => (
                  <a key={link.href} href={withSearch(link.href, search)} target="_blank" rel="noreferrer">
                    {t(link.label)}
                  </a>
                ))}
                <Link to={withSearch("/app/outbox", search)}>{t("adminWalk.outbox")}</Link>
              </InlineStack>
            </nav>
          </Banner>
        </Box>
        <Outlet />
      </Frame>
    </PolarisAppProvider>
  );
}

// Shopify's library throws Responses (bounce pages, re-auth headers): show them, keep their headers.
export function ErrorBoundary() {
  const error = useRouteError();
  const gone = asSandboxShopGone(error);
  if (gone) return <SandboxShopGonePage shop={gone.shop} />;
  return <ShopifyAuthBoundary error={error} fallback={<ErrorPage error={error} />} />;
}

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) =>
  errorHeaders && [...errorHeaders.keys()].length > 0 ? errorHeaders : loaderHeaders;
