// Every change to the breach, newest last, with who made it and which fields changed.
import { BlockStack, Card, List, Text } from "@shopify/polaris";
import type { MessageKey } from "~/i18n/translate";
import type { BreachCardProps } from "./kit";

export function HistoryCard({ breach, t, when }: BreachCardProps) {
  const fieldName = (field: string) => t(`breaches.fields.${field}` as MessageKey);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("breaches.history")}
        </Text>
        <div data-testid="history">
          <List>
            {breach.changes.map((change) => (
              <List.Item key={change.id}>
                {when(change.at)} · v{change.revision} ·{" "}
                {t(`breaches.actions.${change.action}` as MessageKey, {
                  who: change.actorId ?? "",
                  fields: change.fields.map(fieldName).join(", "),
                })}
              </List.Item>
            ))}
          </List>
        </div>
      </BlockStack>
    </Card>
  );
}
