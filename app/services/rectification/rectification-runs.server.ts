// Rectification runs (GDPR art. 16): what each connected system holds of the fields to correct is
// read (the diff staff review), staff approve once, then one job per system writes the new values,
// each outcome kept as a receipt so a retry or a crash never redoes a settled system; Vigie's own
// records last; then the art. 19 notices and the answer, per system. See
// docs/decisions/068-rectification-through-the-connectors.md.
import type { RectificationRun, RightsRequest } from "@prisma/client";
import { ConnectorError, type SubjectRef } from "~/connectors/connector";
import type { ShopConnectors } from "~/connectors/registry.server";
import type { Db, Tx } from "~/db/client.server";
import { toLocalDate } from "~/domain/deadlines/local-date";
import {
  changesFor,
  isSettledOutcome,
  type RectifiableField,
  type RequestedChanges,
  RequestedChangesSchema,
  rectificationComplete,
  rectificationPlan,
  type SystemDiff,
  systemDiff,
  systemsToChange,
} from "~/domain/rectification/rectification";
import { firstSystemsOfRun, SYSTEMS, type SystemName } from "~/domain/systems";
import { resolveShopperLocale } from "~/i18n/locale";
import { createShopperTranslator } from "~/i18n/translate";
import { RectificationPlanJob, RectificationSystemJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { hasLiveJob, nextAttempt } from "~/jobs/queue/flows.server";
import { openBytes, sealBytes } from "~/utils/secret-box.server";
import { recordAudit } from "../audit.server";
import { describeErasureError } from "../erasure/describe-error";
import { answerRectification } from "../requests/request-actions.server";
import { subjectRefForRequest } from "../requests/subject-ref.server";
import { planRecipientNotices } from "../restriction/recipient-notices.server";

/** Sealed on the run: who, where the answer goes, what they asked for and each system's diff. */
export type SealedRectification = {
  ref: SubjectRef;
  answerTo: string | null;
  requested: RequestedChanges;
  plan?: SystemDiff[];
};

type Deps = { db: Db; connectors: (shopDomain: string) => Promise<ShopConnectors>; secretKey: Buffer };

const seal = (key: Buffer, value: SealedRectification) =>
  new Uint8Array(sealBytes(key, Buffer.from(JSON.stringify(value))));

export function openRectification(key: Buffer, run: Pick<RectificationRun, "sealed">): SealedRectification {
  if (!run.sealed) throw new Error("rectification run has no sealed content");
  return JSON.parse(openBytes(key, Buffer.from(run.sealed)).toString("utf8")) as SealedRectification;
}

/** The plan without values: per system, the fields to change (what staff see once the run is done). */
export type PlanSummary = {
  system: SystemName;
  fields: RectifiableField[];
  skipped?: SystemDiff["skipped"];
}[];
export const parsePlanSummary = (run: Pick<RectificationRun, "plan">): PlanSummary =>
  run.plan ? (JSON.parse(run.plan) as PlanSummary) : [];

const planPrefix = (runId: string) => `${RectificationPlanJob.id}:${runId}:`;
const systemPrefix = (runId: string, system?: SystemName) =>
  `${RectificationSystemJob.id}:${runId}:${system ? `${system}:` : ""}`;

async function queueSystem(
  tx: Db | Tx,
  runId: string,
  system: SystemName,
  shopDomain: string,
  attempt?: number,
) {
  const prefix = systemPrefix(runId, system);
  const key = `${prefix}${attempt ?? (await nextAttempt(tx as Tx, prefix))}`;
  return enqueue(tx, RectificationSystemJob, { runId, system }, { key, shopDomain });
}

/** The requested values of a rectification request; null for one filed without them (staff do it by hand). */
export function requestedChanges(details: string): RequestedChanges | null {
  const parsed = RequestedChangesSchema.safeParse((JSON.parse(details) as { changes?: unknown }).changes);
  return parsed.success ? parsed.data : null;
}

/** Starts reading the systems for a rectification request with structured changes, in `tx`. */
export async function startRectification(tx: Tx, request: RightsRequest, shopDomain: string) {
  if (!requestedChanges(request.details)) return null;
  const existing = await tx.rectificationRun.findUnique({ where: { requestId: request.id } });
  if (existing) return existing;
  const run = await tx.rectificationRun.create({ data: { shopId: request.shopId, requestId: request.id } });
  const prefix = planPrefix(run.id);
  await enqueue(tx, RectificationPlanJob, { runId: run.id }, { key: `${prefix}0`, shopDomain });
  await recordAudit(tx, {
    shopId: request.shopId,
    actorType: "system",
    action: "rectification.planning",
    targetType: "request",
    targetId: request.id,
  });
  return run;
}

/** Reads each connected system (no writes) and stores the diff; throws a vendor error worth retrying. */
export async function planRectificationRun({ db, connectors, secretKey }: Deps, runId: string) {
  const run = await db.rectificationRun.findUnique({
    where: { id: runId },
    include: { request: true, shop: true },
  });
  if (!run || run.status !== "planning") return;
  const requested = requestedChanges(run.request.details);
  if (!requested) return;
  const ref = await subjectRefForRequest(db, run.request, run.shop.domain);
  const systems = await connectors(run.shop.domain);
  const diffs: SystemDiff[] = [];
  for (const system of SYSTEMS) {
    const connector = systems[system];
    try {
      diffs.push(
        systemDiff(system, connector ? await connector.readProfile(ref) : "not_connected", requested),
      );
    } catch (error) {
      const permanent = error instanceof ConnectorError && !error.retryable;
      await db.rectificationRun.update({
        where: { id: runId },
        data: { error: `${system}: ${describeErasureError(error)}`, ...(permanent && { status: "failed" }) },
      });
      if (permanent) return;
      throw error;
    }
  }
  const plan = rectificationPlan(diffs);
  const summary: PlanSummary = plan.map((d) => ({
    system: d.system,
    fields: d.changes.map((c) => c.field),
    ...(d.skipped && { skipped: d.skipped }),
  }));
  await db.$transaction(async (tx) => {
    const { count } = await tx.rectificationRun.updateMany({
      where: { id: runId, status: "planning" },
      data: {
        status: "planned",
        plan: JSON.stringify(summary),
        sealed: seal(secretKey, { ref, answerTo: run.request.requesterEmail, requested, plan }),
        error: null,
      },
    });
    if (count === 0) return;
    await recordAudit(tx, {
      shopId: run.shopId,
      actorType: "system",
      action: "rectification.planned",
      targetType: "request",
      targetId: run.requestId,
      data: { systems: systemsToChange(plan).join(",") },
    });
  });
}

/** Staff approve the diff once: one job per outside system with changes, Vigie after them. */
export async function approveRectification(
  db: Db,
  shop: { id: string; domain: string },
  staffId: string,
  runId: string,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    // The write first: it takes SQLite's write lock before any read.
    const { count } = await tx.rectificationRun.updateMany({
      where: { id: runId, shopId: shop.id, status: "planned" },
      data: { status: "running", approvedBy: staffId, approvedAt: now, startedAt: now },
    });
    if (count === 0) return false;
    const run = await tx.rectificationRun.findUniqueOrThrow({ where: { id: runId } });
    const systems = parsePlanSummary(run)
      .filter((p) => p.fields.length > 0)
      .map((p) => p.system);
    for (const system of firstSystemsOfRun(systems)) await queueSystem(tx, runId, system, shop.domain, 0);
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "rectification.approved",
      targetType: "request",
      targetId: run.requestId,
      data: { systems: systems.join(",") },
    });
    return true;
  });
}

