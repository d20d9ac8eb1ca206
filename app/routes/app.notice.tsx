// The privacy notice (GDPR art. 13–14): staff preview the notice the record and registers give now,
// publish it as a new version, and compare any two published versions.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Layout, Link, List, Page, Text } from "@shopify/polaris";
import { withSearch } from "~/components/nav-items";
import { NoticeView } from "~/components/notice-view";
import { AppError } from "~/domain/errors";
import { appErrorResponse } from "~/http/app-error-response.server";
import type { MessageKey } from "~/i18n/translate";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import {
  compareNoticeVersions,
  draftNotice,
  noticeVersions,
  publishedNotice,
  publishNotice,
} from "~/services/privacy-notice.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdmin(request, context);
  const url = new URL(request.url);
  const draft = await draftNotice(context.db, shop.id);
  const versions = await noticeVersions(context.db, shop.id);
  const current = await publishedNotice(context.db, shop.id);
  const from = Number(url.searchParams.get("from"));
  const to = Number(url.searchParams.get("to"));
  const diff =
    Number.isInteger(from) && Number.isInteger(to) && from > 0 && to > 0
      ? await compareNoticeVersions(context.db, shop.id, from, to, locale)
      : null;
  return {
    draft: draft[locale],
    // The draft differs from the version in force: publishing would make a new version.
    changed: !current || JSON.stringify(current.content) !== JSON.stringify(draft),
    versions: versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })),
    compared: diff ? { from, to, lines: diff } : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = await request.formData();
  if (form.get("intent") !== "publish")
    return Response.json({ ok: false, error: "REGISTER_ENTRY_INVALID" }, { status: 400 });
  try {
    const published = await publishNotice(context.db, shop, { type: "staff", id: staffId });
    return { ok: true, version: published.version, created: published.created };
  } catch (error) {
    if (error instanceof AppError) {
      return appErrorResponse(error);
    }
    throw error;
  }
}

export default function NoticePage() {
  const { draft, changed, versions, compared } = useLoaderData<typeof loader>();
  const result = useActionData<{ ok: boolean; version?: number; created?: boolean; error?: string }>();
  const navigation = useNavigation();
  const { t, locale } = useTranslation();
  const { search } = useLocation();
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  return (
    <Page title={t("notice.title")}>
      <Layout>
        {result ? (
          <Layout.Section>
            <div data-testid="result">
              <Banner tone={result.ok ? "success" : "critical"}>
                {result.ok
                  ? result.created
                    ? t("notice.published", { version: result.version ?? "" })
                    : t("notice.unchanged", { version: result.version ?? "" })
                  : t(`appErrors.${result.error}` as MessageKey)}
              </Banner>
            </div>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="p" tone="subdued">
                {t("notice.help")}
              </Text>
              <Text as="h2" variant="headingMd">
                {changed ? t("notice.previewChanged") : t("notice.previewSame")}
              </Text>
              <div data-testid="preview" style={{ lineHeight: 1.5 }}>
                <NoticeView notice={draft} />
              </div>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Form method="post">
                  <input type="hidden" name="intent" value="publish" />
                  <Button
                    submit
                    variant="primary"
                    disabled={!changed}
                    loading={navigation.state === "submitting"}
                  >
                    {t("notice.publish")}
                  </Button>
                </Form>
                <Text as="p" tone="subdued">
                  {t("notice.publishHelp")}
                </Text>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("notice.versions")}
                </Text>
                <div data-testid="versions">
                  <List>
                    {versions.map((v, index) => {
                      const previous = versions[index + 1];
                      return (
                        <List.Item key={v.version}>
                          {t("notice.versionItem", {
                            version: v.version,
                            when: when(v.publishedAt),
                            who: v.publishedBy,
                          })}
                          {previous ? (
                            <>
                              {" · "}
                              <Link
                                url={withSearch(
                                  `/app/notice?from=${previous.version}&to=${v.version}`,
                                  search,
                                )}
                              >
                                {t("notice.compare", { from: previous.version })}
                              </Link>
                            </>
                          ) : null}
                        </List.Item>
                      );
                    })}
                  </List>
                </div>
              </BlockStack>
            </Card>
            {compared ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    {t("notice.diffTitle", { from: compared.from, to: compared.to })}
                  </Text>
                  <div data-testid="diff" style={{ fontSize: "0.85rem" }}>
                    {compared.lines
                      .filter((line) => line.op !== "same")
                      .map((line, index) => (
                        <p
                          // biome-ignore lint/suspicious/noArrayIndexKey: a diff's lines are positional
                          key={index}
                          data-op={line.op}
                          style={{
                            margin: "0.2rem 0",
                            background: line.op === "added" ? "#e3f1df" : "#fbeae5",
                            textDecoration: line.op === "removed" ? "line-through" : undefined,
                          }}
                        >
                          {line.op === "added" ? "+ " : "− "}
                          {line.text}
                        </p>
                      ))}
                  </div>
                </BlockStack>
              </Card>
            ) : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
