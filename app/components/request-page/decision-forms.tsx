// Staff's three ways to close or prolong an open request: answer it, extend its deadline (once,
// with reasons: GDPR art. 12(3)), or refuse it on an allowed ground with written reasons (art. 12(4)).
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineGrid, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { ConfirmAction } from "~/components/confirm-action";
import { REFUSAL_GROUND_BASIS, REQUEST_TYPE_INFO } from "~/domain/requests/request-types";
import { citeLaw } from "~/i18n/legal-citation";
import type { CardProps } from "./kit";

export function DecisionForms({ data, t, busy, locale, who }: CardProps) {
  const r = data.request;
  const info = REQUEST_TYPE_INFO[r.type];
  const [months, setMonths] = useState("1");
  const [extensionReason, setExtensionReason] = useState("");
  const [summary, setSummary] = useState("");
  const [ground, setGround] = useState<string>(info.refusalGrounds[0] ?? "");
  const [explanation, setExplanation] = useState("");
  if (r.closed) return null;
  const groundLabel = (g: string) =>
    `${t(`requests.grounds.${g}` as never)} (${citeLaw(REFUSAL_GROUND_BASIS[g as keyof typeof REFUSAL_GROUND_BASIS], locale)})`;
  // While the erasure runs, the request is not answered, refused or prolonged by hand.
  const erasing = data.erasure?.status === "running";
  return (
    <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingSm">
            {t("requests.actions.answer")}
          </Text>
          <ConfirmAction
            intent="answer"
            label={t("requests.actions.answer")}
            title={t("confirm.answer.title")}
            confirm={t("confirm.answer.action")}
            primary
            disabled={summary.trim() === "" || erasing}
            body={
              <BlockStack gap="200">
                <Text as="p">{t("confirm.answer.body", { who, reference: r.reference })}</Text>
                <Text as="p" tone="subdued">
                  {t("confirm.answer.after")}
                </Text>
              </BlockStack>
            }
          >
            <TextField
              label={t("requests.summary")}
              name="summary"
              value={summary}
              onChange={setSummary}
              multiline={4}
              autoComplete="off"
            />
          </ConfirmAction>
        </BlockStack>
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
            <Button submit loading={busy("extend")} disabled={r.extensionMonths > 0 || erasing}>
              {t("requests.actions.extend")}
            </Button>
          </BlockStack>
        </Form>
      </Card>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingSm">
            {t("requests.actions.refuse")}
          </Text>
          <ConfirmAction
            intent="refuse"
            label={t("requests.actions.refuse")}
            title={t("confirm.refuse.title")}
            confirm={t("confirm.refuse.action")}
            critical
            disabled={erasing}
            testId="refuse-form"
            body={
              <BlockStack gap="200">
                <Text as="p">
                  {t("confirm.refuse.body", { who, reference: r.reference, ground: groundLabel(ground) })}
                </Text>
                <Text as="p" tone="subdued">
                  {t("confirm.refuse.after")}
                </Text>
              </BlockStack>
            }
          >
            <Select
              label={t("requests.ground")}
              name="ground"
              options={info.refusalGrounds.map((g) => ({ value: g, label: groundLabel(g) }))}
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
          </ConfirmAction>
        </BlockStack>
      </Card>
    </InlineGrid>
  );
}
