// Staff sign off the version of a register entry they read (an activity reviewed, a recipient's
// contract confirmed): what signing means, who last signed, and the button.
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Text } from "@shopify/polaris";

export function SignOffCard(props: {
  help: string;
  /** "Signed by … on …", when the current version is signed. */
  signed: string | null;
  intent: string;
  revision: number;
  label: string;
  busy: boolean;
  disabled: boolean;
}) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="p">{props.help}</Text>
        {props.signed !== null ? (
          <Text as="p" tone="subdued">
            {props.signed}
          </Text>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value={props.intent} />
          <input type="hidden" name="revision" value={props.revision} />
          <Button submit loading={props.busy} disabled={props.disabled}>
            {props.label}
          </Button>
        </Form>
      </BlockStack>
    </Card>
  );
}
