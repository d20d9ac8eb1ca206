// Finding a visitor by the id their banner shows, and their choices with each one's proof (and as CSV).
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, DataTable, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { KeptParamsInputs } from "~/components/kept-params-inputs";
import { ListEmptyState } from "~/components/list-empty-state";
import { withSearch } from "~/components/nav-items";
import type { CookiesCardProps } from "./kit";

export function VisitorChoicesCard({
  data,
  t,
  title,
  language,
  search,
}: CookiesCardProps & { search: string }) {
  const [visitor, setVisitor] = useState(data.visitor ?? "");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("cookieBanner.findVisitor")}
        </Text>
        <Form method="get">
          <KeptParamsInputs search={search} />
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
              <Button url={withSearch(`/app/consents/ledger.csv?visitor=${data.visitor}`, search)} external>
                {t("cookieBanner.exportCsv")}
              </Button>
            </InlineStack>
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}
