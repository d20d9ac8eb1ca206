// One breach: its facts (edited, every change kept), the 72-hour clock to notify the CNIL and the
// decision to notify (GDPR art. 33), the decision to inform the people and the notice sent to them
// after a confirmation (art. 34), closing, and the history.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useLocation,
  useNavigation,
  useSearchParams,
  useSubmit,
} from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineStack,
  Layout,
  List,
  Modal,
  Page,
  ProgressBar,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { BreachClockBadge, relativeTime } from "~/components/breach-clock";
import { BreachFactsFields } from "~/components/breach-facts-form";
import { withSearch } from "~/components/nav-items";
import { AppError } from "~/domain/errors";
import { appErrorResponse } from "~/http/app-error-response.server";
import { formatDateTime } from "~/i18n/format-date";
import type { MessageKey } from "~/i18n/translate";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { previewNotice, startNotice } from "~/services/breaches/breach-notice.server";
import {
  breachDetail,
  closeBreach,
  decideInformation,
  decideNotification,
  editBreach,
  recordNotification,
} from "~/services/breaches/breach-register.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  try {
    const breach = await breachDetail(context.db, shop.id, params.id ?? "");
    return {
      ...breach,
      awareAt: breach.awareAt.toISOString(),
      notifiedAt: breach.notifiedAt?.toISOString() ?? null,
      changes: breach.changes.map((change) => ({ ...change, at: change.at.toISOString() })),
    };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND")
      throw new Response("Not found", { status: 404 });
    throw error;
  }
}

type Preview = { total: number; byLocale: { fr: number; en: number }; unknown: number; invalid: number };
type ActionResult = {
  ok: boolean;
  done?: "saved" | "unchanged" | "decided" | "notified" | "started" | "closed" | "preview";
  preview?: Preview;
  error?: string;
  fields?: string[];
};

