// The privacy notice (GDPR art. 13–14): staff preview the notice the record and registers give now,
// publish it as a new version, and compare any two published versions.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Layout, Link, List, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import { withSearch } from "~/components/nav-items";
import { NoticeView } from "~/components/notice-view";
import { AppError } from "~/domain/errors";
import { appErrorResponse } from "~/http/app-error-response.server";
import type { MessageKey } from "~/i18n/translate";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import {
  compareNoticeVersions,
  draftNotice,
  noticeVersions,
  publishedNotice,
  publishNotice,
} from "~/services/privacy-notice.server";
import { requestStorePolicy } from "~/services/store-policy.server";

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
    versions: versions.map((v) => ({
      ...v,
      publishedAt: v.publishedAt.toISOString(),
      storePolicyAt: v.storePolicyAt?.toISOString() ?? null,
    })),
    compared: diff ? { from, to, lines: diff } : null,
  };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("store_policy"), version: z.coerce.number().int().positive() }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ ok: false, error: "REGISTER_ENTRY_INVALID" }, { status: 400 });
  try {
    if (parsed.data.intent === "store_policy") {
      await requestStorePolicy(context.db, shop, staffId, parsed.data.version);
      return { ok: true, storePolicy: parsed.data.version };
    }
    const published = await publishNotice(context.db, shop, { type: "staff", id: staffId });
    return { ok: true, version: published.version, created: published.created };
  } catch (error) {
    if (error instanceof AppError) {
      return appErrorResponse(error);
    }
    throw error;
  }
}

const STORE_POLICY_REASONS = ["access_denied", "too_long", "shopify_not_connected"];
/** Shopify's other codes are shown as one refusal: staff cannot act on them one by one. */
const storePolicyReason = (error: string) => (STORE_POLICY_REASONS.includes(error) ? error : "refused");

export default function NoticePage() {
  const { draft, changed, versions, compared } = useLoaderData<typeof loader>();
  const result = useActionData<{
    ok: boolean;
    version?: number;
    created?: boolean;
    storePolicy?: number;
    error?: string;
  }>();
  const inForce = versions[0];
  const navigation = useNavigation();
  const { t } = useTranslation();
  const { search } = useLocation();
  const dates = useDates();
  const when = (iso: string) => dates.dateTime(iso);
  return (
    <Page title={t("notice.title")}>
      <Layout>
        {result ? (
          <Layout.Section>
            <div data-testid="result">
              <Banner tone={result.ok ? "success" : "critical"}>
                {result.ok
                  ? result.storePolicy
                    ? t("notice.storePolicy.queued", { version: result.storePolicy })
                    : result.created
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
            {inForce ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    {t("notice.storePolicy.title")}
                  </Text>
                  <Text as="p" tone="subdued">
                    {t("notice.storePolicy.help")}
                  </Text>
                  <div data-testid="store-policy">
                    <Text as="p">
                      {inForce.storePolicyStatus
                        ? t(`notice.storePolicy.status.${inForce.storePolicyStatus}` as MessageKey, {
                            version: inForce.version,
                            when: inForce.storePolicyAt ? when(inForce.storePolicyAt) : "",
                            reason: inForce.storePolicyError
                              ? t(
                                  `notice.storePolicy.errors.${storePolicyReason(inForce.storePolicyError)}` as MessageKey,
                                )
                              : "",
                          })
                        : t("notice.storePolicy.status.none", { version: inForce.version })}
                    </Text>
                  </div>
                  <Form method="post">
                    <input type="hidden" name="intent" value="store_policy" />
                    <input type="hidden" name="version" value={inForce.version} />
                    <Button submit disabled={inForce.storePolicyStatus === "queued"}>
                      {t("notice.storePolicy.write", { version: inForce.version })}
                    </Button>
                  </Form>
                </BlockStack>
              </Card>
            ) : null}
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
