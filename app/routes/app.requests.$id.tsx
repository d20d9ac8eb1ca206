import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { DeadlineBadge } from "~/components/deadline-badge";
import {
  DirectiveEntry,
  HeirDirectiveTask,
  HeirProofsForm,
  RequestDetailsCard,
} from "~/components/directive-panel";
import { ErasurePanel } from "~/components/erasure-panel";
import { withSearch } from "~/components/nav-items";
import { AppError, isAppError } from "~/domain/errors";
import { PROOF_STATUSES } from "~/domain/requests/request-details";
import {
  REFUSAL_GROUND_BASIS,
  REQUEST_TYPE_INFO,
  type RefusalGround,
  type RequestType,
} from "~/domain/requests/request-types";
import { SYSTEMS } from "~/domain/systems";
import { appErrorResponse, type RefusedAction } from "~/http/app-error-response.server";
import { translateDynamic } from "~/i18n/translate";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/services/admin-auth.server";
import { listDocuments } from "~/services/documents.server";
import { approveErasure, replanErasure, retryErasureSystem } from "~/services/erasure/erasure-runs.server";
import { erasurePanelData } from "~/services/erasure/erasure-view.server";
import { isPartStalled, retryExportSystem } from "~/services/exports/exports.server";
import {
  carryOutDirective,
  directiveForHeirRequest,
  directiveOfRequest,
  revokeDirectiveByStaff,
} from "~/services/requests/post-mortem-directives.server";
import {
  answerRequest,
  closeUnverified,
  decideIdentityDocument,
  extendRequest,
  recordHeirProofs,
  refuseRequest,
  requestIdentityDocument,
  verifyIdentityByStaff,
} from "~/services/requests/request-actions.server";
import { requestDetail } from "~/services/requests/request-queue.server";

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("verify") }),
  z.object({ intent: z.literal("document"), reason: z.string().trim().min(1).max(2000) }),
  z.object({
    intent: z.literal("extend"),
    months: z.coerce.number().int().min(1).max(2),
    reason: z.string().max(2000),
  }),
  z.object({ intent: z.literal("answer"), summary: z.string().trim().min(1).max(10_000) }),
  z.object({
    intent: z.literal("refuse"),
    ground: z.string().min(1).max(64),
    explanation: z.string().max(10_000),
  }),
  z.object({ intent: z.literal("close_unverified") }),
  z.object({ intent: z.literal("document_decision"), accepted: z.enum(["yes", "no"]) }),
  z.object({ intent: z.literal("approve_erasure") }),
  z.object({ intent: z.literal("heir_proofs"), death: z.enum(PROOF_STATUSES), heir: z.enum(PROOF_STATUSES) }),
  z.object({ intent: z.literal("carry_out_directive") }),
  z.object({ intent: z.literal("revoke_directive"), directiveId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("replan_erasure") }),
  z.object({ intent: z.literal("retry_erasure"), system: z.enum(SYSTEMS) }),
  z.object({
    intent: z.literal("retry_export"),
    archiveId: z.string().min(1).max(100),
    system: z.enum(SYSTEMS),
  }),
]);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request, context);
  const detail = await requestDetail(context.db, shop.id, params.id ?? "");
  if (!detail) throw new Response("Not found", { status: 404 });
  const { request: r } = detail;
  return {
    request: {
      id: r.id,
      reference: r.reference,
      type: r.type as RequestType,
      state: r.state,
      channel: r.channel,
      requesterEmail: r.requesterEmail,
      requesterName: r.requesterName,
      locale: r.locale,
      receivedAt: r.receivedAt.toISOString(),
      identityLevel: r.identityLevel,
      identityVerifiedAt: r.identityVerifiedAt?.toISOString() ?? null,
      extensionMonths: r.extensionMonths,
      extensionReason: r.extensionReason,
      refusalGround: r.refusalGround,
      refusalExplanation: r.refusalExplanation,
      answerNote: r.answerNote,
      details: JSON.parse(r.details) as Record<string, unknown>,
      closed: r.closedAt !== null,
    },
    deadline: detail.deadline,
    status: detail.status,
    ordersAccess: detail.ordersAccess,
    pauses: detail.request.pauses.map((p) => ({
      startedAt: p.startedAt.toISOString(),
      endedAt: p.endedAt?.toISOString() ?? null,
    })),
    tasks: detail.request.tasks.map((t) => ({
      id: t.id,
      system: t.system,
      kind: t.kind,
      status: t.status,
      detail: t.detail,
    })),
    documents: await listDocuments(context.db, {
      ownerType: "identity_check",
      ownerId:
        detail.request.identityChecks.find((c) => c.method === "document" && c.status === "pending")?.id ??
        "",
    }).then((docs) => docs.map((d) => ({ id: d.id, name: d.name }))),
    archive: await context.db.exportArchive
      .findFirst({
        where: { requestId: detail.request.id },
        orderBy: { createdAt: "desc" },
        include: { parts: true },
      })
      .then(async (a) =>
        a
          ? {
              id: a.id,
              status: a.status,
              size: a.size,
              expiresAt: a.expiresAt?.toISOString() ?? null,
              downloadedAt: a.downloadedAt?.toISOString() ?? null,
              parts: await Promise.all(
                a.parts.map(async (p) => ({
                  system: p.system,
                  status: p.status,
                  records: p.records,
                  stalled: a.status === "building" && (await isPartStalled(context.db, p)),
                })),
              ),
            }
          : null,
      ),
    erasure: await erasurePanelData(context.db, detail.request.id),
    // LIL art. 85: an heir request follows the deceased's directive first; a directive request shows its entry.
    directive:
      r.type === "heir_request"
        ? await directiveForHeirRequest(context.db, shop.id, r)
        : r.type === "post_mortem_directive"
          ? await directiveOfRequest(context.db, shop.id, r.id)
          : null,
    checks: detail.request.identityChecks.map((c) => ({
      id: c.id,
      method: c.method,
      status: c.status,
      attempts: c.attempts,
      maxAttempts: c.maxAttempts,
      reason: c.reason,
      decidedAt: c.decidedAt?.toISOString() ?? null,
    })),
    timeline: detail.timeline.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    emails: detail.emails.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { shop, staffId } = await requireAdmin(request, context);
  const form = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return Response.json({ ok: false, error: "invalid" }, { status: 400 });
  const db = context.db;
  const actor = { type: "staff" as const, id: staffId };
  const id = params.id ?? "";
  try {
    const data = form.data;
    switch (data.intent) {
      case "verify":
        await verifyIdentityByStaff(db, shop, actor, id);
        break;
      case "document":
        await requestIdentityDocument(db, context.links(shop.domain), shop, actor, id, data.reason);
        break;
      case "extend":
        await extendRequest(db, context.links(shop.domain), shop, actor, id, data.months, data.reason);
        break;
      case "answer":
        await answerRequest(db, context.links(shop.domain), shop, actor, id, data.summary);
        break;
      case "refuse":
        await refuseRequest(db, context.links(shop.domain), shop, actor, id, {
          ground: data.ground as RefusalGround,
          explanation: data.explanation,
        });
        break;
      case "close_unverified":
        await closeUnverified(db, context.links(shop.domain), shop, actor, id);
        break;
      case "document_decision":
        await decideIdentityDocument(db, shop, actor, id, data.accepted === "yes");
        break;
      case "heir_proofs":
        await recordHeirProofs(db, shop, actor, id, { death: data.death, heir: data.heir });
        break;
      case "carry_out_directive":
        await carryOutDirective(db, shop, actor, id);
        break;
      case "revoke_directive":
        await revokeDirectiveByStaff(db, shop, actor, data.directiveId);
        break;
      case "retry_export":
        await retryExportSystem(db, shop, staffId, data.archiveId, data.system);
        break;
      case "approve_erasure":
      case "replan_erasure":
      case "retry_erasure": {
        const run = await db.erasureRun.findFirst({
          where: { requestId: id, shopId: shop.id },
          select: { id: true },
        });
        const changed =
          run &&
          (data.intent === "approve_erasure"
            ? await approveErasure(db, shop, staffId, run.id)
            : data.intent === "replan_erasure"
              ? await replanErasure(db, shop, staffId, run.id)
              : await retryErasureSystem(db, shop, staffId, run.id, data.system));
        if (!changed) return appErrorResponse(new AppError("ERASURE_NOT_POSSIBLE"));
        break;
      }
    }
    return { ok: true, done: data.intent };
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) throw new Response("Not found", { status: 404 });
    if (isAppError(error)) return appErrorResponse(error);
    throw error;
  }
}

