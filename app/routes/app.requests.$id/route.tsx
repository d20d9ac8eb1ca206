// One rights request, for staff: the page service gathers it (app/services/requests/request-page.server.ts),
// each card shows one part of it (app/components/request-page/), and every action is one service call.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Badge, Banner, InlineStack, Layout, Page } from "@shopify/polaris";
import { ActionLock, maskEmail } from "~/components/confirm-action";
import { withSearch } from "~/components/nav-items";
import { AskedCard } from "~/components/request-page/asked-card";
import { DecisionForms } from "~/components/request-page/decision-forms";
import { HistoryCards } from "~/components/request-page/history-cards";
import { IdentityCard } from "~/components/request-page/identity-card";
import type { CardProps } from "~/components/request-page/kit";
import { RecipientsCard } from "~/components/request-page/recipients-card";
import { RectificationCard } from "~/components/request-page/rectification-card";
import { RestrictionCard } from "~/components/request-page/restriction-card";
import { SummaryCards } from "~/components/request-page/summary-cards";
import { TasksCard } from "~/components/request-page/tasks-card";
import { isAppError } from "~/domain/errors";
import { REQUEST_TYPE_INFO } from "~/domain/requests/request-types";
import { appErrorResponse, type RefusedAction } from "~/http/app-error-response.server";
import { useDates, useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { rectificationPanel } from "~/services/rectification/rectification-view.server";
import {
  loadRequestPage,
  RequestPageActionSchema,
  type RequestPageIntent,
  runRequestPageAction,
} from "~/services/requests/request-page.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  const page = await loadRequestPage(context.db, shop, params.id ?? "");
  if (!page) throw new Response("Not found", { status: 404 });
  const rectification =
    page.request.type === "rectification"
      ? await rectificationPanel(context.db, context.encryptionKey, shop.id, page.request.id)
      : null;
  return { ...page, rectification };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = RequestPageActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return Response.json({ ok: false, error: "invalid" }, { status: 400 });
  try {
    const links = context.links(shop.domain);
    await runRequestPageAction({ db: context.db, links }, shop, staffId, params.id ?? "", form.data);
    return { ok: true, done: form.data.intent };
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) throw new Response("Not found", { status: 404 });
    if (isAppError(error)) return appErrorResponse(error);
    throw error;
  }
}

export default function RequestPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<{ ok: true; done: RequestPageIntent } | RefusedAction>();
  const navigation = useNavigation();
  const { locale, t } = useTranslation();
  const dates = useDates();
  const { search } = useLocation();
  const r = data.request;
  const props: CardProps = {
    data,
    locale,
    t,
    search,
    when: (iso) => dates.dateTime(iso),
    day: (local) => dates.day(local),
    busy: (intent) => navigation.formData?.get("intent") === intent,
    who: r.requesterEmail ? maskEmail(r.requesterEmail) : t("confirm.someone"),
  };
  return (
    <Page
      title={`${r.reference} · ${REQUEST_TYPE_INFO[r.type].label[locale]}`}
      backAction={{ content: t("requests.title"), url: withSearch("/app/requests", search) }}
      titleMetadata={
        <InlineStack gap="200">
          <Badge>{t(`requests.states.${r.state}` as never)}</Badge>
          {data.subjectRestricted && (
            <span data-testid="restricted-badge">
              <Badge tone="warning">{t("restriction.badge")}</Badge>
            </span>
          )}
        </InlineStack>
      }
    >
      <ActionLock>
        <Layout>
          {result && (
            <Layout.Section>
              <Banner tone={result.ok ? "success" : "critical"}>
                {result.ok ? t(`requests.done.${result.done}` as never) : t(`appErrors.${result.error}`)}
              </Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <SummaryCards {...props} />
          </Layout.Section>
          {(r.type === "post_mortem_directive" || r.type === "heir_request") && (
            <Layout.Section>
              <AskedCard {...props} />
            </Layout.Section>
          )}
          {data.rectification && (
            <Layout.Section>
              <RectificationCard panel={data.rectification} {...props} />
            </Layout.Section>
          )}
          {r.type === "restriction" && (
            <Layout.Section>
              <RestrictionCard {...props} />
            </Layout.Section>
          )}
          <Layout.Section>
            <IdentityCard {...props} />
          </Layout.Section>
          <Layout.Section>
            <TasksCard {...props} />
          </Layout.Section>
          {data.recipients.length > 0 && (
            <Layout.Section>
              <RecipientsCard {...props} />
            </Layout.Section>
          )}
          {!r.closed && (
            <Layout.Section>
              <DecisionForms {...props} />
            </Layout.Section>
          )}
          <Layout.Section>
            <HistoryCards {...props} />
          </Layout.Section>
        </Layout>
      </ActionLock>
    </Page>
  );
}
