// The Cookies page's banner settings (docs/decisions/063): texts per language over Vigie's defaults,
// colours and position with a live preview (the storefront's own script and styles, in a sandboxed
// frame), Consent Mode, and re-asking after a change. Colours below WCAG AA are flagged as you type
// and refused on save.
import { Form } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  InlineGrid,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useMemo, useState } from "react";
import {
  type BannerColours,
  type BannerPosition,
  type BannerTextOverrides,
  type ContrastPair,
  contrastProblems,
  EDITABLE_BANNER_TEXTS,
  type EditableBannerText,
} from "~/domain/consent/banner-look";
import { LOCALES, type Locale, SHOPPER_LOCALES, type ShopperLocale } from "~/i18n/locale";
import { createTranslator, type MessageKey } from "~/i18n/translate";
import { useTranslation } from "~/i18n/use-translation";

type Settings = {
  askAgainOnChange: boolean;
  consentMode: boolean;
  position: BannerPosition;
  colours: BannerColours;
  texts: Record<Locale, BannerTextOverrides>;
};
type Problem = { pair: ContrastPair; ratio: number; minimum: number };

const COLOURS = ["background", "text", "button", "buttonText"] as const;
/** The languages whose texts the shop may reword (docs/decisions/082: the others keep the catalogue's). */
const editable = (locale: ShopperLocale): locale is Locale => (LOCALES as readonly string[]).includes(locale);

/** Vigie's own wording of each editable text, in one language. */
function defaults(locale: Locale, shop: string): Record<EditableBannerText, string> {
  const t = createTranslator(locale);
  return {
    title: t("banner.title"),
    intro: t("banner.intro", { shop }),
    refuseAll: t("banner.refuseAll"),
    acceptAll: t("banner.acceptAll"),
    choose: t("banner.choose"),
    save: t("banner.save"),
  };
}

