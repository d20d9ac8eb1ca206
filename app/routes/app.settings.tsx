import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { isAppError } from "~/domain/errors";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import {
  getSettings,
  MailchimpFormSchema,
  PrivacySettingsFormSchema,
  removeMailchimp,
  rotateMailchimpWebhook,
  saveMailchimpSettings,
  savePrivacySettings,
  testMailchimp,
} from "~/services/settings.server";

type ActionResult = { ok: boolean; message: string; fields?: string[]; webhookUrl?: string; detail?: string };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  return getSettings(context.db, shop.id);
}

export async function action({ request, context }: ActionFunctionArgs): Promise<Response | ActionResult> {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = Object.fromEntries(await request.formData());
  const db = context.db;
  switch (form.intent) {
    case "privacy": {
      const parsed = PrivacySettingsFormSchema.safeParse(form);
      if (!parsed.success) {
        return Response.json(
          { ok: false, message: "invalid", fields: parsed.error.issues.map((i) => String(i.path[0])) },
          { status: 400 },
        );
      }
      await savePrivacySettings(db, shop, staffId, parsed.data);
      return { ok: true, message: "saved" };
    }
    case "mailchimp": {
      const parsed = MailchimpFormSchema.safeParse(form);
      if (!parsed.success) return Response.json({ ok: false, message: "invalid" }, { status: 400 });
      try {
        await saveMailchimpSettings(db, context.encryptionKey, shop, staffId, parsed.data);
      } catch (error) {
        if (isAppError(error, "MAILCHIMP_CREDENTIALS_INVALID")) {
          return Response.json({ ok: false, message: "invalid", fields: error.fields }, { status: 400 });
        }
        throw error;
      }
      return { ok: true, message: "saved" };
    }
    case "mailchimp-test": {
      const result = await testMailchimp(
        db,
        context.encryptionKey,
        shop.id,
        context.sandbox?.endpoints.mailchimpBasePath,
      );
      return {
        ok: result.ok,
        message: result.ok ? "connectionOk" : "connectionFailed",
        detail: result.detail,
      };
    }
    case "mailchimp-webhook": {
      const webhookUrl = await rotateMailchimpWebhook(db, shop, staffId, context.publicUrl());
      return { ok: true, message: "webhookCreated", webhookUrl };
    }
    case "mailchimp-remove":
      await removeMailchimp(db, shop, staffId);
      return { ok: true, message: "removed" };
    default:
      return Response.json({ ok: false, message: "invalid" }, { status: 400 });
  }
}

export default function Settings() {
  const { privacy, mailchimp } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = (intent: string) => navigation.formData?.get("intent") === intent;
  const [dpoEmail, setDpoEmail] = useState(privacy.dpoEmail ?? "");
  const [noticeUrl, setNoticeUrl] = useState(privacy.privacyNoticeUrl ?? "");
  const [noticeVersion, setNoticeVersion] = useState(privacy.noticeVersion);
  const [doubleOptIn, setDoubleOptIn] = useState(privacy.doubleOptIn);
  const [customerYears, setCustomerYears] = useState(String(privacy.retention.customerYearsAfterLastOrder));
  const [prospectYears, setProspectYears] = useState(String(privacy.retention.prospectYears));
  const [leadDays, setLeadDays] = useState(String(privacy.retention.repermissionLeadDays));
  const [apiKey, setApiKey] = useState("");
  const [audienceId, setAudienceId] = useState(mailchimp?.audienceId ?? "");
  const [archive, setArchive] = useState(mailchimp?.archiveInsteadOfDelete ?? false);
  const bad = (field: string) => (result?.fields?.includes(field) ? t("settings.invalidField") : undefined);

  return (
    <Page title={t("settings.title")}>
      <Layout>
        {result && (
          <Layout.Section>
            <Banner tone={result.ok ? "success" : "critical"}>
              <p>{t(`settings.messages.${result.message}` as never)}</p>
              {result.detail && <p>{result.detail}</p>}
              {result.webhookUrl && (
                <p>
                  <code data-testid="mailchimp-webhook-url">{result.webhookUrl}</code>
                </p>
              )}
            </Banner>
          </Layout.Section>
        )}
        <Layout.AnnotatedSection title={t("settings.privacyTitle")} description={t("settings.privacyHelp")}>
          <Card>
            <Form method="post">
              <input type="hidden" name="intent" value="privacy" />
              <FormLayout>
                <TextField
                  label={t("settings.dpoEmail")}
                  name="dpoEmail"
                  type="email"
                  value={dpoEmail}
                  onChange={setDpoEmail}
                  autoComplete="email"
                  error={bad("dpoEmail")}
                />
                <TextField
                  label={t("settings.noticeUrl")}
                  name="privacyNoticeUrl"
                  type="url"
                  value={noticeUrl}
                  onChange={setNoticeUrl}
                  autoComplete="off"
                  error={bad("privacyNoticeUrl")}
                />
                <TextField
                  label={t("settings.noticeVersion")}
                  helpText={t("settings.noticeVersionHelp")}
                  name="noticeVersion"
                  value={noticeVersion}
                  onChange={setNoticeVersion}
                  autoComplete="off"
                  error={bad("noticeVersion")}
                />
                <BlockStack gap="100">
                  <Text as="p" variant="bodyMd">
                    {t("settings.timeZone")}
                  </Text>
                  <Text as="p" variant="bodyMd" fontWeight="semibold">
                    <span data-testid="shop-time-zone">
                      {t(
                        privacy.timeZoneFromShopifyAt ? "adminWalk.zoneFromShopify" : "adminWalk.zoneDefault",
                        {
                          zone: privacy.timeZone,
                        },
                      )}
                    </span>
                  </Text>
                  <Text as="p" variant="bodySm" tone="subdued">
                    {t("adminWalk.zoneHelp")}
                  </Text>
                </BlockStack>
                <Checkbox
                  label={t("settings.doubleOptIn")}
                  helpText={t("settings.doubleOptInHelp")}
                  checked={doubleOptIn}
                  onChange={setDoubleOptIn}
                />
                {doubleOptIn && <input type="hidden" name="doubleOptIn" value="on" />}
                <FormLayout.Group>
                  <TextField
                    label={t("settings.customerYears")}
                    name="customerYearsAfterLastOrder"
                    type="number"
                    min={1}
                    max={30}
                    value={customerYears}
                    onChange={setCustomerYears}
                    autoComplete="off"
                    error={bad("customerYearsAfterLastOrder")}
                  />
                  <TextField
                    label={t("settings.prospectYears")}
                    name="prospectYears"
                    type="number"
                    min={1}
                    max={10}
                    value={prospectYears}
                    onChange={setProspectYears}
                    autoComplete="off"
                    error={bad("prospectYears")}
                  />
                  <TextField
                    label={t("repermission.leadDays")}
                    helpText={t("repermission.leadDaysHelp")}
                    name="repermissionLeadDays"
                    type="number"
                    min={7}
                    max={180}
                    value={leadDays}
                    onChange={setLeadDays}
                    autoComplete="off"
                    error={bad("repermissionLeadDays")}
                  />
                </FormLayout.Group>
                <Button submit variant="primary" loading={busy("privacy")}>
                  {t("settings.save")}
                </Button>
              </FormLayout>
            </Form>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title="Mailchimp" description={t("settings.mailchimpHelp")}>
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
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