const text = (max: number) => z.string().max(max).default("");
const DecisionInput = z.object({ required: z.enum(["yes", "no"]), reasoning: text(5_000) });
const NotificationForm = z.object({
  notifiedAt: text(20),
  cnilReference: text(100),
  delayReasons: text(5_000),
});
const AudienceForm = z.discriminatedUnion("audience", [
  z.object({ audience: z.literal("all") }),
  z.object({ audience: z.literal("list"), addresses: z.string().max(400_000) }),
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = await request.formData();
  const id = params.id ?? "";
  const fields = Object.fromEntries([...form].filter(([, value]) => typeof value === "string"));
  const parse = <S extends z.ZodType>(schema: S, at: string) => {
    const parsed = schema.safeParse(fields);
    if (!parsed.success) throw new AppError("REGISTER_ENTRY_INVALID", "breach action form", [at]);
    return parsed.data as z.infer<S>;
  };
  try {
    switch (form.get("intent")) {
      case "notification-decision":
        await decideNotification(context.db, shop, staffId, id, parse(DecisionInput, "reasoning"));
        return { ok: true, done: "decided" } satisfies ActionResult;
      case "notified":
        await recordNotification(context.db, shop, staffId, id, parse(NotificationForm, "notifiedAt"));
        return { ok: true, done: "notified" } satisfies ActionResult;
      case "information-decision":
        await decideInformation(context.db, shop, staffId, id, parse(DecisionInput, "informReasoning"));
        return { ok: true, done: "decided" } satisfies ActionResult;
      case "preview":
        return {
          ok: true,
          done: "preview",
          preview: await previewNotice(context.db, shop, id, parse(AudienceForm, "audience")),
        } satisfies ActionResult;
      case "notice":
        await startNotice(context.db, shop, staffId, id, parse(AudienceForm, "audience"));
        return { ok: true, done: "started" } satisfies ActionResult;
      case "close":
        await closeBreach(context.db, shop, staffId, id);
        return { ok: true, done: "closed" } satisfies ActionResult;
      default: {
        const changed = await editBreach(context.db, shop, staffId, id, form.entries());
        return { ok: true, done: changed.length > 0 ? "saved" : "unchanged" } satisfies ActionResult;
      }
    }
  } catch (error) {
    if (error instanceof AppError) return appErrorResponse(error);
    throw error;
  }
}

const DONE: Record<NonNullable<ActionResult["done"]>, MessageKey> = {
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
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const [searchParams] = useSearchParams();
  const { t, locale } = useTranslation();
  const { search } = useLocation();
  const when = (iso: string | null) => formatDateTime(locale, iso, { timeZone: breach.timeZone });
  const busy = (intent: string) => navigation.formData?.get("intent") === intent;
  const [audience, setAudience] = useState<"all" | "list">("all");
  const [addresses, setAddresses] = useState("");
  const [modalOpen, setModalOpen] = useState(false);
  const open = breach.state !== "closed";
  const colon = locale === "fr" ? "\u00a0: " : ": ";
  const preview = result?.done === "preview" ? result.preview : undefined;
  const fieldName = (field: string) => t(`breaches.fields.${field}` as MessageKey);
  const sendNotice = () => {
    setModalOpen(false);
    submit({ intent: "notice", audience, addresses }, { method: "post" });
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
            <Card>
              <div data-testid="clock">
                <BlockStack gap="200">
                  <Text as="p" variant="headingMd">
                    {breach.notifiedAt
                      ? t("breaches.clock.notifiedOn", {
                          when: when(breach.notifiedAt),
                          reference: breach.cnilReference ?? "",
                        })
                      : breach.clock.status === "not_required"
                        ? t("breaches.clock.notRequired")
                        : t(
                            breach.clock.msLeft >= 0
                              ? "breaches.clock.deadline"
                              : "breaches.clock.deadlinePassed",
                            {
                              when: when(breach.clock.deadline),
                              relative: relativeTime(locale, breach.clock.msLeft),
                            },
                          )}
                  </Text>
                  <Text as="p" tone="subdued">
                    {t("breaches.fields.awareAt")}
                    {colon}
                    {when(breach.awareAt)}. {t("breaches.clock.zone", { zone: breach.timeZone })}
                  </Text>
                </BlockStack>
              </div>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("breaches.facts")}
                </Text>
                <Form method="post">
                  <input type="hidden" name="intent" value="save" />
                  <input type="hidden" name="revision" value={breach.revision} />
                  <BreachFactsFields
                    values={breach.form}
                    fields={result?.ok ? undefined : result?.fields}
                    submitLabel={t("breaches.save")}
                    busy={busy("save")}
                    disabled={!open}
                  />
                </Form>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <div data-testid="notification">
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {t("breaches.notification.title")}
                  </Text>
                  <Text as="p" tone="subdued">
                    {t("breaches.notification.help")}
                  </Text>
                  {breach.notificationRequired !== null ? (
                    <Text as="p">
                      <Text as="span" fontWeight="semibold">
                        {breach.notificationRequired
                          ? t("breaches.notification.required")
                          : t("breaches.notification.notRequired")}
                      </Text>{" "}
                      — {breach.notificationReasoning}
                    </Text>
                  ) : null}
                  {breach.state === "open" ? (
                    <DecisionForm
                      intent="notification-decision"
                      reasoningName="reasoning"
                      initial={breach.notificationRequired}
                      reasoning={breach.notificationReasoning ?? ""}
                      yes={t("breaches.notification.required")}
                      no={t("breaches.notification.notRequired")}
                      label={t("breaches.fields.notificationReasoning")}
                      busy={busy("notification-decision")}
                    />
                  ) : null}
                  {breach.state === "open" && breach.notificationRequired ? (
                    <NotifiedForm nowLocal={breach.nowLocal} busy={busy("notified")} />
                  ) : null}
                  {breach.delayReasons ? (
                    <Text as="p">
                      {t("breaches.fields.delayReasons")}
                      {colon}
                      {breach.delayReasons}
                    </Text>
                  ) : null}
                </BlockStack>
              </div>
            </Card>
            <Card>
              <div data-testid="information">
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {t("breaches.information.title")}
                  </Text>
                  <Text as="p" tone="subdued">
                    {t("breaches.information.help")}
                  </Text>
                  {breach.informRequired !== null ? (
                    <Text as="p">
                      <Text as="span" fontWeight="semibold">
                        {breach.informRequired
                          ? t("breaches.information.required")
                          : t("breaches.information.notRequired")}
                      </Text>{" "}
                      — {breach.informReasoning}
                    </Text>
                  ) : null}
                  {open && !breach.notice.status ? (
                    <DecisionForm
                      intent="information-decision"
                      reasoningName="reasoning"
                      initial={breach.informRequired}
                      reasoning={breach.informReasoning ?? ""}
                      yes={t("breaches.information.required")}
                      no={t("breaches.information.notRequired")}
                      label={t("breaches.fields.informReasoning")}
                      busy={busy("information-decision")}
                    />
                  ) : null}
                  {breach.notice.status ? (
                    <div data-testid="notice-progress">
                      <BlockStack gap="200">
                        <Text as="p">
                          {t("breaches.information.progress", {
                            queued: breach.notice.queued,
                            total: breach.notice.total,
                            delivered: breach.notice.delivered,
                          })}
                        </Text>
                        <ProgressBar
                          progress={
                            breach.notice.total ? (100 * breach.notice.queued) / breach.notice.total : 0
                          }
                          size="small"
                        />
                        {breach.notice.status === "done" ? (
                          <Text as="p" tone="subdued">
                            {t("breaches.information.done")}
                          </Text>
                        ) : null}
                      </BlockStack>
                    </div>
                  ) : null}
                  {open && breach.informRequired && !breach.notice.status ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="preview" />
                      <FormLayout>
                        <Select
                          label={t("breaches.information.audience")}
                          name="audience"
                          value={audience}
                          onChange={(value) => setAudience(value as "all" | "list")}
                          options={[
                            { value: "all", label: t("breaches.information.all") },
                            { value: "list", label: t("breaches.information.list") },
                          ]}
                        />
                        {audience === "list" ? (
                          <TextField
                            label={t("breaches.information.addresses")}
                            name="addresses"
                            value={addresses}
                            onChange={setAddresses}
                            multiline={4}
                            autoComplete="off"
                          />
                        ) : null}
                        <Button submit loading={busy("preview")}>
                          {t("breaches.information.preview")}
                        </Button>
                        {preview ? (
                          <div data-testid="preview">
                            <BlockStack gap="200">
                              <Text as="p">
                                {t("breaches.information.previewResult", {
                                  total: preview.total,
                                  fr: preview.byLocale.fr,
                                  en: preview.byLocale.en,
                                })}
                              </Text>
                              {preview.unknown || preview.invalid ? (
                                <Text as="p" tone="subdued">
                                  {t("breaches.information.previewSkipped", {
                                    unknown: preview.unknown,
                                    invalid: preview.invalid,
                                  })}
                                </Text>
                              ) : null}
                              <Button
                                variant="primary"
                                tone="critical"
                                disabled={preview.total === 0}
                                onClick={() => setModalOpen(true)}
                              >
                                {t("breaches.information.send")}
                              </Button>
                            </BlockStack>
                          </div>
                        ) : null}
                      </FormLayout>
                    </Form>
                  ) : null}
                </BlockStack>
              </div>
            </Card>
            {open ? (
              <Card>
                <Form method="post">
                  <input type="hidden" name="intent" value="close" />
                  <Button submit loading={busy("close")}>
                    {t("breaches.close")}
                  </Button>
                </Form>
              </Card>
            ) : null}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("breaches.history")}
                </Text>
                <div data-testid="history">
                  <List>
                    {breach.changes.map((change) => (
                      <List.Item key={change.id}>
                        {when(change.at)} · v{change.revision} ·{" "}
                        {t(`breaches.actions.${change.action}` as MessageKey, {
                          who: change.actorId ?? "",
                          fields: change.fields.map(fieldName).join(", "),
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
      {preview ? (
        <Modal
          open={modalOpen}
          onClose={() => setModalOpen(false)}
          title={t("breaches.information.modalTitle", { total: preview.total })}
          primaryAction={{
            content: t("breaches.information.confirm"),
            destructive: true,
            onAction: sendNotice,
            loading: busy("notice"),
          }}
          secondaryActions={[
            { content: t("breaches.information.cancel"), onAction: () => setModalOpen(false) },
          ]}
        >
          <Modal.Section>
            <div data-testid="notice-confirm">
              <Text as="p">
                {t("breaches.information.modalBody", {
                  total: preview.total,
                  fr: preview.byLocale.fr,
                  en: preview.byLocale.en,
                  subject: t("breaches.information.subject"),
                })}
              </Text>
            </div>
          </Modal.Section>
        </Modal>
      ) : null}
    </Page>
  );
}

function DecisionForm(props: {
  intent: string;
  reasoningName: string;
  initial: boolean | null;
  reasoning: string;
  yes: string;
  no: string;
  label: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [required, setRequired] = useState(props.initial === false ? "no" : "yes");
  const [reasoning, setReasoning] = useState(props.reasoning);
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={props.intent} />
      <FormLayout>
        <Select
          label={props.label}
          labelHidden
          name="required"
          value={required}
          onChange={setRequired}
          options={[
            { value: "yes", label: props.yes },
            { value: "no", label: props.no },
          ]}
        />
        <TextField
          label={props.label}
          name={props.reasoningName}
          value={reasoning}
          onChange={setReasoning}
          multiline={3}
          autoComplete="off"
        />
        <Button submit loading={props.busy}>
          {t("breaches.notification.decide")}
        </Button>
      </FormLayout>
    </Form>
  );
}

function NotifiedForm({ nowLocal, busy }: { nowLocal: string; busy: boolean }) {
  const { t } = useTranslation();
  const [notifiedAt, setNotifiedAt] = useState(nowLocal);
  const [cnilReference, setCnilReference] = useState("");
  const [delayReasons, setDelayReasons] = useState("");
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="notified" />
      <FormLayout>
        <Text as="p" tone="subdued">
          {t("breaches.notification.recordHelp")}
        </Text>
        <TextField
          label={t("breaches.fields.notifiedAt")}
          name="notifiedAt"
          type="datetime-local"
          value={notifiedAt}
          onChange={setNotifiedAt}
          autoComplete="off"
        />
        <TextField
          label={t("breaches.fields.cnilReference")}
          name="cnilReference"
          value={cnilReference}
          onChange={setCnilReference}
          autoComplete="off"
        />
        <TextField
          label={t("breaches.fields.delayReasons")}
          name="delayReasons"
          value={delayReasons}
          onChange={setDelayReasons}
          multiline={2}
          autoComplete="off"
          helpText={t("breaches.notification.delayHelp")}
        />
        <Button submit loading={busy}>
          {t("breaches.notification.record")}
        </Button>
      </FormLayout>
    </Form>
  );
}
