// One recipient of the shop's data: staff edit it in both languages, confirm the version whose
// contract and transfer safeguards they checked (GDPR art. 28, 44–46), and see every change. The form
// is app/components/processor-page/processor-form-card.tsx; the page's data comes from processorPage.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, InlineStack, Layout, Page } from "@shopify/polaris";
import { z } from "zod";
import { useFormValues } from "~/components/bilingual-field";
import { ChangeHistoryCard } from "~/components/change-history-card";
import { withSearch } from "~/components/nav-items";
import { ProcessorFormCard } from "~/components/processor-page/processor-form-card";
import { SignOffCard } from "~/components/register-entry/sign-off-card";
import { AppError } from "~/domain/errors";
import { appErrorResponse } from "~/http/app-error-response.server";
import type { MessageKey } from "~/i18n/translate";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { confirmProcessor, processorPage, saveProcessor } from "~/services/processors-register.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdmin(request, context);
  try {
    return await processorPage(context.db, shop.id, params.key ?? "", locale);
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
          <ProcessorFormCard
            revision={revision}
            transferRows={transferRows}
            bind={bind}
            bad={bad}
            t={t}
            busy={busy("save")}
          />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <SignOffCard
              help={t("processors.confirmHelp")}
              signed={
                reading.confirmed && reading.confirmedAt
                  ? t("processors.confirmedBy", {
                      who: reading.confirmedBy ?? "",
                      when: when(reading.confirmedAt),
                      revision,
                    })
                  : null
              }
              intent="confirm"
              revision={revision}
              label={t("processors.confirm")}
              busy={busy("confirm")}
              disabled={reading.confirmed}
            />
            <ChangeHistoryCard
              title={t("register.form.history")}
              changes={changes}
              when={when}
              describe={(change) =>
                change.action === "drafted"
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
                      })
              }
            />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
