// A yes/no decision with its reasoning: whether to notify the CNIL (art. 33), whether to inform the
// people (art. 34). Shows the decision taken, then the form to take or change it.
import { Form } from "@remix-run/react";
import { Button, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";

export function DecisionTaken(props: {
  required: boolean | null;
  reasoning: string | null;
  yes: string;
  no: string;
}) {
  if (props.required === null) return null;
  return (
    <Text as="p">
      <Text as="span" fontWeight="semibold">
        {props.required ? props.yes : props.no}
      </Text>{" "}
      — {props.reasoning}
    </Text>
  );
}

export function DecisionForm(props: {
  intent: string;
  initial: boolean | null;
  reasoning: string;
  yes: string;
  no: string;
  label: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [required, setRequired] = useState(props.initial === false ? "no" : "yes");
  const [reasoning, setReasoning] = useState(props.reasoning);
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={props.intent} />
      <FormLayout>
        <Select
          label={props.label}
          labelHidden
          name="required"
          value={required}
          onChange={setRequired}
          options={[
            { value: "yes", label: props.yes },
            { value: "no", label: props.no },
          ]}
        />
        <TextField
          label={props.label}
          name="reasoning"
          value={reasoning}
          onChange={setReasoning}
          multiline={3}
          autoComplete="off"
        />
        <Button submit loading={props.busy}>
          {t("breaches.notification.decide")}
        </Button>
      </FormLayout>
    </Form>
  );
}
