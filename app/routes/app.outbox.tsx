// Every e-mail Vigie wrote for the shop. Without SMTP_URL (the sandbox) they stay here, unsent.
// One whose sending was interrupted (outcome unknown) can be sent again from here. Each is shown as
// the e-mail, its HTML in a sandboxed frame whose links open in a new tab (docs/decisions/081).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import { ListEmptyState } from "~/components/list-empty-state";
import { withSearch } from "~/components/nav-items";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { listOutbox, resendEmail } from "~/mail/outbox.server";
import { requireAdmin } from "~/services/admin-auth.server";

const ResendSchema = z.object({ intent: z.literal("resend"), emailId: z.string().min(1).max(64) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  return { smtp: Boolean(context.config.smtpUrl), emails: await listOutbox(context.db, shop.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = ResendSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return Response.json({ ok: false }, { status: 400 });
  const resent = await resendEmail(context.db, shop, staffId, form.data.emailId);
  return Response.json({ ok: resent }, { status: resent ? 200 : 409 });
}

export default function Outbox() {
  const { smtp, emails } = useLoaderData<typeof loader>();
  const result = useActionData<{ ok: boolean }>();
  const { t } = useTranslation();
  const { search } = useLocation();
  const dates = useDates();
  const when = (iso: string) => dates.dateTime(iso);
  return (
    <Page
      title={t("outbox.title")}
      backAction={{ content: t("requests.title"), url: withSearch("/app/requests", search) }}
    >
      <BlockStack gap="400">
        <Text as="p" tone="subdued">
          {smtp ? t("outbox.smtp") : t("outbox.help")}
        </Text>
        {result?.ok && <Banner tone="success">{t("outbox.resent")}</Banner>}
        {emails.length === 0 && (
          <ListEmptyState
            testId="outbox-empty"
            heading={t("emptyStates.outbox.heading")}
            help={t("emptyStates.outbox.help")}
          />
        )}
        {emails.map((email, index) => (
          <div key={email.id} data-testid="outbox-email">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  {/* The e-mail is in its reader's language, whatever the page's. */}
                  <span lang={email.locale}>{email.subject}</span>{" "}
                  <Badge>{t(`outbox.status.${email.status}` as never)}</Badge>
                </Text>
                <Text as="p" tone="subdued">
                  {when(email.createdAt)} · {t("outbox.to")} {email.to}
                </Text>
                {email.status === "unknown" && (
                  <Form method="post">
                    <input type="hidden" name="intent" value="resend" />
                    <input type="hidden" name="emailId" value={email.id} />
                    <BlockStack gap="100">
                      <Text as="p" tone="caution" data-testid="outbox-unknown">
                        {t("outbox.unknownHelp")}
                      </Text>
                      <InlineStack>
                        <Button submit>{t("outbox.resend")}</Button>
                      </InlineStack>
                    </BlockStack>
                  </Form>
                )}
                {/* Each e-mail's HTML behind its own disclosure, the newest open: a keyboard user
                    does not have to tab through every e-mail's links to reach the page's controls. */}
                <details open={index === 0} data-testid="outbox-html-toggle">
                  <summary>{t("outbox.htmlVersion")}</summary>
                  <iframe
                    data-testid="outbox-html"
                    title={`${t("outbox.htmlTitle")} ${email.subject}`}
                    srcDoc={email.preview}
                    // No allow-scripts, no allow-same-origin: the body is inert and foreign to the admin.
                    // Popups escape the sandbox so its links work once opened (<base target="_blank">).
                    sandbox="allow-popups allow-popups-to-escape-sandbox"
                    referrerPolicy="no-referrer"
                    loading="lazy"
                    style={{
                      width: "100%",
                      height: "32rem",
                      border: "1px solid var(--p-color-border)",
                      borderRadius: "var(--p-border-radius-200)",
                      resize: "vertical",
                    }}
                  />
                </details>
                <details>
                  <summary>{t("outbox.plainText")}</summary>
                  <pre
                    lang={email.locale}
                    data-testid="outbox-text"
                    style={{
                      whiteSpace: "pre-wrap",
                      fontFamily: "inherit",
                      margin: "var(--p-space-200) 0 0",
                    }}
                  >
                    {email.text}
                  </pre>
                </details>
                {email.headers.length > 0 && (
                  <BlockStack gap="100">
                    <Text as="p" tone="subdued" variant="bodySm">
                      {t("outbox.unsubscribe")}
                    </Text>
                    <pre
                      data-testid="outbox-headers"
                      style={{ whiteSpace: "pre-wrap", margin: 0, fontSize: "0.8rem" }}
                    >
                      {email.headers.join("\n")}
                    </pre>
                  </BlockStack>
                )}
              </BlockStack>
            </Card>
          </div>
        ))}
      </BlockStack>
    </Page>
  );
}
