// One breach: its facts (edited, every change kept), the 72-hour clock to notify the CNIL and the
// decision to notify (GDPR art. 33), the decision to inform the people and the notice sent to them
// after a confirmation (art. 34), closing, and the history. The page service loads it and carries out
// each form (app/services/breaches/breach-page.server.ts); each card is in app/components/breach-page/.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useLocation,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Layout, Page } from "@shopify/polaris";
import { BreachClockBadge } from "~/components/breach-clock";
import { ClockCard } from "~/components/breach-page/clock-card";
import { FactsCard } from "~/components/breach-page/facts-card";
import { InformationCard } from "~/components/breach-page/information-card";
import type { BreachCardProps } from "~/components/breach-page/kit";
import { NotificationCard } from "~/components/breach-page/notification-card";
import { ChangeHistoryCard } from "~/components/change-history-card";
import { withSearch } from "~/components/nav-items";
import { AppError } from "~/domain/errors";
import { appErrorResponse } from "~/http/app-error-response.server";
import { formatDateTime } from "~/i18n/format-date";
import type { MessageKey } from "~/i18n/translate";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import {
  type BreachActionResult,
  loadBreachPage,
  runBreachPageAction,
} from "~/services/breaches/breach-page.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  try {
    return await loadBreachPage(context.db, shop.id, params.id ?? "");
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND")
      throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = await request.formData();
  try {
    return await runBreachPageAction(context.db, shop, staffId, params.id ?? "", form);
  } catch (error) {
    if (error instanceof AppError) return appErrorResponse(error);
    throw error;
  }
}

const DONE: Record<NonNullable<BreachActionResult["done"]>, MessageKey> = {
  saved: "breaches.saved",
  unchanged: "breaches.unchanged",
  decided: "breaches.notification.decided",
  notified: "breaches.notification.notified",
  started: "breaches.information.started",
  closed: "breaches.closed",
  preview: "breaches.information.preview",
};

export default function BreachRoute() {
  const data = useLoaderData<typeof loader>();
  return <BreachPage key={data.revision} />;
}

function BreachPage() {
  const breach = useLoaderData<typeof loader>();
  const result = useActionData<BreachActionResult>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t, locale } = useTranslation();
  const { search } = useLocation();
  const props: BreachCardProps = {
    breach,
    locale,
    t,
    when: (iso) => formatDateTime(locale, iso, { timeZone: breach.timeZone }),
    busy: (intent) => navigation.formData?.get("intent") === intent,
    colon: locale === "fr" ? "\u00a0: " : ": ",
  };

  return (
    <Page
      title={`${breach.reference} — ${breach.facts.title}`}
      backAction={{ content: t("breaches.back"), url: withSearch("/app/breaches", search) }}
      titleMetadata={
        <InlineStack gap="200">
          <span data-testid="state">
            <Badge>{t(`breaches.states.${breach.state as "open"}`)}</Badge>
          </span>
          <BreachClockBadge status={breach.clock.status} />
        </InlineStack>
      }
    >
      <Layout>
        {result && result.done !== "preview" ? (
          <Layout.Section>
            <div data-testid="result">
              <Banner tone={result.ok ? "success" : "critical"}>
                {result.ok && result.done
                  ? t(DONE[result.done])
                  : t(`appErrors.${result.error}` as MessageKey)}
              </Banner>
            </div>
          </Layout.Section>
        ) : searchParams.get("recorded") ? (
          <Layout.Section>
            <Banner tone="success">{t("breaches.recorded")}</Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <BlockStack gap="400">
            <ClockCard {...props} />
            <FactsCard {...props} fields={result?.ok ? undefined : result?.fields} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <NotificationCard {...props} />
            <InformationCard {...props} preview={result?.done === "preview" ? result.preview : undefined} />
            {breach.state !== "closed" ? (
              <Card>
                <Form method="post">
                  <input type="hidden" name="intent" value="close" />
                  <Button submit loading={props.busy("close")}>
                    {t("breaches.close")}
                  </Button>
                </Form>
              </Card>
            ) : null}
            <ChangeHistoryCard
              title={t("breaches.history")}
              changes={breach.changes}
              when={props.when}
              describe={(change) =>
                t(`breaches.actions.${change.action}` as MessageKey, {
                  who: change.actorId ?? "",
                  fields: change.fields
                    .map((field) => t(`breaches.fields.${field}` as MessageKey))
                    .join(", "),
                })
              }
            />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
