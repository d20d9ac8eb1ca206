// Staff's three ways to close or prolong an open request: answer it, extend its deadline (once,
// with reasons: GDPR art. 12(3)), or refuse it on an allowed ground with written reasons (art. 12(4)).
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineGrid, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { REFUSAL_GROUND_BASIS, REQUEST_TYPE_INFO } from "~/domain/requests/request-types";
import type { CardProps } from "./kit";

export function DecisionForms({ data, t, busy }: CardProps) {
  const r = data.request;
  const info = REQUEST_TYPE_INFO[r.type];
  const [months, setMonths] = useState("1");
  const [extensionReason, setExtensionReason] = useState("");
  const [summary, setSummary] = useState("");
  const [ground, setGround] = useState<string>(info.refusalGrounds[0] ?? "");
  const [explanation, setExplanation] = useState("");
  if (r.closed) return null;
  return (
    <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
      <Card>
        <Form method="post">
          <input type="hidden" name="intent" value="answer" />
          <BlockStack gap="200">
            <Text as="h2" variant="headingSm">
              {t("requests.actions.answer")}
            </Text>
            <TextField
              label={t("requests.summary")}
              name="summary"
              value={summary}
              onChange={setSummary}
              multiline={4}
              autoComplete="off"
            />
            <Button submit variant="primary" loading={busy("answer")} disabled={summary.trim() === ""}>
              {t("requests.actions.answer")}
            </Button>
          </BlockStack>
        </Form>
      </Card>
      <Card>
        <Form method="post">
          <input type="hidden" name="intent" value="extend" />
          <BlockStack gap="200">
            <Text as="h2" variant="headingSm">
              {t("requests.actions.extend")}
            </Text>
            <Select
              label={t("requests.months")}
              name="months"
              options={[
                { label: "1", value: "1" },
                { label: "2", value: "2" },
              ]}
              value={months}
              onChange={setMonths}
            />
            <TextField
              label={t("requests.extensionReason")}
              name="reason"
              value={extensionReason}
              onChange={setExtensionReason}
              multiline={2}
              autoComplete="off"
            />
            <Button submit loading={busy("extend")} disabled={r.extensionMonths > 0}>
              {t("requests.actions.extend")}
            </Button>
          </BlockStack>
        </Form>
      </Card>
      <Card>
        <Form method="post">
          <input type="hidden" name="intent" value="refuse" />
          <BlockStack gap="200">
            <Text as="h2" variant="headingSm">
              {t("requests.actions.refuse")}
            </Text>
            <Select
              label={t("requests.ground")}
              name="ground"
              options={info.refusalGrounds.map((g) => ({
                value: g,
                label: `${t(`requests.grounds.${g}` as never)} (${REFUSAL_GROUND_BASIS[g]})`,
              }))}
              value={ground}
              onChange={setGround}
            />
            <TextField
              label={t("requests.explanation")}
              name="explanation"
              value={explanation}
              onChange={setExplanation}
              multiline={3}
              autoComplete="off"
            />
            <Button submit tone="critical" loading={busy("refuse")}>
              {t("requests.actions.refuse")}
            </Button>
          </BlockStack>
        </Form>
      </Card>
    </InlineGrid>
  );
}
