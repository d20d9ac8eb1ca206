// One processing activity of the record (GDPR art. 30): staff edit it in both languages, sign off
// the version they read, and see every change with who made it and when. The form is
// app/components/processing-page/activity-form-card.tsx; the page's data comes from activityPage.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, InlineStack, Layout, Page } from "@shopify/polaris";
import { z } from "zod";
import { useFormValues } from "~/components/bilingual-field";
import { ChangeHistoryCard } from "~/components/change-history-card";
import { withSearch } from "~/components/nav-items";
import { ActivityFormCard } from "~/components/processing-page/activity-form-card";
import { SignOffCard } from "~/components/register-entry/sign-off-card";
import { AppError } from "~/domain/errors";
import { appErrorResponse } from "~/http/app-error-response.server";
import type { MessageKey } from "~/i18n/translate";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { activityPage, reviewActivity, saveActivity } from "~/services/processing-register.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdmin(request, context);
  try {
    return await activityPage(context.db, shop.id, params.key ?? "", locale);
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
  const page = useLoaderData<typeof loader>();
  const { revision, values, reading, changes } = page;
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
          <ActivityFormCard page={page} bind={bind} bad={bad} t={t} busy={busy("save")} />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <SignOffCard
              help={t("register.form.reviewHelp")}
              signed={
                reading.review.at && reading.review.by
                  ? t("register.reviewedBy", {
                      who: reading.review.by,
                      when: when(reading.review.at),
                      revision,
                    })
                  : null
              }
              intent="review"
              revision={revision}
              label={t("register.form.review")}
              busy={busy("review")}
              disabled={reading.review.state === "reviewed"}
            />
            <ChangeHistoryCard
              title={t("register.form.history")}
              changes={changes}
              when={when}
              describe={(change) =>
                change.action === "drafted"
                  ? t("register.form.drafted")
                  : change.action === "reviewed"
                    ? t("register.form.reviewed", { who: change.actorId ?? "" })
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
