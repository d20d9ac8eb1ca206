// The confirmation link of the double opt-in e-mail (docs/decisions/039). GET shows what will be
// confirmed (mail scanners follow links: a GET never confirms, or the proof would be a robot's);
// POST, the shopper's click, records the confirmed grant.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ShopperPage, shopperButtonStyle } from "~/components/shopper-page";
import { CLIENT_IP_HEADER } from "~/http/remix-adapter.server";
import { resolveShopperLocale } from "~/i18n/locale";
import { createShopperTranslator } from "~/i18n/translate";
import { confirmBySignedLink, inspectConfirmationLink } from "~/services/consent-confirmation.server";

// The root's title (what this page is for), and no indexing.
export const meta: MetaFunction = ({ matches }) => [
  ...(matches.find((match) => match.id === "root")?.meta ?? []),
  { name: "robots", content: "noindex" },
];

function localeFor(request: Request, wordingLocale?: string | null) {
  return resolveShopperLocale(
    new URL(request.url).searchParams.get("locale") ?? wordingLocale,
    request.headers.get("accept-language"),
  );
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const link = await inspectConfirmationLink(context.db, context.encryptionKey, params.token ?? "");
  if (!link.found) return Response.json({ locale: localeFor(request), link }, { status: 404 });
  return { locale: localeFor(request, link.locale), link };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const link = await confirmBySignedLink({
    db: context.db,
    secret: context.encryptionKey,
    token: params.token ?? "",
    ip: request.headers.get(CLIENT_IP_HEADER),
    userAgent: request.headers.get("user-agent"),
  });
  if (!link.found) return Response.json({ link }, { status: 404 });
  return { link };
}

export default function ConfirmSubscription() {
  const data = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const t = createShopperTranslator(data.locale);
  const link = posted?.link ?? data.link;
  if (!link.found) {
    return (
      <ShopperPage title={t("unsubscribe.invalidTitle")}>
        <p>{t("unsubscribe.invalidBody")}</p>
      </ShopperPage>
    );
  }
  const shop = link.shopName;
  switch (link.decision) {
    case "already_subscribed":
      return (
        <ShopperPage title={t("consentConfirm.doneTitle")}>
          <p data-testid="confirmed">{t("consentConfirm.doneBody", { shop })}</p>
        </ShopperPage>
      );
    case "lapsed":
      return (
        <ShopperPage title={t("consentConfirm.lapsedTitle")}>
          <p>{t("consentConfirm.lapsedBody", { shop })}</p>
        </ShopperPage>
      );
    case "not_pending":
      return (
        <ShopperPage title={t("consentConfirm.overTitle")}>
          <p>{t("consentConfirm.overBody")}</p>
        </ShopperPage>
      );
    case "confirm":
      // After the POST the decision was "confirm" and it was recorded.
      if (posted?.link.found) {
        return (
          <ShopperPage title={t("consentConfirm.doneTitle")}>
            <p data-testid="confirmed">{t("consentConfirm.doneBody", { shop })}</p>
          </ShopperPage>
        );
      }
      return (
        <ShopperPage title={t("consentConfirm.title")}>
          <p>{t("consentConfirm.body", { shop })}</p>
          {link.wording && (
            <blockquote style={{ margin: "0 0 1rem", paddingLeft: "1rem", borderLeft: "4px solid #e4e7eb" }}>
              {link.wording}
            </blockquote>
          )}
          <Form method="post">
            <button type="submit" style={shopperButtonStyle}>
              {t("consentConfirm.confirm")}
            </button>
          </Form>
          <p style={{ fontSize: "0.9rem", color: "#52606d" }}>{t("consentConfirm.note")}</p>
        </ShopperPage>
      );
  }
}
