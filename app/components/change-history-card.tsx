// The history of a register entry (an activity, a recipient, a breach): each change with its time,
// its version and what it did, oldest first.
import { BlockStack, Card, List, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

type Change = { id: string; at: string; revision: number };

export function ChangeHistoryCard<C extends Change>(props: {
  title: string;
  changes: C[];
  when: (iso: string) => string;
  /** What the change did, as staff read it ("edited by … : purposes"). */
  describe: (change: C) => ReactNode;
}) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {props.title}
        </Text>
        <div data-testid="history">
          <List>
            {props.changes.map((change) => (
              <List.Item key={change.id}>
                {props.when(change.at)} · v{change.revision} · {props.describe(change)}
              </List.Item>
            ))}
          </List>
        </div>
      </BlockStack>
    </Card>
  );
}
