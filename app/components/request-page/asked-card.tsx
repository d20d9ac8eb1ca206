// What a post-mortem directive or an heir's request asks (LIL art. 85), and the heir's proofs.
import { BlockStack, Card, Text } from "@shopify/polaris";
import { HeirProofsForm, RequestDetailsCard } from "~/components/directive-panel";
import type { CardProps } from "./kit";

export function AskedCard({ data, t, busy }: CardProps) {
  const r = data.request;
  if (r.type !== "post_mortem_directive" && r.type !== "heir_request") return null;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("requests.asked")}
        </Text>
        <RequestDetailsCard details={r.details} t={t} />
        {r.type === "heir_request" && (
          <HeirProofsForm
            death={String(r.details.deathProof ?? "missing")}
            heir={String(r.details.heirProof ?? "missing")}
            closed={r.closed}
            t={t}
            busy={busy}
          />
        )}
      </BlockStack>
    </Card>
  );
}
