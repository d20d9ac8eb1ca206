// The privacy notice in force (GDPR art. 13–14), in the shop's theme through the app proxy; an
// earlier version with `?version=`.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NoticeView } from "~/components/notice-view";
import { MessagePage } from "~/components/privacy-centre-pages";
import { noticeFor } from "~/domain/notice/notice";
import { formatDate } from "~/i18n/format-date";
import { createShopperTranslator } from "~/i18n/translate";
import { liquidResponse } from "~/services/privacy-centre/liquid-response.server";
import { requireProxy } from "~/services/privacy-centre/proxy-auth.server";
import { publishedNotice } from "~/services/privacy-notice.server";
import { shopTimeZone } from "~/services/shop-settings.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const proxy = await requireProxy(request, context);
  const t = createShopperTranslator(proxy.shopperLocale);
  const asked = new URL(request.url).searchParams.get("version");
  const version = asked && /^\d{1,6}$/.test(asked) ? Number(asked) : undefined;
  const notice =
    asked && version === undefined ? null : await publishedNotice(context.db, proxy.shop.id, version);
  if (!notice) {
    return liquidResponse(
      <MessagePage title={t("privacy.noticeMissingTitle")} body={t("privacy.noticeMissing")} />,
      {
        status: 404,
      },
    );
  }
  const date = formatDate(proxy.shopperLocale, notice.publishedAt, {
    timeZone: await shopTimeZone(context.db, proxy.shop.id),
  });
  const shown = noticeFor(notice.content, proxy.shopperLocale);
  return liquidResponse(
    // A version published before the notice spoke five languages shows the shop's French (docs/decisions/083).
    <section
      className="vigie-privacy"
      style={{ maxWidth: "40rem", margin: "2rem auto", padding: "0 1rem", lineHeight: 1.5 }}
    >
      <NoticeView
        notice={shown.notice}
        lang={shown.locale === proxy.shopperLocale ? undefined : shown.locale}
        footer={t("privacy.noticeVersionLine", { version: notice.version, date })}
      />
    </section>,
  );
}
