// Every e-mail Vigie wrote for the shop. Without SMTP_URL (the sandbox) they stay here, unsent.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Badge, BlockStack, Card, Page, Text } from "@shopify/polaris";
import { withSearch } from "~/components/nav-items";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { listUnsubscribeHeaders } from "~/mail/transport.server";
import { getRuntime } from "~/runtime.server";
import { requireAdmin } from "~/services/admin-auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const emails = await getDb().outboxEmail.findMany({
    where: { shopId: shop.id },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      to: true,
      subject: true,
      text: true,
      status: true,
      createdAt: true,
      template: true,
      unsubUrl: true,
    },
  });
  return {
    smtp: Boolean(getRuntime().config.smtpUrl),
    emails: emails.map(({ unsubUrl, ...e }) => ({
      ...e,
      createdAt: e.createdAt.toISOString(),
      // What the SMTP message carries, as sent (RFC 8058).
      headers: Object.entries(listUnsubscribeHeaders(unsubUrl ?? undefined)).map(([k, v]) => `${k}: ${v}`),
    })),
  };
}

export default function Outbox() {
  const { smtp, emails } = useLoaderData<typeof loader>();
  const { locale, t } = useTranslation();
  const { search } = useLocation();
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  return (
    <Page
      title={t("outbox.title")}
      backAction={{ content: t("requests.title"), url: withSearch("/app/requests", search) }}
    >
      <BlockStack gap="400">
        <Text as="p" tone="subdued">
          {smtp ? t("outbox.smtp") : t("outbox.help")}
        </Text>
        {emails.length === 0 && <Text as="p">{t("outbox.empty")}</Text>}
        {emails.map((email) => (
          <Card key={email.id}>
            <BlockStack gap="200">
              <Text as="h2" variant="headingSm">
                {email.subject} <Badge>{t(`outbox.status.${email.status}` as never)}</Badge>
              </Text>
              <Text as="p" tone="subdued">
                {when(email.createdAt)} · {t("outbox.to")} {email.to}
              </Text>
              <pre
                data-testid="outbox-text"
                style={{ whiteSpace: "pre-wrap", fontFamily: "inherit", margin: 0 }}
              >
                {email.text}
              </pre>
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
        ))}
      </BlockStack>
    </Page>
  );
}
