import { isRouteErrorResponse, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** A plain, translated error page (it must render even when Polaris' providers failed). */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
      <h1>{notFound ? t("errors.notFound") : t("errors.title")}</h1>
      <p>
        <Link to="/app">{t("errors.back")}</Link>
      </p>
    </main>
  );
}