const OUTCOME = { applied: "done", already: "already", not_found: "not_found", refused: "failed" } as const;

function storeReceipt(
  db: Db | Tx,
  runId: string,
  system: SystemName,
  r: { outcome: string; vendorRef?: string | null; detail?: string | null },
) {
  const data = {
    outcome: r.outcome,
    vendorRef: r.vendorRef?.slice(0, 200) ?? null,
    detail: r.detail?.slice(0, 500) ?? null,
    at: new Date(),
  };
  return db.rectificationReceipt.upsert({
    where: { runId_system: { runId, system } },
    create: { runId, system, ...data },
    update: data,
  });
}

/** Writes one system's new values (a running run only; a settled system is not written again). */
export async function executeRectificationSystem(
  { db, connectors, secretKey }: Deps,
  { runId, system }: { runId: string; system: SystemName },
) {
  const run = await db.rectificationRun.findUnique({
    where: { id: runId },
    include: { shop: true, receipts: { where: { system } } },
  });
  if (!run || run.status !== "running") return;
  if (!isSettledOutcome(run.receipts[0]?.outcome)) {
    const sealed = openRectification(secretKey, run);
    const diff = sealed.plan?.find((d) => d.system === system);
    if (!diff || diff.changes.length === 0) return;
    const connector = (await connectors(run.shop.domain))[system];
    let result: Awaited<ReturnType<NonNullable<typeof connector>["rectify"]>>;
    try {
      if (!connector) throw new ConnectorError(system, `${system} is no longer connected`, false);
      result = await connector.rectify(sealed.ref, changesFor(diff, sealed.requested));
    } catch (error) {
      // Shown as failed at once; the queue retries a transient error, staff retry the rest.
      await db.$transaction(async (tx) => {
        await storeReceipt(tx, runId, system, { outcome: "failed", detail: describeErasureError(error) });
        await systemFailed(tx, run, system);
      });
      if (error instanceof ConnectorError && !error.retryable) return;
      throw error;
    }
    // The receipt and its audit event together: a crash between them would lose the event for good
    // (a re-run finds the system settled and writes nothing).
    await db.$transaction(async (tx) => {
      await storeReceipt(tx, runId, system, { ...result, outcome: OUTCOME[result.outcome] });
      if (result.outcome === "refused") return systemFailed(tx, run, system);
      await recordAudit(tx, {
        shopId: run.shopId,
        actorType: "system",
        action: "rectification.system_done",
        targetType: "request",
        targetId: run.requestId,
        data: { system, fields: diff.changes.map((c) => c.field).join(","), outcome: result.outcome },
      });
    });
    if (result.outcome === "refused") return;
  }
  await advance({ db, connectors, secretKey }, runId);
}

