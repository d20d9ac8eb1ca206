// The audit log's chain: its last verification (intact, or where it breaks) and asking for a new one.
import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Text } from "@shopify/polaris";
import type { Translate } from "~/i18n/translate";
import type { AuditVerification } from "~/services/audit-chain.server";
import type { AuditView } from "./kit";

function breakText(t: Translate, result: Extract<AuditVerification, { ok: false }>) {
  const { seq, entryId, reason } = result.brokenAt;
  if (seq === null) return t("audit.reasons.insertedOutside", { id: entryId ?? "" });
  return t(`audit.reasons.${reason}`, { seq });
}

export function ChainCard(props: {
  verification: AuditView["verification"];
  queued: boolean;
  verifying: boolean;
  t: Translate;
  when: (iso: string | null) => string;
}) {
  const { verification, t, when } = props;
  const result = verification.result;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("audit.chainTitle")}
        </Text>
        <Text as="p" tone="subdued">
          {t("audit.chainHelp")}
        </Text>
        <Banner tone={result === null ? "info" : result.ok ? "success" : "critical"}>
          <span data-testid="audit-verification">
            {result === null
              ? t("audit.neverVerified")
              : result.ok
                ? t("audit.intact", { count: result.count, at: when(verification.verifiedAt) })
                : t("audit.broken", {
                    problem: breakText(t, result),
                    at: when(verification.verifiedAt),
                  })}
          </span>
        </Banner>
        {props.queued && <Banner tone="info">{t("audit.verifyQueued")}</Banner>}
        <Form method="post">
          <input type="hidden" name="intent" value="verify" />
          <Button submit loading={props.verifying}>
            {t("audit.verify")}
          </Button>
        </Form>
      </BlockStack>
    </Card>
  );
}
