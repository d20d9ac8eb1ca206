// One processing activity of the record (GDPR art. 30): staff edit it in both languages, sign off
// the version they read, and see every change with who made it and when.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineGrid,
  InlineStack,
  Layout,
  List,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { z } from "zod";
import { BilingualField, ChoiceField, useFormValues } from "~/components/bilingual-field";
import { withSearch } from "~/components/nav-items";
import { AppError } from "~/domain/errors";
import { flattenForForm, LAWFUL_BASES } from "~/domain/processing/record";
import { RETENTION_CATEGORIES, RETENTION_CLOCKS } from "~/domain/processing/retention-references";
import { appErrorResponse } from "~/http/app-error-response.server";
import type { MessageKey } from "~/i18n/translate";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { activityForEdit, reviewActivity, saveActivity } from "~/services/processing-register.server";

const BLANK_PURPOSE = { purpose: { fr: "", en: "" }, basis: "contract" };
const BLANK_PERIOD = { category: "other", months: "", clock: "collection", note: { fr: "", en: "" } };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdmin(request, context);
  try {
    const { entry, reading } = await activityForEdit(context.db, shop.id, params.key ?? "", locale);
    // The form offers one empty row more of each list, to add one.
    const values = flattenForForm({
      ...entry.content,
      purposes: [...entry.content.purposes, BLANK_PURPOSE],
      retention: [...entry.content.retention, BLANK_PERIOD],
    });
    return {
      key: entry.key,
      revision: entry.revision,
      purposeRows: entry.content.purposes.length + 1,
      periodRows: entry.content.retention.length + 1,
      values,
      reading,
      changes: entry.changes.map((change) => ({ ...change, at: change.at.toISOString() })),
    };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND")
      throw new Response("Not found", { status: 404 });
    throw error;
  }
}

type ActionResult = {
  ok: boolean;
  done?: "saved" | "unchanged" | "reviewed";
  error?: string;
  fields?: string[];
};

