// The shop's settings: privacy (DPO, notice, double opt-in, retention) and the Mailchimp connection,
// each a card of app/components/settings-page/; every form is one call into the settings service.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, Layout, Page } from "@shopify/polaris";
import { MailchimpCard } from "~/components/settings-page/mailchimp-card";
import { PrivacySettingsCard } from "~/components/settings-page/privacy-card";
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
          <PrivacySettingsCard privacy={privacy} t={t} bad={bad} busy={busy} />
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title="Mailchimp" description={t("settings.mailchimpHelp")}>
          <MailchimpCard mailchimp={mailchimp} t={t} bad={bad} busy={busy} />
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
