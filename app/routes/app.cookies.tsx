// The storefront cookie banner for staff (docs/decisions/043): the version in force, its purposes and
// processors read from the record of processing, 30 days of acceptance and refusal per purpose, a
// visitor's choices with their proof (and as CSV), and whether a change of purposes asks again.
// The page service is cookiesPage; each card is in app/components/cookies-page/.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { BlockStack, Page } from "@shopify/polaris";
import { z } from "zod";
import { BannerEditor } from "~/components/banner-editor";
import type { CookiesCardProps } from "~/components/cookies-page/kit";
import { BannerPurposesCard } from "~/components/cookies-page/purposes-card";
import { BannerRatesCard, BannerWeeksCard } from "~/components/cookies-page/rates-cards";
import { BannerVersionCard } from "~/components/cookies-page/version-card";
import { VisitorChoicesCard } from "~/components/cookies-page/visitor-card";
import { withSearch } from "~/components/nav-items";
import { EDITABLE_BANNER_TEXTS } from "~/domain/consent/banner-look";
import { type Locale, SHOPPER_LOCALES, shopperLocaleOf } from "~/i18n/locale";
import type { MessageKey } from "~/i18n/translate";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { cookiesPage, saveBannerSettings } from "~/services/cookie-banner.server";

const VisitorSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f-]{36}$/);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdmin(request, context);
  const visitor = VisitorSchema.safeParse(new URL(request.url).searchParams.get("visitor") ?? "");
  return cookiesPage(context.db, shop, locale, visitor.success ? visitor.data : null);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? "");
  const texts = (locale: Locale) =>
    Object.fromEntries(EDITABLE_BANNER_TEXTS.map((key) => [key, text(`text.${locale}.${key}`)]));
  const outcome = await saveBannerSettings(context.db, shop.id, staffId, {
    askAgainOnChange: text("askAgainOnChange") === "on",
    consentMode: text("consentMode") === "on",
    position: text("position") as "bottom",
    colours: {
      background: text("colour.background"),
      text: text("colour.text"),
      button: text("colour.button"),
      buttonText: text("colour.buttonText"),
    },
    texts: { fr: texts("fr"), en: texts("en") },
  });
  return outcome.ok
    ? { saved: true, refused: null }
    : { saved: false, refused: { contrast: outcome.contrast, invalid: outcome.invalid } };
}

export default function Cookies() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { locale, t } = useTranslation();
  const dates = useDates();
  const { search } = useLocation();
  const props: CookiesCardProps = {
    data,
    locale,
    t,
    title: (key) => data.purposes.find((p) => p.key === key)?.title ?? key,
    language: (code) => {
      const known = shopperLocaleOf(code);
      return known ? t(`cookieBanner.languages.${known}` as MessageKey) : code;
    },
  };
  return (
    <Page
      title={t("cookieBanner.title")}
      secondaryActions={[
        {
          content: t("cookieBanner.exportCsv"),
          url: withSearch("/app/consents/ledger.csv?source=banner", search),
          external: true,
        },
      ]}
    >
      <BlockStack gap="400">
        <BannerVersionCard {...props} />
        <BannerPurposesCard {...props} />
        <BannerRatesCard {...props} />
        <BannerWeeksCard {...props} day={dates.day} />
        <VisitorChoicesCard {...props} search={search} />
        <BannerEditor
          key={SHOPPER_LOCALES.map((l) => data.versions[l]).join()}
          shopName={data.shopName}
          versions={data.versions}
          settings={data.settings}
          texts={data.texts}
          assets={data.assets}
          saved={answer?.saved === true}
          refused={answer?.refused ?? null}
        />
      </BlockStack>
    </Page>
  );
}
