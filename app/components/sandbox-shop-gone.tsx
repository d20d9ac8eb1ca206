// The sandbox's admin after `shop/redact` deleted the demo shop: what happened, and a button that
// re-creates it (routes/sandbox.demo-shop.tsx). Plain markup: it renders in the layout's error
// boundary, without Polaris' providers.
import { Form, isRouteErrorResponse } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

const REASON = "sandbox_shop_gone";

/** What requireAdmin throws (410) when the sandbox's demo shop is gone. */
export function sandboxShopGone(shop: string) {
  return { reason: REASON, shop };
}

/** The thrown answer's data when it is sandboxShopGone's; null for any other error. */
export function asSandboxShopGone(error: unknown): { shop: string } | null {
  if (!isRouteErrorResponse(error) || error.status !== 410) return null;
  const data = error.data as { reason?: unknown; shop?: unknown } | null;
  return data?.reason === REASON && typeof data.shop === "string" ? { shop: data.shop } : null;
}

export function SandboxShopGonePage({ shop }: { shop: string }) {
  const { locale, t } = useTranslation();
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", maxWidth: "40rem" }}>
      <h1>{t("sandbox.gone.title")}</h1>
      <p data-testid="sandbox-shop-gone">{t("sandbox.gone.body", { shop })}</p>
      <p>{t("sandbox.gone.help")}</p>
      <Form method="post" action="/sandbox/demo-shop">
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" style={{ font: "inherit", padding: "0.5rem 1rem" }}>
          {t("sandbox.gone.recreate")}
        </button>
      </Form>
    </main>
  );
}
