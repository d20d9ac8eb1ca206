// One recipient of the shop's data: staff edit it in both languages, confirm the version whose
// contract and transfer safeguards they checked (GDPR art. 28, 44–46), and see every change.
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
import { RECIPIENT_ROLES, TRANSFER_MECHANISMS } from "~/domain/processing/processors";
import { flattenForForm } from "~/domain/processing/record";
import { appErrorResponse } from "~/http/app-error-response.server";
import type { MessageKey } from "~/i18n/translate";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { confirmProcessor, processorForEdit, saveProcessor } from "~/services/processors-register.server";

const BLANK_TRANSFER = { destination: { fr: "", en: "" }, mechanism: "unknown", detail: { fr: "", en: "" } };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdmin(request, context);
  try {
    const { entry, reading } = await processorForEdit(context.db, shop.id, params.key ?? "", locale);
    return {
      revision: entry.revision,
      transferRows: entry.content.transfers.length + 1,
      values: flattenForForm({ ...entry.content, transfers: [...entry.content.transfers, BLANK_TRANSFER] }),
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
  done?: "saved" | "unchanged" | "confirmed";
  error?: string;
  fields?: string[];
};

const ConfirmForm = z.object({ intent: z.literal("confirm"), revision: z.coerce.number().int().min(1) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = await request.formData();
  const key = params.key ?? "";
  try {
    if (form.get("intent") === "confirm") {
      const parsed = ConfirmForm.safeParse(Object.fromEntries(form));
      if (!parsed.success) throw new AppError("REGISTER_ENTRY_INVALID", "confirm form", ["revision"]);
      await confirmProcessor(context.db, shop, staffId, key, parsed.data.revision);
      return { ok: true, done: "confirmed" } satisfies ActionResult;
    }
    const changed = await saveProcessor(context.db, shop, staffId, key, form.entries());
    return { ok: true, done: changed.length > 0 ? "saved" : "unchanged" } satisfies ActionResult;
  } catch (error) {
    if (error instanceof AppError) {
      return appErrorResponse(error);
    }
    throw error;
  }
}

const FIELD_LABELS: Record<string, MessageKey> = {
  name: "processors.name",
  role: "processors.role",
  service: "processors.service",
  data: "processors.data",
  location: "processors.location",
  subProcessors: "processors.subProcessors",
  contractDate: "processors.contractDate",
  contractUrl: "processors.contractUrl",
  transfers: "processors.transfers",
};

export default function EditProcessor() {
  const data = useLoaderData<typeof loader>();
  return <ProcessorPage key={data.revision} />;
}

function ProcessorPage() {
  const { revision, transferRows, values, reading, changes } = useLoaderData<typeof loader>();
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
    fields.map((field) => t(FIELD_LABELS[field] ?? "processors.name")).join(", ");

  return (
    <Page
      title={reading.name}
      backAction={{ content: t("processors.back"), url: withSearch("/app/processors", search) }}
      titleMetadata={
        <InlineStack gap="200">
          <Badge>{t("register.form.version", { revision })}</Badge>
          <span data-testid="confirm-state">
            <Badge tone={reading.confirmed ? "success" : "attention"}>
              {reading.confirmed ? t("processors.confirmed") : t("processors.toConfirm")}
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
                      result.done === "confirmed"
                        ? "processors.confirmDone"
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
            <Form method="post">
              <input type="hidden" name="revision" value={revision} />
              <input type="hidden" name="intent" value="save" />
              <FormLayout>
                <InlineGrid columns={2} gap="300">
                  <TextField
                    {...bind("name")}
                    label={t("processors.name")}
                    autoComplete="off"
                    error={bad("name") ? " " : undefined}
                  />
                  <ChoiceField
                    bind={bind}
                    name="role"
                    label={t("processors.role")}
                    options={RECIPIENT_ROLES.map((role) => ({
                      value: role,
                      label: t(`processors.roles.${role}`),
                    }))}
                  />
                </InlineGrid>
                <BilingualField
                  bind={bind}
                  name="service"
                  label={t("processors.service")}
                  error={bad("service")}
                />
                <BilingualField bind={bind} name="data" label={t("processors.data")} error={bad("data")} />
                <BilingualField
                  bind={bind}
                  name="location"
                  label={t("processors.location")}
                  error={bad("location")}
                />
                <BilingualField bind={bind} name="subProcessors" label={t("processors.subProcessors")} />
                <InlineGrid columns={2} gap="300">
                  <TextField
                    {...bind("contractDate")}
                    label={t("processors.contractDate")}
                    type="date"
                    autoComplete="off"
                    error={bad("contractDate") ? " " : undefined}
                  />
                  <TextField
                    {...bind("contractUrl")}
                    label={t("processors.contractUrl")}
                    type="url"
                    autoComplete="off"
                    error={bad("contractUrl") ? " " : undefined}
                  />
                </InlineGrid>
                <Text as="h2" variant="headingMd">
                  {t("processors.transfers")}
                </Text>
                <Text as="p" tone="subdued">
                  {t("register.form.rowsHelp")}
                </Text>
                {Array.from({ length: transferRows }, (_, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: form rows are positional (transfers.<index>.…)
                  <BlockStack gap="200" key={`transfer-${index}`}>
                    <BilingualField
                      bind={bind}
                      name={`transfers.${index}.destination`}
                      label={t("processors.destination", { n: index + 1 })}
                      multiline={false}
                      error={bad(`transfers.${index}.destination`)}
                    />
                    <InlineGrid columns={2} gap="300">
                      <ChoiceField
                        bind={bind}
                        name={`transfers.${index}.mechanism`}
                        label={t("processors.mechanism")}
                        options={TRANSFER_MECHANISMS.map((mechanism) => ({
                          value: mechanism,
                          label: t(`processors.mechanisms.${mechanism}`),
                        }))}
                      />
                    </InlineGrid>
                    <BilingualField
                      bind={bind}
                      name={`transfers.${index}.detail`}
                      label={t("processors.detail")}
                    />
                  </BlockStack>
                ))}
                <Button submit variant="primary" loading={busy("save")}>
                  {t("register.form.save")}
                </Button>
              </FormLayout>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="p">{t("processors.confirmHelp")}</Text>
                {reading.confirmed && reading.confirmedAt ? (
                  <Text as="p" tone="subdued">
                    {t("processors.confirmedBy", {
                      who: reading.confirmedBy ?? "",
                      when: when(reading.confirmedAt),
                      revision,
                    })}
                  </Text>
                ) : null}
                <Form method="post">
                  <input type="hidden" name="intent" value="confirm" />
                  <input type="hidden" name="revision" value={revision} />
                  <Button submit loading={busy("confirm")} disabled={reading.confirmed}>
                    {t("processors.confirm")}
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
                            ? t("processors.confirmedBy", {
                                who: change.actorId ?? "",
                                when: when(change.at),
                                revision: change.revision,
                              })
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
