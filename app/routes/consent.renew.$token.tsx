// The re-permission link (docs/decisions/069): GET shows the question (mail scanners follow links:
// a GET never renews, or the proof would be a robot's); POST, the shopper's click, renews the consent.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ShopperPage, shopperButtonStyle } from "~/components/shopper-page";
import { CLIENT_IP_HEADER } from "~/http/remix-adapter.server";
import { formatLocalDate } from "~/i18n/format-date";
import { resolveShopperLocale, type ShopperLocale } from "~/i18n/locale";
import { createShopperTranslator } from "~/i18n/translate";
import { inspectRenewalLink, type RenewalLink, renewBySignedLink } from "~/services/repermission.server";

export const meta: MetaFunction = ({ matches }) => [
  ...(matches.find((match) => match.id === "root")?.meta ?? []),
  { name: "robots", content: "noindex" },
];

function localeFor(request: Request, linkLocale?: string | null) {
  return resolveShopperLocale(
    new URL(request.url).searchParams.get("locale") ?? linkLocale,
    request.headers.get("accept-language"),
  );
}

/** 404 for a link that is not genuine, 410 once its period is over. */
function statusOf(link: RenewalLink) {
  if (!link.found) return 404;
  return link.decision === "expired" ? 410 : 200;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const link = await inspectRenewalLink(context.db, context.encryptionKey, params.token ?? "");
  const locale = localeFor(request, link.found ? link.locale : null);
  return Response.json({ locale, link, posted: false }, { status: statusOf(link) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const link = await renewBySignedLink({
    db: context.db,
    secret: context.encryptionKey,
    token: params.token ?? "",
    ip: request.headers.get(CLIENT_IP_HEADER),
    userAgent: request.headers.get("user-agent"),
  });
  const locale = localeFor(request, link.found ? link.locale : null);
  return Response.json({ locale, link, posted: true }, { status: statusOf(link) });
}

type Data = { locale: ShopperLocale; link: RenewalLink; posted: boolean };

export default function RenewSubscription() {
  const data = useLoaderData<Data>();
  const after = useActionData<Data>();
  const { locale, link, posted } = after ?? data;
  const t = createShopperTranslator(locale);
  if (!link.found) {
    return (
      <ShopperPage title={t("shopper.repermission.invalidTitle")}>
        <p>{t("shopper.repermission.invalidBody")}</p>
      </ShopperPage>
    );
  }
  const shop = link.shopName;
  const done = link.decision === "already_renewed" || (posted && link.decision === "renew");
  if (done) {
    return (
      <ShopperPage title={t("shopper.repermission.doneTitle")}>
        <p data-testid="renewed">{t("shopper.repermission.doneBody", { shop })}</p>
      </ShopperPage>
    );
  }
  if (link.decision === "expired") {
    return (
      <ShopperPage title={t("shopper.repermission.expiredTitle")}>
        <p>{t("shopper.repermission.expiredBody", { shop })}</p>
      </ShopperPage>
    );
  }
  if (link.decision === "not_subscribed") {
    return (
      <ShopperPage title={t("shopper.repermission.notSubscribedTitle")}>
        <p>{t("shopper.repermission.notSubscribedBody", { shop })}</p>
      </ShopperPage>
    );
  }
  return (
    <ShopperPage title={t("shopper.repermission.title")}>
      <p>{t("shopper.repermission.body", { shop, date: formatLocalDate(locale, link.endsOn) })}</p>
      <blockquote style={{ margin: "0 0 1rem", paddingLeft: "1rem", borderLeft: "4px solid #e4e7eb" }}>
        {link.wording}
      </blockquote>
      <Form method="post">
        <button type="submit" style={shopperButtonStyle}>
          {t("shopper.repermission.renew")}
        </button>
      </Form>
      <p style={{ fontSize: "0.9rem", color: "#52606d" }}>{t("shopper.repermission.note")}</p>
    </ShopperPage>
  );
}