function previewDocument(assets: { js: string; css: string }, locale: ShopperLocale, config: object): string {
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  const js = assets.js.replace(/<\/script/gi, "<\\/script");
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><style>${assets.css}</style></head>
<body style="margin:0;min-height:100vh;background:#e5e7eb"><div id="vigie-cookie-banner" hidden data-locale="${locale}" data-notice="#"></div>
<script>window.vigieBannerPreview=${json}</script><script>${js}</script></body></html>`;
}

export function BannerEditor(props: {
  shopName: string;
  /** Each language's version in force. */
  versions: Record<ShopperLocale, string>;
  settings: Settings;
  /** Every language's texts in force (purposes and processors for the preview's second layer). */
  texts: Record<ShopperLocale, object>;
  assets: { js: string; css: string };
  saved: boolean;
  refused: { contrast: Problem[]; invalid: boolean } | null;
}) {
  const { locale, t } = useTranslation();
  const [state, setState] = useState<Settings>(props.settings);
  const [previewLocale, setPreviewLocale] = useState<ShopperLocale>("fr");
  const problems = contrastProblems(state.colours);
  // The colours as they stand: a refusal on save showed the same pairs, and clears once they are fixed.
  const shown = problems;
  const config = useMemo(() => {
    // The form's texts as typed (an emptied field shows Vigie's wording again), where the shop may reword.
    const own = editable(previewLocale)
      ? {
          ...defaults(previewLocale, props.shopName),
          ...Object.fromEntries(
            Object.entries(state.texts[previewLocale]).filter(([, value]) => value && value.trim() !== ""),
          ),
        }
      : {};
    return {
      locale: previewLocale,
      version: props.versions[previewLocale],
      texts: { ...props.texts[previewLocale], ...own },
      look: { position: state.position, colours: state.colours },
      askAgain: false,
    };
  }, [state, previewLocale, props.texts, props.versions, props.shopName]);
  const setText = (locale: Locale, key: EditableBannerText, value: string) =>
    setState((s) => ({ ...s, texts: { ...s.texts, [locale]: { ...s.texts[locale], [key]: value } } }));
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: 2 }).format(value);
  const problemText = (p: Problem) =>
    t("cookieBanner.contrastError", {
      pair: t(`cookieBanner.pairs.${p.pair}` as MessageKey),
      ratio: number(p.ratio, 2),
      minimum: number(p.minimum, 1),
    });
  return (
    <Card>
      <Form method="post">
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">
            {t("cookieBanner.settingsTitle")}
          </Text>
          {props.saved ? <Banner tone="success">{t("cookieBanner.saved")}</Banner> : null}
          {props.refused?.invalid ? <Banner tone="critical">{t("cookieBanner.invalid")}</Banner> : null}
          {shown.length > 0 ? (
            <div role="alert" data-testid="contrast-errors">
              <Banner tone="critical">
                <BlockStack gap="100">
                  {shown.map((p) => (
                    <Text as="p" key={p.pair}>
                      {problemText(p)}
                    </Text>
                  ))}
                </BlockStack>
              </Banner>
            </div>
          ) : null}
          <Text as="h3" variant="headingSm">
            {t("cookieBanner.textsTitle")}
          </Text>
          <Text as="p" tone="subdued">
            {t("cookieBanner.textsHelp")}
          </Text>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            {LOCALES.map((lang) => {
              const fallback = defaults(lang, props.shopName);
              return (
                <BlockStack gap="200" key={lang}>
                  <Text as="h4" variant="headingSm">
                    {t(`cookieBanner.languages.${lang}` as MessageKey)}
                  </Text>
                  {EDITABLE_BANNER_TEXTS.map((key) => (
                    <TextField
                      key={key}
                      label={`${t(`cookieBanner.fields.${key}` as MessageKey)} (${t(`cookieBanner.languages.${lang}` as MessageKey)})`}
                      name={`text.${lang}.${key}`}
                      value={state.texts[lang][key] ?? ""}
                      placeholder={fallback[key]}
                      onChange={(value) => setText(lang, key, value)}
                      multiline={key === "intro" ? 3 : undefined}
                      autoComplete="off"
                    />
                  ))}
                </BlockStack>
              );
            })}
          </InlineGrid>
          <Text as="h3" variant="headingSm">
            {t("cookieBanner.look")}
          </Text>
          <InlineStack gap="400" blockAlign="end">
            {COLOURS.map((key) => (
              <label key={key} style={{ display: "grid", gap: "0.25rem" }}>
                <span>{t(`cookieBanner.colours.${key}` as MessageKey)}</span>
                <input
                  type="color"
                  name={`colour.${key}`}
                  value={state.colours[key]}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setState((s) => ({ ...s, colours: { ...s.colours, [key]: value } }));
                  }}
                  style={{ width: "4rem", height: "2.25rem" }}
                />
              </label>
            ))}
            <Select
              label={t("cookieBanner.position")}
              name="position"
              value={state.position}
              onChange={(value) => setState((s) => ({ ...s, position: value as BannerPosition }))}
              options={[
                { value: "bottom", label: t("cookieBanner.positions.bottom") },
                { value: "center", label: t("cookieBanner.positions.center") },
              ]}
            />
          </InlineStack>
          <InlineStack gap="200" blockAlign="center">
            <Text as="h3" variant="headingSm">
              {t("cookieBanner.preview")}
            </Text>
            <Select
              label={t("cookieBanner.previewLanguage")}
              labelInline
              value={previewLocale}
              onChange={(value) => setPreviewLocale(value as ShopperLocale)}
              options={SHOPPER_LOCALES.map((l) => ({
                value: l,
                label: t(`cookieBanner.languages.${l}` as MessageKey),
              }))}
            />
          </InlineStack>
          <iframe
            title={t("cookieBanner.previewFrame")}
            data-testid="banner-preview"
            sandbox="allow-scripts"
            // A picture of the banner: its dialog traps focus, so Tab must not walk into it.
            tabIndex={-1}
            srcDoc={previewDocument(props.assets, previewLocale, config)}
            style={{ width: "100%", height: "26rem", border: "1px solid #d1d5db", borderRadius: "8px" }}
          />
          <Checkbox
            label={t("cookieBanner.consentModeLabel")}
            helpText={t("cookieBanner.consentMode")}
            checked={state.consentMode}
            onChange={(value) => setState((s) => ({ ...s, consentMode: value }))}
          />
          <input type="hidden" name="consentMode" value={state.consentMode ? "on" : "off"} />
          <Checkbox
            label={t("cookieBanner.askAgainOnChange")}
            checked={state.askAgainOnChange}
            onChange={(value) => setState((s) => ({ ...s, askAgainOnChange: value }))}
          />
          <input type="hidden" name="askAgainOnChange" value={state.askAgainOnChange ? "on" : "off"} />
          <InlineStack>
            <Button submit variant="primary">
              {t("cookieBanner.save")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
