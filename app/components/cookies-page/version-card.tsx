// The banner's version in force, per language.
import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { SHOPPER_LOCALES } from "~/i18n/locale";
import type { CookiesCardProps } from "./kit";

export function BannerVersionCard({ data, t, language }: CookiesCardProps) {
  return (
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
  );
}
