// Acceptance and refusal per purpose over 30 days, then week by week.
import { BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import { type CookiesCardProps, percent } from "./kit";

export function BannerRatesCard({ data, t, title }: CookiesCardProps) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("cookieBanner.rates")}
        </Text>
        <div data-testid="banner-rates">
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "numeric"]}
            headings={[
              t("cookieBanner.purpose"),
              t("cookieBanner.accepted"),
              t("cookieBanner.refused"),
              t("cookieBanner.rate"),
            ]}
            rows={data.rates.map((r) => [title(r.key), r.accepted, r.refused, percent(r.rate)])}
          />
        </div>
      </BlockStack>
    </Card>
  );
}

export function BannerWeeksCard({
  data,
  t,
  title,
  day,
}: CookiesCardProps & { day: (local: string) => string }) {
  const weekCell = (r: { accepted: number; refused: number; rate: number | null }) =>
    r.rate === null ? "—" : `${percent(r.rate)} (${r.accepted}/${r.accepted + r.refused})`;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("cookieBanner.weeks")}
        </Text>
        <Text as="p" tone="subdued">
          {t("cookieBanner.weeksHelp")}
        </Text>
        <div data-testid="banner-weeks">
          <DataTable
            columnContentTypes={["text", ...data.rates.map(() => "numeric" as const)]}
            headings={[t("cookieBanner.weekOf"), ...data.rates.map((r) => title(r.key))]}
            rows={[...data.weeks].reverse().map((w) => [day(w.week), ...w.rates.map((r) => weekCell(r))])}
          />
        </div>
      </BlockStack>
    </Card>
  );
}
