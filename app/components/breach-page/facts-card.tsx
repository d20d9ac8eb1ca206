// The facts of the breach, edited while it is open (each save is a new revision).
import { Form } from "@remix-run/react";
import { BlockStack, Card, Text } from "@shopify/polaris";
import { BreachFactsFields } from "~/components/breach-facts-form";
import type { BreachCardProps } from "./kit";

export function FactsCard({ breach, t, busy, fields }: BreachCardProps & { fields?: string[] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("breaches.facts")}
        </Text>
        <Form method="post">
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="revision" value={breach.revision} />
          <BreachFactsFields
            values={breach.form}
            fields={fields}
            submitLabel={t("breaches.save")}
            busy={busy("save")}
            disabled={breach.state === "closed"}
          />
        </Form>
      </BlockStack>
    </Card>
  );
}
