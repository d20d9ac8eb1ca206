// The register of processors and other recipients, with each transfer outside the EEA and its
// safeguard (GDPR art. 28, 30(1)(d)–(e), 44–46).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineStack, Link, List, Page, Text } from "@shopify/polaris";
import { ListEmptyState } from "~/components/list-empty-state";
import { withSearch } from "~/components/nav-items";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { processorsForShop } from "~/services/processors-register.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdmin(request, context);
  return { processors: await processorsForShop(context.db, shop.id, locale) };
}

export default function Processors() {
  const { processors } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const { search } = useLocation();
  const colon = locale === "fr" ? "\u00a0:" : ":";
  const dates = useDates();
  const day = (iso: string) => dates.day(iso.slice(0, 10));
  const line = (label: string, value: string) => (
    <Text as="p">
      <Text as="span" fontWeight="semibold">
        {label}
      </Text>{" "}
      {value}
    </Text>
  );
  return (
    <Page title={t("processors.title")}>
      <BlockStack gap="400">
        <Card>
          <Text as="p" tone="subdued">
            {t("processors.help")}
          </Text>
        </Card>
        {processors.length === 0 && (
          <Card>
            <ListEmptyState
              testId="processors-empty"
              heading={t("emptyStates.processors.heading")}
              help={t("emptyStates.processors.help")}
              action={{
                content: t("emptyStates.processors.action"),
                url: withSearch("/app/settings", search),
              }}
            />
          </Card>
        )}
        {processors.map((processor) => (
          <Card key={processor.id}>
            <div data-testid={`processor-${processor.id}`}>
              <BlockStack gap="200">
                <InlineStack align="space-between" blockAlign="center">
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="h2" variant="headingMd">
                      {processor.name}
                    </Text>
                    <Badge>{t(`processors.roles.${processor.role}`)}</Badge>
                    <span data-testid={`status-${processor.id}`}>
                      <Badge tone={processor.confirmed ? "success" : "attention"}>
                        {processor.confirmed ? t("processors.confirmed") : t("processors.toConfirm")}
                      </Badge>
                    </span>
                  </InlineStack>
                  <Button url={withSearch(`/app/processors/${processor.id}`, search)}>
                    {t("processors.edit")}
                  </Button>
                </InlineStack>
                {processor.confirmed && processor.confirmedAt ? (
                  <Text as="p" tone="subdued">
                    {t("processors.confirmedBy", {
                      who: processor.confirmedBy ?? "",
                      when: day(processor.confirmedAt),
                      revision: processor.revision,
                    })}
                  </Text>
                ) : null}
                {line(`${t("processors.service")}${colon}`, processor.service)}
                {line(`${t("processors.data")}${colon}`, processor.data)}
                {line(`${t("processors.location")}${colon}`, processor.location)}
                {processor.subProcessors
                  ? line(`${t("processors.subProcessors")}${colon}`, processor.subProcessors)
                  : null}
                <Text as="p">
                  <Text as="span" fontWeight="semibold">
                    {t("processors.contract")}
                    {colon}
                  </Text>{" "}
                  {processor.contractUrl ? (
                    <Link url={processor.contractUrl} target="_blank">
                      {processor.contractUrl}
                    </Link>
                  ) : null}{" "}
                  {processor.contractDate
                    ? t("processors.signedOn", { date: day(processor.contractDate) })
                    : null}
                  {!processor.contractUrl && !processor.contractDate ? t("processors.noContract") : null}
                </Text>
                <Text as="h3" variant="headingSm">
                  {t("processors.transfers")}
                </Text>
                {processor.transfers.length === 0 ? (
                  <Text as="p">{t("processors.noTransfer")}</Text>
                ) : (
                  <List>
                    {processor.transfers.map((transfer) => (
                      <List.Item key={transfer.destination}>
                        {transfer.destination} — {t(`processors.mechanisms.${transfer.mechanism}`)}
                        {transfer.detail ? ` — ${transfer.detail}` : ""}
                      </List.Item>
                    ))}
                  </List>
                )}
              </BlockStack>
            </div>
          </Card>
        ))}
      </BlockStack>
    </Page>
  );
}