export default function RequestPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<{ ok: true; done: string } | RefusedAction>();
  const navigation = useNavigation();
  const { locale, t } = useTranslation();
  const { search } = useLocation();
  const r = data.request;
  const info = REQUEST_TYPE_INFO[r.type];
  const when = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso))
      : "—";
  const day = (local: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(`${local}T00:00:00Z`),
    );
  const busy = (intent: string) => navigation.formData?.get("intent") === intent;
  const [documentReason, setDocumentReason] = useState("");
  const [months, setMonths] = useState("1");
  const [extensionReason, setExtensionReason] = useState("");
  const [summary, setSummary] = useState("");
  const [ground, setGround] = useState<string>(info.refusalGrounds[0] ?? "");
  const [explanation, setExplanation] = useState("");

  return (
    <Page
      title={`${r.reference} · ${info.label[locale]}`}
      backAction={{ content: t("requests.title"), url: withSearch("/app/requests", search) }}
      titleMetadata={<Badge>{t(`requests.states.${r.state}` as never)}</Badge>}
    >
      <Layout>
        {result && (
          <Layout.Section>
            <Banner tone={result.ok ? "success" : "critical"}>
              {result.ok ? t(`requests.done.${result.done}` as never) : t(`appErrors.${result.error}`)}
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  {t("requests.due")}
                </Text>
                <Text as="p" variant="headingLg">
                  <span data-testid="due-date">{day(data.deadline.dueDate)}</span>
                </Text>
                <InlineStack gap="200">
                  <DeadlineBadge
                    status={data.status?.status ?? "closed"}
                    daysLeft={data.status?.daysLeft ?? null}
                  />
                  {data.deadline.pausedDays > 0 && (
                    <Badge>{t("requests.pausedDays", { days: data.deadline.pausedDays })}</Badge>
                  )}
                  {r.extensionMonths > 0 && (
                    <Badge tone="attention">{t("requests.extended", { months: r.extensionMonths })}</Badge>
                  )}
                </InlineStack>
                <Text as="p" tone="subdued">
                  {t("requests.deadlineHelp", {
                    received: day(data.deadline.receivedOn),
                    first: day(data.deadline.firstDueDate),
                  })}
                </Text>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  {t("requests.requester")}
                </Text>
                <Text as="p">
                  {r.requesterEmail ??
                    t(r.channel === "retention" ? "requests.viaRetention" : "requests.viaShopify")}
                </Text>
                {r.requesterName && <Text as="p">{r.requesterName}</Text>}
                <Text as="p" tone="subdued">
                  {t("requests.channelLine", {
                    channel: t(`requests.channels.${r.channel}` as never),
                    locale: r.locale.toUpperCase(),
                    received: when(r.receivedAt),
                  })}
                </Text>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  {t("requests.legalBasis")}
                </Text>
                <Text as="p">{info.legalBasis.join(" · ")}</Text>
                <Text as="p" tone="subdued">
                  {info.description[locale]}
                </Text>
              </BlockStack>
            </Card>
          </InlineGrid>
        </Layout.Section>

        {(r.type === "post_mortem_directive" || r.type === "heir_request") && (
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("requests.asked")}
                </Text>
                <RequestDetailsCard details={r.details} t={t} />
                {r.type === "heir_request" && (
                  <HeirProofsForm
                    death={String(r.details.deathProof ?? "missing")}
                    heir={String(r.details.heirProof ?? "missing")}
                    closed={r.closed}
                    t={t}
                    busy={busy}
                  />
                )}
              </BlockStack>
            </Card>
          </Layout.Section>
        )}

        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("requests.identity")}
              </Text>
              <Text as="p">
                {r.identityVerifiedAt
                  ? t("requests.identityVerified", { at: when(r.identityVerifiedAt) })
                  : t(`requests.identityLevels.${r.identityLevel}` as never)}
              </Text>
              {data.checks.map((c) => (
                <Text as="p" key={c.id} tone="subdued">
                  {t(`requests.checkMethods.${c.method}` as never)} ·{" "}
                  {t(`requests.checkStatus.${c.status}` as never)}
                  {c.method === "email_code"
                    ? ` · ${t("requests.attempts", { attempts: c.attempts, max: c.maxAttempts })}`
                    : ""}
                  {c.reason ? ` · ${c.reason}` : ""}
                </Text>
              ))}
              {data.checks.some((c) => c.method === "document" && c.status === "pending") && (
                <BlockStack gap="200">
                  <Text as="h3" variant="headingSm">
                    {t("identityDocuments.title")}
                  </Text>
                  {data.documents.length === 0 && (
                    <Text as="p" tone="subdued">
                      {t("identityDocuments.none")}
                    </Text>
                  )}
                  {data.documents.map((d) => (
                    <a
                      key={d.id}
                      href={withSearch(`/app/documents/${d.id}`, search)}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {d.name}
                    </a>
                  ))}
                  {data.documents.length > 0 && (
                    <InlineStack gap="200">
                      {(["yes", "no"] as const).map((accepted) => (
                        <Form method="post" key={accepted}>
                          <input type="hidden" name="intent" value="document_decision" />
                          <input type="hidden" name="accepted" value={accepted} />
                          <Button submit tone={accepted === "no" ? "critical" : undefined}>
                            {t(accepted === "yes" ? "identityDocuments.accept" : "identityDocuments.reject")}
                          </Button>
                        </Form>
                      ))}
                    </InlineStack>
                  )}
                </BlockStack>
              )}
              {!r.closed && r.state === "identity_check" && (
                <InlineStack gap="200">
                  <Form method="post">
                    <input type="hidden" name="intent" value="verify" />
                    <Button submit loading={busy("verify")}>
                      {t("requests.actions.verify")}
                    </Button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="close_unverified" />
                    <Button submit tone="critical" loading={busy("close_unverified")}>
                      {t("requests.actions.closeUnverified")}
                    </Button>
                  </Form>
                </InlineStack>
              )}
              {!r.closed && (
                <Form method="post">
                  <input type="hidden" name="intent" value="document" />
                  <InlineStack gap="200" blockAlign="end">
                    <div style={{ flexGrow: 1 }}>
                      <TextField
                        label={t("requests.documentReason")}
                        helpText={t("requests.documentHelp")}
                        name="reason"
                        value={documentReason}
                        onChange={setDocumentReason}
                        autoComplete="off"
                      />
                    </div>
                    <Button submit loading={busy("document")} disabled={documentReason.trim() === ""}>
                      {t("requests.actions.document")}
                    </Button>
                  </InlineStack>
                </Form>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("requests.tasks")}
              </Text>
              {r.type === "heir_request" && (
                <HeirDirectiveTask
                  directive={data.directive}
                  closed={r.closed}
                  t={t}
                  when={when}
                  busy={busy}
                />
              )}
              {data.tasks.map((task) => (
                <InlineStack key={task.id} gap="200" align="space-between">
                  <Text as="span">
                    {t(`requests.systems.${task.system}` as never)} ·{" "}
                    {t(`requests.taskKinds.${task.kind}` as never)}
                  </Text>
                  <Badge
                    tone={
                      task.status === "done" ? "success" : task.status === "failed" ? "critical" : undefined
                    }
                  >
                    {t(`requests.taskStatus.${task.status}` as never)}
                  </Badge>
                  {task.detail && (
                    <Text as="span" tone="subdued" variant="bodySm">
                      {/^\d+$/.test(task.detail)
                        ? t("requests.taskRecords", { count: task.detail })
                        : translateDynamic(locale, "taskDetail", task.detail)}
                    </Text>
                  )}
                </InlineStack>
              ))}
              {r.type === "post_mortem_directive" && data.directive && (
                <DirectiveEntry directive={data.directive} t={t} when={when} busy={busy} />
              )}
              {data.erasure && <ErasurePanel run={data.erasure} t={t} when={when} day={day} />}
              {data.archive && (
                <BlockStack gap="200">
                  <Text as="h3" variant="headingSm">
                    {t("exports.title")}
                  </Text>
                  {r.channel === "shopify" && <Banner tone="info">{t("exports.merchantNotice")}</Banner>}
                  {data.ordersAccess === "recent" && (
                    <Banner tone="warning">
                      <span data-testid="orders-access-warning">{t("ordersAccess.recentExport")}</span>
                    </Banner>
                  )}
                  {data.archive.status === "building" && (
                    <Text as="p" data-testid="export-status">
                      {t("exports.building")}
                    </Text>
                  )}
                  {data.archive.status === "complete" && data.archive.expiresAt && (
                    <InlineStack gap="200" blockAlign="center">
                      <span data-testid="export-status">
                        {t("exports.complete", {
                          size: `${Math.ceil((data.archive.size ?? 0) / 1024)} KB`,
                          until: when(data.archive.expiresAt),
                        })}
                      </span>
                      <Button url={withSearch(`/app/exports/${data.archive.id}`, search)} external>
                        {t("exports.download")}
                      </Button>
                    </InlineStack>
                  )}
                  {data.archive.downloadedAt && (
                    <Text as="p" tone="subdued">
                      {t("exports.downloaded", { at: when(data.archive.downloadedAt) })}
                    </Text>
                  )}
                  {data.archive.parts
                    .filter((p) => p.status === "failed" || p.stalled)
                    .map((p) => (
                      <Form method="post" key={p.system}>
                        <input type="hidden" name="intent" value="retry_export" />
                        <input type="hidden" name="archiveId" value={data.archive?.id} />
                        <input type="hidden" name="system" value={p.system} />
                        <BlockStack gap="100">
                          {p.stalled && (
                            <Text as="p" tone="caution" data-testid={`export-stalled-${p.system}`}>
                              {t("exports.stalled", { system: t(`requests.systems.${p.system}` as never) })}
                            </Text>
                          )}
                          <InlineStack>
                            <Button submit>
                              {t("exports.retry", { system: t(`requests.systems.${p.system}` as never) })}
                            </Button>
                          </InlineStack>
                        </BlockStack>
                      </Form>
                    ))}
                </BlockStack>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>

        {!r.closed && (
          <Layout.Section>
            <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
              <Card>
                <Form method="post">
                  <input type="hidden" name="intent" value="answer" />
                  <BlockStack gap="200">
                    <Text as="h2" variant="headingSm">
                      {t("requests.actions.answer")}
                    </Text>
                    <TextField
                      label={t("requests.summary")}
                      name="summary"
                      value={summary}
                      onChange={setSummary}
                      multiline={4}
                      autoComplete="off"
                    />
                    <Button
                      submit
                      variant="primary"
                      loading={busy("answer")}
                      disabled={summary.trim() === ""}
                    >
                      {t("requests.actions.answer")}
                    </Button>
                  </BlockStack>
                </Form>
              </Card>
              <Card>
                <Form method="post">
                  <input type="hidden" name="intent" value="extend" />
                  <BlockStack gap="200">
                    <Text as="h2" variant="headingSm">
                      {t("requests.actions.extend")}
                    </Text>
                    <Select
                      label={t("requests.months")}
                      name="months"
                      options={[
                        { label: "1", value: "1" },
                        { label: "2", value: "2" },
                      ]}
                      value={months}
                      onChange={setMonths}
                    />
                    <TextField
                      label={t("requests.extensionReason")}
                      name="reason"
                      value={extensionReason}
                      onChange={setExtensionReason}
                      multiline={2}
                      autoComplete="off"
                    />
                    <Button submit loading={busy("extend")} disabled={r.extensionMonths > 0}>
                      {t("requests.actions.extend")}
                    </Button>
                  </BlockStack>
                </Form>
              </Card>
              <Card>
                <Form method="post">
                  <input type="hidden" name="intent" value="refuse" />
                  <BlockStack gap="200">
                    <Text as="h2" variant="headingSm">
                      {t("requests.actions.refuse")}
                    </Text>
                    <Select
                      label={t("requests.ground")}
                      name="ground"
                      options={info.refusalGrounds.map((g) => ({
                        value: g,
                        label: `${t(`requests.grounds.${g}` as never)} (${REFUSAL_GROUND_BASIS[g]})`,
                      }))}
                      value={ground}
                      onChange={setGround}
                    />
                    <TextField
                      label={t("requests.explanation")}
                      name="explanation"
                      value={explanation}
                      onChange={setExplanation}
                      multiline={3}
                      autoComplete="off"
                    />
                    <Button submit tone="critical" loading={busy("refuse")}>
                      {t("requests.actions.refuse")}
                    </Button>
                  </BlockStack>
                </Form>
              </Card>
            </InlineGrid>
          </Layout.Section>
        )}

        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("requests.timeline")}
                </Text>
                {data.timeline.map((e) => (
                  <Text as="p" key={e.id}>
                    <Text as="span" tone="subdued">
                      {when(e.createdAt)}
                    </Text>{" "}
                    · {translateDynamic(locale, "auditAction", e.action)} (
                    {translateDynamic(locale, "actor", e.actorType)})
                  </Text>
                ))}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("requests.emails")}
                </Text>
                {data.emails.length === 0 && (
                  <Text as="p" tone="subdued">
                    —
                  </Text>
                )}
                {data.emails.map((e) => (
                  <Text as="p" key={e.id}>
                    <Text as="span" tone="subdued">
                      {when(e.createdAt)}
                    </Text>{" "}
                    · {e.subject} <Badge>{t(`outbox.status.${e.status}` as never)}</Badge>
                  </Text>
                ))}
              </BlockStack>
            </Card>
          </InlineGrid>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
