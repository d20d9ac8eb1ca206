// The embedded admin's providers: App Bridge (loaded from Shopify's CDN, as Shopify requires)
// and Polaris with Remix links. Written here because @shopify/shopify-app-remix/react's
// AppProvider uses JSON import attributes the classic Remix compiler cannot parse.
import { isRouteErrorResponse, useNavigate } from "@remix-run/react";
import { AppProvider, type AppProviderProps } from "@shopify/polaris";
import { type ReactNode, useEffect } from "react";
import { PolarisLink } from "./polaris-link";

export const APP_BRIDGE_URL = "https://cdn.shopify.com/shopifycloud/app-bridge.js";

export function EmbeddedAppProvider(props: {
  apiKey: string;
  i18n: AppProviderProps["i18n"];
  children: ReactNode;
}) {
  const navigate = useNavigate();
  useEffect(() => {
    // App Bridge's navigation menu announces clicks with this event: route them through Remix.
    const onNavigate = (event: Event) => {
      const href = (event.target as Element | null)?.getAttribute("href");
      if (href) navigate(href);
    };
    addEventListener("shopify:navigate", onNavigate);
    return () => removeEventListener("shopify:navigate", onNavigate);
  }, [navigate]);
  return (
    <>
      <script src={APP_BRIDGE_URL} data-api-key={props.apiKey} />
      <AppProvider i18n={props.i18n} linkComponent={PolarisLink}>
        {props.children}
      </AppProvider>
    </>
  );
}

/**
 * What an admin route's ErrorBoundary shows for a Response thrown by Shopify's authentication
 * (its body is the bounce page App Bridge needs); anything else is a real error.
 */
export function ShopifyAuthBoundary({ error, fallback }: { error: unknown; fallback: ReactNode }) {
  if (isRouteErrorResponse(error) && typeof error.data === "string" && error.status < 500) {
    // biome-ignore lint/security/noDangerouslySetInnerHtml: Shopify's own bounce page markup.
    return <div dangerouslySetInnerHTML={{ __html: error.data }} />;
  }
  return <>{fallback}</>;
}
