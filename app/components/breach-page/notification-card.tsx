// Notifying the CNIL (GDPR art. 33): the decision, then the notification made, with the reasons for
// any delay past 72 hours.
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, FormLayout, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { DecisionForm, DecisionTaken } from "./decision-form";
import type { BreachCardProps } from "./kit";

export function NotificationCard({ breach, t, busy, colon }: BreachCardProps) {
  const yes = t("breaches.notification.required");
  const no = t("breaches.notification.notRequired");
  return (
    <Card>
      <div data-testid="notification">
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("breaches.notification.title")}
          </Text>
          <Text as="p" tone="subdued">
            {t("breaches.notification.help")}
          </Text>
          <DecisionTaken
            required={breach.notificationRequired}
            reasoning={breach.notificationReasoning}
            yes={yes}
            no={no}
          />
          {breach.state === "open" ? (
            <DecisionForm
              intent="notification-decision"
              initial={breach.notificationRequired}
              reasoning={breach.notificationReasoning ?? ""}
              yes={yes}
              no={no}
              label={t("breaches.fields.notificationReasoning")}
              busy={busy("notification-decision")}
            />
          ) : null}
          {breach.state === "open" && breach.notificationRequired ? (
            <NotifiedForm nowLocal={breach.nowLocal} busy={busy("notified")} />
          ) : null}
          {breach.delayReasons ? (
            <Text as="p">
              {t("breaches.fields.delayReasons")}
              {colon}
              {breach.delayReasons}
            </Text>
          ) : null}
        </BlockStack>
      </div>
    </Card>
  );
}

function NotifiedForm({ nowLocal, busy }: { nowLocal: string; busy: boolean }) {
  const { t } = useTranslation();
  const [notifiedAt, setNotifiedAt] = useState(nowLocal);
  const [cnilReference, setCnilReference] = useState("");
  const [delayReasons, setDelayReasons] = useState("");
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="notified" />
      <FormLayout>
        <Text as="p" tone="subdued">
          {t("breaches.notification.recordHelp")}
        </Text>
        <TextField
          label={t("breaches.fields.notifiedAt")}
          name="notifiedAt"
          type="datetime-local"
          value={notifiedAt}
          onChange={setNotifiedAt}
          autoComplete="off"
        />
        <TextField
          label={t("breaches.fields.cnilReference")}
          name="cnilReference"
          value={cnilReference}
          onChange={setCnilReference}
          autoComplete="off"
        />
        <TextField
          label={t("breaches.fields.delayReasons")}
          name="delayReasons"
          value={delayReasons}
          onChange={setDelayReasons}
          multiline={2}
          autoComplete="off"
          helpText={t("breaches.notification.delayHelp")}
        />
        <Button submit loading={busy}>
          {t("breaches.notification.record")}
        </Button>
      </FormLayout>
    </Form>
  );
}