async function systemFailed(db: Db | Tx, run: { shopId: string; requestId: string }, system: SystemName) {
  await recordAudit(db, {
    shopId: run.shopId,
    actorType: "system",
    action: "rectification.system_failed",
    targetType: "request",
    targetId: run.requestId,
    data: { system },
  });
}

/** After a system settles: Vigie once every outside system is settled; the answer once all are. */
async function advance(deps: Deps, runId: string) {
  const { db } = deps;
  const run = await db.rectificationRun.findUniqueOrThrow({
    where: { id: runId },
    include: { receipts: true, shop: true },
  });
  const plan = parsePlanSummary(run);
  const outcomes = new Map(run.receipts.map((r) => [r.system, r.outcome]));
  const asDiffs = plan.map((p) => ({ system: p.system, changes: p.fields.map((field) => ({ field })) }));
  const outside = asDiffs.filter((p) => p.system !== "vigie");
  if (!rectificationComplete(outside as SystemDiff[], outcomes)) return;
  if (!rectificationComplete(asDiffs as SystemDiff[], outcomes)) {
    await queueSystem(db, runId, "vigie", run.shop.domain, 0);
    return;
  }
  await finish(deps, run);
}

async function finish(
  { db, secretKey }: Deps,
  run: RectificationRun & {
    shop: { id: string; domain: string; name: string | null };
    receipts: { system: string; outcome: string; vendorRef: string | null; at: Date }[];
  },
) {
  const sealed = openRectification(secretKey, run);
  const request = await db.rightsRequest.findUniqueOrThrow({
    where: { id: run.requestId },
    select: { id: true, shopId: true, locale: true, timeZone: true },
  });
  const t = createShopperTranslator(resolveShopperLocale(request.locale));
  const receipts = (sealed.plan ?? [])
    .filter((d) => d.changes.length > 0)
    .map((d) => {
      const receipt = run.receipts.find((r) => r.system === d.system);
      return {
        system: d.system === "vigie" ? t("receipts.ownRecords") : t(`receipts.systems.${d.system}` as never),
        done:
          receipt?.outcome === "not_found"
            ? [t("receipts.rectification.notFound")]
            : d.changes.map((c) =>
                t("receipts.rectification.changed", {
                  field: t(`receipts.fields.${c.field}` as never),
                  value: c.to,
                }),
              ),
        on: toLocalDate(receipt?.at ?? new Date(), request.timeZone),
        references: d.system === "vigie" || !receipt?.vendorRef ? [] : [receipt.vendorRef],
      };
    });
  const now = new Date();
  await db.$transaction(async (tx) => {
    const { count } = await tx.rectificationRun.updateMany({
      where: { id: run.id, status: "running" },
      data: { status: "done", finishedAt: now, sealed: null },
    });
    if (count === 0) return;
    // GDPR art. 19: each connected system was told by the rectification itself (its receipt).
    await planRecipientNotices(tx, request, "rectification", null, now);
    for (const system of ["shopify", "stripe", "mailchimp"] as const) {
      const receipt = run.receipts.find((r) => r.system === system);
      const skipped = run.plan ? parsePlanSummary(run).find((p) => p.system === system)?.skipped : undefined;
      const told = receipt && receipt.outcome !== "not_found";
      const absent = receipt?.outcome === "not_found" || skipped === "not_found";
      if (!told && !absent && skipped !== "no_change") continue;
      await tx.recipientNotice.updateMany({
        where: { requestId: request.id, recipient: system, channel: "connector", status: "pending" },
        data: {
          status: absent ? "not_concerned" : "done",
          outcome: absent ? "not_found" : told ? "rectified" : "already_accurate",
          vendorRef: receipt?.vendorRef ?? null,
          doneAt: now,
        },
      });
    }
    await answerRectification(
      tx,
      run.shop,
      run.requestId,
      { to: sealed.answerTo, summary: t("receipts.rectification.summary"), receipts },
      now,
    );
    await recordAudit(tx, {
      shopId: run.shopId,
      actorType: "system",
      action: "rectification.completed",
      targetType: "request",
      targetId: run.requestId,
    });
  });
}

