// The register of personal-data breaches (GDPR art. 33(5)), each with its 72-hour clock.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Badge, BlockStack, Card, DataTable, Link, Page, Text } from "@shopify/polaris";
import { BreachClockBadge, relativeTime } from "~/components/breach-clock";
import { ListEmptyState } from "~/components/list-empty-state";
import { withSearch } from "~/components/nav-items";
import { formatDateTime } from "~/i18n/format-date";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { breachRegister } from "~/services/breaches/breach-register.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  return breachRegister(context.db, shop.id);
}

export default function Breaches() {
  const { breaches, timeZone } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const { search } = useLocation();
  return (
    <Page
      title={t("breaches.title")}
      primaryAction={{ content: t("breaches.new"), url: withSearch("/app/breaches/new", search) }}
    >
      <BlockStack gap="400">
        <Card>
          <Text as="p" tone="subdued">
            {t("breaches.help")}
          </Text>
        </Card>
        <Card padding="0">
          <div data-testid="breaches">
            {breaches.length === 0 ? (
              <ListEmptyState
                testId="breaches-empty"
                heading={t("emptyStates.breaches.heading")}
                help={t("emptyStates.breaches.help")}
                action={{
                  content: t("emptyStates.breaches.action"),
                  url: withSearch("/app/breaches/new", search),
                }}
              />
            ) : (
              <DataTable
                columnContentTypes={["text", "text", "text", "text", "text"]}
                headings={[
                  t("breaches.reference"),
                  t("breaches.columns.title"),
                  t("breaches.columns.awareAt"),
                  t("breaches.columns.state"),
                  t("breaches.columns.clock"),
                ]}
                rows={breaches.map((breach) => [
                  <Link key="ref" url={withSearch(`/app/breaches/${breach.id}`, search)}>
                    {breach.reference}
                  </Link>,
                  breach.title,
                  formatDateTime(locale, breach.awareAt, { timeZone }),
                  <Badge key="state">{t(`breaches.states.${breach.state as "open"}`)}</Badge>,
                  <span key="clock">
                    <BreachClockBadge status={breach.clock.status} />{" "}
                    {breach.clock.status === "on_track" ||
                    breach.clock.status === "due_soon" ||
                    breach.clock.status === "overdue"
                      ? relativeTime(locale, breach.clock.msLeft)
                      : null}
                  </span>,
                ])}
              />
            )}
          </div>
        </Card>
      </BlockStack>
    </Page>
  );
}
