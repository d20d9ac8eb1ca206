// The ledger's chain: how many events it holds, its last verification, and asking for a new one.
import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type { Translate } from "~/i18n/translate";
import type { ConsentsView } from "./kit";

export function LedgerVerificationCard(props: {
  ledger: ConsentsView["ledger"];
  t: Translate;
  when: (iso: string | null) => string;
  verifying: boolean;
  downloading: boolean;
  downloadCsv: (filtered: boolean) => void;
}) {
  const { ledger, t, when } = props;
  const verification = ledger.result as {
    ok?: boolean;
    count?: number;
    brokenAt?: { seq: number; reason: string };
  } | null;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("consents.ledgerTitle")}
        </Text>
        <Text as="p" tone="subdued">
          {t("consents.ledgerHelp", { count: ledger.events })}
        </Text>
        {verification && (
          <Banner tone={verification.ok ? "success" : "critical"}>
            <span data-testid="ledger-verification">
              {verification.ok
                ? t("consents.verifiedOk", {
                    count: verification.count ?? 0,
                    at: when(ledger.verifiedAt),
                  })
                : t("consents.verifiedBroken", {
                    seq: verification.brokenAt?.seq ?? 0,
                    reason: verification.brokenAt?.reason ?? "",
                    at: when(ledger.verifiedAt),
                  })}
            </span>
          </Banner>
        )}
        <InlineStack gap="200">
          <Form method="post">
            <input type="hidden" name="intent" value="verify" />
            <Button submit loading={props.verifying}>
              {t("consents.verify")}
            </Button>
          </Form>
          <Button onClick={() => props.downloadCsv(false)} loading={props.downloading}>
            {t("consents.exportCsv")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
