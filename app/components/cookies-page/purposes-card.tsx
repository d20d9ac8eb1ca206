// The banner's purposes, each with its description and processors, as the record of processing holds them.
import { BlockStack, Card, List, Text } from "@shopify/polaris";
import type { CookiesCardProps } from "./kit";

export function BannerPurposesCard({ data, locale, t }: CookiesCardProps) {
  return (
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
  );
}
