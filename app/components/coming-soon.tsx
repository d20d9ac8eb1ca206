import { Badge, BlockStack, Card, InlineStack, Page, Text } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";

type Section = "retention";

/** A section that is not built yet, saying what it will do. */
export function ComingSoon({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`coming.${section}.title`)}>
      <Card>
        <BlockStack gap="300">
          <InlineStack>
            <Badge tone="info">{t("coming.badge")}</Badge>
          </InlineStack>
          <Text as="p">{t(`coming.${section}.body`)}</Text>
        </BlockStack>
      </Card>
    </Page>
  );
}
