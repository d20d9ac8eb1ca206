// The record of processing activities (GDPR art. 30), drafted from the shop's settings.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, List, Page, Text } from "@shopify/polaris";
import { withSearch } from "~/components/nav-items";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { registerForShop } from "~/services/processing-register.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdmin(request, context);
  return registerForShop(context.db, shop.id, locale);
}

export default function ProcessingRegister() {
  const { controller, activities, security } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { search } = useLocation();
  const field = (label: string, value: string) => (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">
        {label}
      </Text>
      <Text as="p">{value}</Text>
    </BlockStack>
  );
  return (
    <Page
      title={t("register.title")}
      secondaryActions={[
        { content: t("register.download"), url: withSearch("/app/processing.csv", search), external: true },
      ]}
    >
      <BlockStack gap="400">
        <Card>
          <BlockStack gap="200">
            <InlineStack>
              <Badge tone="attention">{t("register.draft")}</Badge>
            </InlineStack>
            <Text as="p" tone="subdued">
              {t("register.help")}
            </Text>
            {field(t("register.controller"), controller.name)}
            {field(t("register.contact"), controller.contactEmail ?? t("register.noContact"))}
          </BlockStack>
        </Card>
        {activities.map((activity) => (
          <Card key={activity.id}>
            <div data-testid={`activity-${activity.id}`}>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {activity.name}
                </Text>
                <BlockStack gap="100">
                  <Text as="h3" variant="headingSm">
                    {t("register.purposes")}
                  </Text>
                  <List>
                    {activity.purposes.map(({ purpose, basis }) => (
                      <List.Item key={purpose}>
                        {purpose} — {basis}
                      </List.Item>
                    ))}
                  </List>
                </BlockStack>
                {field(t("register.subjects"), activity.subjects)}
                {field(t("register.data"), activity.data)}
                {field(t("register.recipients"), activity.recipients)}
                {field(t("register.transfers"), activity.transfers)}
                {field(t("register.retention"), activity.retention)}
                {activity.automatedDecision
                  ? field(t("register.automated"), activity.automatedDecision)
                  : null}
              </BlockStack>
            </div>
          </Card>
        ))}
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              {t("register.security")}
            </Text>
            <List>
              {security.map((measure) => (
                <List.Item key={measure}>{measure}</List.Item>
              ))}
            </List>
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}
