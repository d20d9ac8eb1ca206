// The unsubscribe link of every marketing-related e-mail. GET shows what will happen (mail
// scanners follow links: a GET never withdraws); POST withdraws, including RFC 8058 one-click
// (List-Unsubscribe-Post) posts from mail clients.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ShopperPage, shopperButtonStyle } from "~/components/shopper-page";
import { CLIENT_IP_HEADER } from "~/http/remix-adapter.server";
import { resolveShopperLocale } from "~/i18n/locale";
import { createShopperTranslator } from "~/i18n/translate";
import { resolveUnsubscribeLink, withdrawBySignedLink } from "~/services/unsubscribe.server";

// The root's title (what this page is for), and no indexing.
export const meta: MetaFunction = ({ matches }) => [
  ...(matches.find((match) => match.id === "root")?.meta ?? []),
  { name: "robots", content: "noindex" },
];

function localeFor(request: Request, subjectLocale?: string | null) {
  return resolveShopperLocale(
    new URL(request.url).searchParams.get("locale") ?? subjectLocale,
    request.headers.get("accept-language"),
  );
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const link = await resolveUnsubscribeLink(context.db, context.encryptionKey, params.token ?? "");
  const locale = localeFor(request, link?.subject.locale);
  if (!link) return Response.json({ locale, valid: false as const }, { status: 404 });
  return {
    locale,
    valid: true as const,
    shopName: link.shop.name ?? link.shop.domain,
    active: link.active,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const result = await withdrawBySignedLink({
    db: context.db,
    secret: context.encryptionKey,
    token: params.token ?? "",
    ip: request.headers.get(CLIENT_IP_HEADER),
    userAgent: request.headers.get("user-agent"),
  });
  if (!result.found) return Response.json({ done: false }, { status: 404 });
  return { done: true, shopName: result.shopName };
}

export default function Unsubscribe() {
  const data = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const t = createShopperTranslator(data.locale);
  if (!data.valid) {
    return (
      <ShopperPage title={t("unsubscribe.invalidTitle")}>
        <p>{t("unsubscribe.invalidBody")}</p>
      </ShopperPage>
    );
  }
  if (done?.done || !data.active) {
    return (
      <ShopperPage title={t("unsubscribe.doneTitle")}>
        <p data-testid="unsubscribed">{t("unsubscribe.doneBody", { shop: data.shopName })}</p>
      </ShopperPage>
    );
  }
  return (
    <ShopperPage title={t("unsubscribe.title")}>
      <p>{t("unsubscribe.body", { shop: data.shopName })}</p>
      <Form method="post">
        <button type="submit" style={shopperButtonStyle}>
          {t("unsubscribe.confirm")}
        </button>
      </Form>
      <p style={{ fontSize: "0.9rem", color: "#52606d" }}>{t("unsubscribe.note")}</p>
    </ShopperPage>
  );
}