const ReviewForm = z.object({ intent: z.literal("review"), revision: z.coerce.number().int().min(1) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = await request.formData();
  const key = params.key ?? "";
  try {
    if (form.get("intent") === "review") {
      const parsed = ReviewForm.safeParse(Object.fromEntries(form));
      if (!parsed.success) throw new AppError("REGISTER_ENTRY_INVALID", "review form", ["revision"]);
      await reviewActivity(context.db, shop, staffId, key, parsed.data.revision);
      return { ok: true, done: "reviewed" } satisfies ActionResult;
    }
    const changed = await saveActivity(context.db, shop, staffId, key, form.entries());
    return { ok: true, done: changed.length > 0 ? "saved" : "unchanged" } satisfies ActionResult;
  } catch (error) {
    if (error instanceof AppError) {
      return appErrorResponse(error);
    }
    throw error;
  }
}

const FIELD_LABELS: Record<string, MessageKey> = {
  name: "register.activity",
  purposes: "register.purposes",
  subjects: "register.subjects",
  data: "register.data",
  recipients: "register.recipients",
  processors: "register.processors",
  transfers: "register.transfers",
  retention: "register.retention",
  security: "register.security",
  automatedDecision: "register.automated",
};

export default function EditActivity() {
  const data = useLoaderData<typeof loader>();
  // A new revision (after a save) starts the form again from what was stored.
  return <ActivityPage key={data.revision} />;
}

function ActivityPage() {
  const { revision, purposeRows, periodRows, values, reading, changes } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const { search } = useLocation();
  const { bind } = useFormValues(values);
  const bad = (name: string) =>
    Boolean(result?.fields?.some((field) => field === name || field.startsWith(`${name}.`)));
  const dates = useDates();
  const when = (iso: string) => dates.dateTime(iso);
  const busy = (intent: string) => navigation.formData?.get("intent") === intent;
  const fieldNames = (fields: string[]) =>
    fields.map((field) => t(FIELD_LABELS[field] ?? "register.activity")).join(", ");

  return (
    <Page
      title={t("register.form.title", { name: reading.name })}
      backAction={{ content: t("register.form.back"), url: withSearch("/app/processing", search) }}
      titleMetadata={
        <InlineStack gap="200">
          <Badge>{t("register.form.version", { revision })}</Badge>
          <span data-testid="review-state">
            <Badge tone={reading.review.state === "reviewed" ? "success" : "attention"}>
              {t(`register.reviewStates.${reading.review.state}`)}
            </Badge>
          </span>
        </InlineStack>
      }
    >
      <Layout>
        {result ? (
          <Layout.Section>
            <div data-testid="result">
              <Banner tone={result.ok ? "success" : "critical"}>
                {result.ok
                  ? t(
                      result.done === "reviewed"
                        ? "register.form.reviewDone"
                        : result.done === "saved"
                          ? "register.form.saved"
                          : "register.form.unchanged",
                    )
                  : t(`appErrors.${result.error}` as MessageKey)}
              </Banner>
            </div>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <Form method="post" data-testid="activity-form">
              <input type="hidden" name="revision" value={revision} />
              <FormLayout>
                <BilingualField
                  bind={bind}
                  name="name"
                  label={t("register.form.name")}
                  multiline={false}
                  error={bad("name")}
                />
                <Text as="h2" variant="headingMd">
                  {t("register.purposes")}
                </Text>
                <Text as="p" tone="subdued">
                  {t("register.form.rowsHelp")}
                </Text>
                {Array.from({ length: purposeRows }, (_, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: form rows are positional (purposes.<index>.…)
                  <BlockStack gap="200" key={`purpose-${index}`}>
                    <BilingualField
                      bind={bind}
                      name={`purposes.${index}.purpose`}
                      label={t("register.form.purpose", { n: index + 1 })}
                      error={bad(`purposes.${index}.purpose`)}
                    />
                    <InlineGrid columns={2} gap="300">
                      <ChoiceField
                        bind={bind}
                        name={`purposes.${index}.basis`}
                        label={t("register.form.basis")}
                        options={LAWFUL_BASES.map((basis) => ({
                          value: basis,
                          label: t(`register.bases.${basis}`),
                        }))}
                      />
                    </InlineGrid>
                    <BilingualField
                      bind={bind}
                      name={`purposes.${index}.basisDetail`}
                      label={t("register.form.basisDetail")}
                      multiline={false}
                    />
                    <BilingualField
                      bind={bind}
                      name={`purposes.${index}.legitimateInterest`}
                      label={t("register.form.legitimateInterestField")}
                      error={bad(`purposes.${index}.legitimateInterest`)}
                    />
                  </BlockStack>
                ))}
                <BilingualField
                  bind={bind}
                  name="subjects"
                  label={t("register.subjects")}
                  error={bad("subjects")}
                />
                <BilingualField bind={bind} name="data" label={t("register.data")} error={bad("data")} />
                <BilingualField
                  bind={bind}
                  name="recipients"
                  label={t("register.recipients")}
                  error={bad("recipients")}
                />
                <BilingualField bind={bind} name="processors" label={t("register.processors")} />
                <BilingualField bind={bind} name="transfers" label={t("register.transfers")} />
                <Text as="h2" variant="headingMd">
                  {t("register.retention")}
                </Text>
                {Array.from({ length: periodRows }, (_, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: form rows are positional (retention.<index>.…)
                  <BlockStack gap="200" key={`period-${index}`}>
                    <Text as="h3" variant="headingSm">
                      {t("register.form.period", { n: index + 1 })}
                    </Text>
                    {reading.retentionPeriods[index]?.reference ? (
                      <Text as="p" tone="subdued">
                        {t("register.reference", {
                          reference: reading.retentionPeriods[index]?.reference ?? "",
                        })}
                      </Text>
                    ) : null}
                    {reading.retentionPeriods[index]?.longerThanReference ? (
                      <div data-testid={`retention-warning-${index}`}>
                        <Banner tone="warning">{t("register.longer")}</Banner>
                      </div>
                    ) : null}
                    <InlineGrid columns={3} gap="300">
                      <ChoiceField
                        bind={bind}
                        name={`retention.${index}.category`}
                        label={t("register.form.category")}
                        options={RETENTION_CATEGORIES.map((category) => ({
                          value: category,
                          label: t(`register.categories.${category}`),
                        }))}
                      />
                      <TextField
                        {...bind(`retention.${index}.months`)}
                        label={t("register.form.months")}
                        type="number"
                        autoComplete="off"
                      />
                      <ChoiceField
                        bind={bind}
                        name={`retention.${index}.clock`}
                        label={t("register.form.clock")}
                        options={RETENTION_CLOCKS.map((clock) => ({
                          value: clock,
                          label: t(`register.clocks.${clock}`),
                        }))}
                      />
                    </InlineGrid>
                    <BilingualField
                      bind={bind}
                      name={`retention.${index}.note`}
                      label={t("register.form.note")}
                      multiline={false}
                    />
                  </BlockStack>
                ))}
                <BilingualField bind={bind} name="security" label={t("register.security")} />
                <BilingualField bind={bind} name="automatedDecision" label={t("register.automated")} />
                <Text as="p" tone="subdued">
                  {t("register.form.automatedHelp")}
                </Text>
                <Button submit variant="primary" loading={busy("save")}>
                  {t("register.form.save")}
                </Button>
                <input type="hidden" name="intent" value="save" />
              </FormLayout>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="p">{t("register.form.reviewHelp")}</Text>
                {reading.review.at && reading.review.by ? (
                  <Text as="p" tone="subdued">
                    {t("register.reviewedBy", {
                      who: reading.review.by,
                      when: when(reading.review.at),
                      revision,
                    })}
                  </Text>
                ) : null}
                <Form method="post">
                  <input type="hidden" name="intent" value="review" />
                  <input type="hidden" name="revision" value={revision} />
                  <Button submit loading={busy("review")} disabled={reading.review.state === "reviewed"}>
                    {t("register.form.review")}
                  </Button>
                </Form>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("register.form.history")}
                </Text>
                <div data-testid="history">
                  <List>
                    {changes.map((change) => (
                      <List.Item key={change.id}>
                        {when(change.at)} · v{change.revision} ·{" "}
                        {change.action === "drafted"
                          ? t("register.form.drafted")
                          : change.action === "reviewed"
                            ? t("register.form.reviewed", { who: change.actorId ?? "" })
                            : t("register.form.edited", {
                                who: change.actorId ?? "",
                                fields: fieldNames(change.fields),
                              })}
                      </List.Item>
                    ))}
                  </List>
                </div>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
