// The record of processing activities (GDPR art. 30): each activity as staff left it, its sign-off,
// and each retention period beside its reference.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, List, Page, Text } from "@shopify/polaris";
import { ListEmptyState } from "~/components/list-empty-state";
import { withSearch } from "~/components/nav-items";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { registerForShop } from "~/services/processing-register.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdmin(request, context);
  return registerForShop(context.db, shop.id, locale);
}

const REVIEW_TONE = {
  reviewed: "success",
  never_reviewed: "attention",
  changed_since_review: "warning",
} as const;

export default function ProcessingRegister() {
  const { controller, activities } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { search } = useLocation();
  const dates = useDates();
  const when = (iso: string) => dates.date(iso);
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
            <Text as="p" tone="subdued">
              {t("register.help")}
            </Text>
            {field(t("register.controller"), controller.name)}
            {field(t("register.contact"), controller.contactEmail ?? t("register.noContact"))}
          </BlockStack>
        </Card>
        {activities.length === 0 && (
          <Card>
            <ListEmptyState
              testId="processing-empty"
              heading={t("emptyStates.processing.heading")}
              help={t("emptyStates.processing.help")}
              action={{
                content: t("emptyStates.processing.action"),
                url: withSearch("/app/settings", search),
              }}
            />
          </Card>
        )}
        {activities.map((activity) => (
          <Card key={activity.id}>
            <div data-testid={`activity-${activity.id}`}>
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center">
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="h2" variant="headingMd">
                      {activity.name}
                    </Text>
                    <span data-testid={`review-${activity.id}`}>
                      <Badge tone={REVIEW_TONE[activity.review.state]}>
                        {t(`register.reviewStates.${activity.review.state}`)}
                      </Badge>
                    </span>
                  </InlineStack>
                  <Button url={withSearch(`/app/processing/${activity.id}`, search)}>
                    {t("register.edit")}
                  </Button>
                </InlineStack>
                {activity.review.at && activity.review.by ? (
                  <Text as="p" tone="subdued">
                    {t("register.reviewedBy", {
                      who: activity.review.by,
                      when: when(activity.review.at),
                      revision: activity.revision,
                    })}
                  </Text>
                ) : null}
                <BlockStack gap="100">
                  <Text as="h3" variant="headingSm">
                    {t("register.purposes")}
                  </Text>
                  <List>
                    {activity.purposes.map(({ purpose, basis, legitimateInterest }) => (
                      <List.Item key={purpose}>
                        {purpose} — {basis}
                        {legitimateInterest ? (
                          <>
                            <br />
                            {t("register.legitimateInterest", { interest: legitimateInterest })}
                          </>
                        ) : null}
                      </List.Item>
                    ))}
                  </List>
                </BlockStack>
                {field(t("register.subjects"), activity.subjects)}
                {field(t("register.data"), activity.data)}
                {field(t("register.recipients"), activity.recipients)}
                {activity.processors ? field(t("register.processors"), activity.processors) : null}
                {field(t("register.transfers"), activity.transfers)}
                <BlockStack gap="100">
                  <Text as="h3" variant="headingSm">
                    {t("register.retention")}
                  </Text>
                  {activity.retentionPeriods.map((period, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: periods have no identity but their place
                    <BlockStack gap="100" key={`${period.category}-${index}`}>
                      <Text as="p">{period.text}</Text>
                      {period.reference ? (
                        <Text as="p" tone="subdued">
                          {t("register.reference", { reference: period.reference })}
                        </Text>
                      ) : null}
                      {period.longerThanReference ? (
                        <div data-testid={`retention-warning-${activity.id}`}>
                          <Banner tone="warning">{t("register.longer")}</Banner>
                        </div>
                      ) : null}
                    </BlockStack>
                  ))}
                </BlockStack>
                {activity.security ? field(t("register.security"), activity.security) : null}
                {activity.automatedDecision
                  ? field(t("register.automated"), activity.automatedDecision)
                  : null}
              </BlockStack>
            </div>
          </Card>
        ))}
      </BlockStack>
    </Page>
  );
}
