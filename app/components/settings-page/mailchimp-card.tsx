// The shop's Mailchimp connection: whether it is connected and its webhook active, the API key,
// audience and archive setting, and testing, re-creating the webhook or removing the connection.
import { Form } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import type { SettingsFormProps, SettingsView } from "./kit";

export function MailchimpCard({
  mailchimp,
  t,
  bad,
  busy,
}: SettingsFormProps & { mailchimp: SettingsView["mailchimp"] }) {
  const [apiKey, setApiKey] = useState("");
  const [audienceId, setAudienceId] = useState(mailchimp?.audienceId ?? "");
  const [archive, setArchive] = useState(mailchimp?.archiveInsteadOfDelete ?? false);
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack gap="200">
          <Badge tone={mailchimp?.configured ? "success" : undefined}>
            {mailchimp?.configured
              ? t("settings.connected", { server: mailchimp.serverPrefix })
              : t("settings.notConnected")}
          </Badge>
          {mailchimp?.webhookConfigured && <Badge tone="info">{t("settings.webhookActive")}</Badge>}
        </InlineStack>
        <Form method="post">
          <input type="hidden" name="intent" value="mailchimp" />
          <FormLayout>
            <TextField
              label={t("settings.apiKey")}
              helpText={mailchimp?.configured ? t("settings.apiKeyKept") : undefined}
              name="apiKey"
              type="password"
              value={apiKey}
              onChange={setApiKey}
              autoComplete="off"
              error={bad("apiKey") ?? bad("serverPrefix")}
            />
            <TextField
              label={t("settings.audienceId")}
              name="audienceId"
              value={audienceId}
              onChange={setAudienceId}
              autoComplete="off"
              error={bad("audienceId")}
            />
            <Checkbox
              label={t("settings.archive")}
              helpText={t("settings.archiveHelp")}
              checked={archive}
              onChange={setArchive}
            />
            {archive && <input type="hidden" name="archiveInsteadOfDelete" value="on" />}
            <Button submit variant="primary" loading={busy("mailchimp")}>
              {t("settings.save")}
            </Button>
          </FormLayout>
        </Form>
        {mailchimp?.configured && (
          <InlineStack gap="200">
            {(["mailchimp-test", "mailchimp-webhook", "mailchimp-remove"] as const).map((intent) => (
              <Form method="post" key={intent}>
                <input type="hidden" name="intent" value={intent} />
                <Button
                  submit
                  loading={busy(intent)}
                  tone={intent === "mailchimp-remove" ? "critical" : undefined}
                >
                  {t(`settings.actions.${intent}` as never)}
                </Button>
              </Form>
            ))}
          </InlineStack>
        )}
        <Text as="p" tone="subdued">
          {t("settings.webhookHelp")}
        </Text>
      </BlockStack>
    </Card>
  );
}
