// Retention (policy §4; GDPR art. 5(1)(e)): the shop's periods, and who is past them.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, DataTable, InlineStack, Page, Text } from "@shopify/polaris";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { retentionOverview } from "~/services/retention.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  return retentionOverview(getDb(), shop.id);
}

export default function Retention() {
  const { policy, counts, due } = useLoaderData<typeof loader>();
  const { locale, t } = useTranslation();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  return (
    <Page title={t("retention.title")}>
      <BlockStack gap="400">
        <Card>
          <BlockStack gap="200">
            <Text as="p">
              {t("retention.policy", {
                customerYears: policy.customerYearsAfterLastOrder,
                prospectYears: policy.prospectYears,
              })}
            </Text>
            <InlineStack gap="200">
              <span data-testid="due-customers">
                <Badge tone={counts.customers > 0 ? "attention" : "success"}>
                  {t("retention.dueCustomers", { count: counts.customers })}
                </Badge>
              </span>
              <span data-testid="due-prospects">
                <Badge tone={counts.prospects > 0 ? "attention" : "success"}>
                  {t("retention.dueProspects", { count: counts.prospects })}
                </Badge>
              </span>
            </InlineStack>
            <Text as="p" tone="subdued">
              {t("retention.next")}
            </Text>
          </BlockStack>
        </Card>
        <Card>
          {due.length === 0 ? (
            <Text as="p">{t("retention.none")}</Text>
          ) : (
            <DataTable
              columnContentTypes={["text", "text", "text"]}
              headings={[t("retention.who"), t("retention.reason"), t("retention.since")]}
              rows={due.map((subject) => [
                subject.email ?? `#${subject.shopifyCustomerId ?? subject.id}`,
                t(subject.reason === "customer" ? "retention.reasonCustomer" : "retention.reasonProspect"),
                date.format(new Date(subject.since)),
              ])}
            />
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}
