// The storefront cookie banner for staff (docs/decisions/043): the version in force, its purposes and
// processors read from the record of processing, 30 days of acceptance and refusal per purpose, a
// visitor's choices with their proof (and as CSV), and whether a change of purposes asks again.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  List,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { BannerEditor } from "~/components/banner-editor";
import { ListEmptyState } from "~/components/list-empty-state";
import { withSearch } from "~/components/nav-items";
import { EDITABLE_BANNER_TEXTS } from "~/domain/consent/banner-look";
import { type Locale, SHOPPER_LOCALES, shopperLocaleOf } from "~/i18n/locale";
import type { MessageKey } from "~/i18n/translate";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import {
  bannerOverview,
  bannerPreviewAssets,
  saveBannerSettings,
  visitorChoices,
} from "~/services/cookie-banner.server";

const VisitorSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f-]{36}$/);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdmin(request, context);
  const visitor = VisitorSchema.safeParse(new URL(request.url).searchParams.get("visitor") ?? "");
  const overview = await bannerOverview(context.db, shop.id, locale);
  const assets = bannerPreviewAssets();
  const choices = visitor.success ? await visitorChoices(context.db, shop.id, visitor.data) : null;
  return {
    ...overview,
    shopName: shop.name ?? shop.domain,
    assets,
    visitor: visitor.success ? visitor.data : null,
    choices: choices?.map((event) => ({
      id: event.id,
      occurredAt: event.occurredAt,
      purpose: event.purpose.replace("tracking_", ""),
      kind: event.kind,
      region: event.region ?? "",
      locale: event.wordingLocale ?? "",
      gpc: event.gpc === true,
      hash: event.hash,
    })),
  };
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
  const [visitor, setVisitor] = useState(data.visitor ?? "");
  const title = (key: string) => data.purposes.find((p) => p.key === key)?.title ?? key;
  const language = (code: string) => {
    const known = shopperLocaleOf(code);
    return known ? t(`cookieBanner.languages.${known}` as MessageKey) : code;
  };
  const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)} %`);
  const weekCell = (r: { accepted: number; refused: number; rate: number | null }) =>
    r.rate === null ? "—" : `${percent(r.rate)} (${r.accepted}/${r.accepted + r.refused})`;
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
        <Card>
          <BlockStack gap="200">
            <Text as="p" tone="subdued">
              {t("cookieBanner.help")}
            </Text>
            <Text as="span">{t("cookieBanner.version")}</Text>
            {/* Each language has its own version (docs/decisions/082). */}
            <div data-testid="banner-version">
              <InlineStack gap="400">
                {SHOPPER_LOCALES.map((l) => (
                  <InlineStack gap="100" key={l}>
                    <Text as="span">{language(l)}</Text>
                    <code data-testid={`banner-version-${l}`}>{data.versions[l]}</code>
                  </InlineStack>
                ))}
              </InlineStack>
            </div>
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              {t("cookieBanner.purposes")}
            </Text>
            <List>
              {data.purposes.map((purpose) => (
                <List.Item key={purpose.key}>
                  <strong>{purpose.title}</strong> — {purpose.description}{" "}
                  {purpose.processors.length > 0
                    ? `(${purpose.processors.join(locale === "fr" ? "\u00a0; " : "; ")})`
                    : ""}
                </List.Item>
              ))}
            </List>
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              {t("cookieBanner.rates")}
            </Text>
            <div data-testid="banner-rates">
              <DataTable
                columnContentTypes={["text", "numeric", "numeric", "numeric"]}
                headings={[
                  t("cookieBanner.purpose"),
                  t("cookieBanner.accepted"),
                  t("cookieBanner.refused"),
                  t("cookieBanner.rate"),
                ]}
                rows={data.rates.map((r) => [title(r.key), r.accepted, r.refused, percent(r.rate)])}
              />
            </div>
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              {t("cookieBanner.weeks")}
            </Text>
            <Text as="p" tone="subdued">
              {t("cookieBanner.weeksHelp")}
            </Text>
            <div data-testid="banner-weeks">
              <DataTable
                columnContentTypes={["text", ...data.rates.map(() => "numeric" as const)]}
                headings={[t("cookieBanner.weekOf"), ...data.rates.map((r) => title(r.key))]}
                rows={[...data.weeks]
                  .reverse()
                  .map((w) => [dates.day(w.week), ...w.rates.map((r) => weekCell(r))])}
              />
            </div>
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("cookieBanner.findVisitor")}
            </Text>
            <Form method="get">
              {["locale", "host", "shop", "embedded"].map((name) => {
                const value = new URLSearchParams(search).get(name);
                return value ? <input key={name} type="hidden" name={name} value={value} /> : null;
              })}
              <InlineStack gap="200" blockAlign="end">
                <TextField
                  label={t("cookieBanner.visitorId")}
                  name="visitor"
                  value={visitor}
                  onChange={setVisitor}
                  autoComplete="off"
                />
                <Button submit>{t("cookieBanner.find")}</Button>
              </InlineStack>
            </Form>
            {data.choices && data.choices.length === 0 ? (
              <ListEmptyState
                testId="visitor-no-match"
                heading={t("emptyStates.cookieVisitor.heading")}
                help={t("emptyStates.cookieVisitor.help")}
              />
            ) : null}
            {data.choices && data.choices.length > 0 ? (
              <BlockStack gap="200">
                <div data-testid="visitor-choices">
                  <DataTable
                    columnContentTypes={["text", "text", "text", "text", "text", "text", "text"]}
                    headings={[
                      t("cookieBanner.when"),
                      t("cookieBanner.purpose"),
                      t("cookieBanner.choice"),
                      t("cookieBanner.region"),
                      t("cookieBanner.language"),
                      t("cookieBanner.gpc"),
                      t("cookieBanner.hash"),
                    ]}
                    rows={data.choices.map((c) => [
                      c.occurredAt,
                      title(c.purpose),
                      c.kind === "granted" ? t("cookieBanner.accepted") : t("cookieBanner.refused"),
                      c.region,
                      language(c.locale),
                      c.gpc ? "✓" : "",
                      c.hash.slice(0, 16),
                    ])}
                  />
                </div>
                <InlineStack>
                  <Button
                    url={withSearch(`/app/consents/ledger.csv?visitor=${data.visitor}`, search)}
                    external
                  >
                    {t("cookieBanner.exportCsv")}
                  </Button>
                </InlineStack>
              </BlockStack>
            ) : null}
          </BlockStack>
        </Card>
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