/** Systems of a running run that stopped moving: work left and no job of theirs that will run again. */
export async function stalledRectificationSystems(
  db: Db | Tx,
  run: RectificationRun & { receipts: { system: string; outcome: string }[] },
  now = new Date(),
) {
  if (run.status !== "running") return [];
  const outcomes = new Map(run.receipts.map((r) => [r.system, r.outcome]));
  const stalled: SystemName[] = [];
  for (const p of parsePlanSummary(run)) {
    if (
      p.fields.length === 0 ||
      isSettledOutcome(outcomes.get(p.system)) ||
      outcomes.get(p.system) === "failed"
    )
      continue;
    if (!(await hasLiveJob(db, systemPrefix(run.id, p.system === "vigie" ? undefined : p.system), now)))
      stalled.push(p.system);
  }
  return stalled;
}

/** Staff retry of a failed (or stalled) system; its settled systems are not written again. */
export async function retryRectificationSystem(
  db: Db,
  shop: { id: string; domain: string },
  staffId: string,
  runId: string,
  system: SystemName,
) {
  return db.$transaction(async (tx) => {
    const run = await tx.rectificationRun.findFirst({
      where: { id: runId, shopId: shop.id, status: "running" },
      include: { receipts: true },
    });
    if (!run) return false;
    const failed = run.receipts.some((r) => r.system === system && r.outcome === "failed");
    if (!failed && !(await stalledRectificationSystems(tx, run)).includes(system)) return false;
    await tx.rectificationReceipt.deleteMany({ where: { runId, system, outcome: "failed" } });
    await queueSystem(tx, runId, system, shop.domain);
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "rectification.retried",
      targetType: "request",
      targetId: run.requestId,
      data: { system },
    });
    return true;
  });
}
