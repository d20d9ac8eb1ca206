// Executing an approved erasure run, one system per job: its steps in order, each receipt stored
// so a crash or a retry never redoes a settled step; Vigie's own records last, then the answer
// with per-system receipts and the legal holds (ADR 021).
import { ConnectorError } from "~/connectors/connector";
import type { ShopConnectors } from "~/connectors/registry.server";
import type { Db, Tx } from "~/db/client.server";
import { toLocalDate } from "~/domain/deadlines/local-date";
import { erasureComplete, isSettled, type SystemPlan } from "~/domain/erasure/erasure-plan";
import { ACCOUNTING_HOLD, INVOICE_ARCHIVE_STEP } from "~/domain/erasure/invoice-archive";
import { stepKind } from "~/domain/erasure/step-kinds";
import type { ErasureReceipt, SystemName } from "~/domain/systems";
import { resolveShopperLocale } from "~/i18n/locale";
import { createShopperTranslator } from "~/i18n/translate";
import { recordAudit } from "../audit.server";
import { answerErasure } from "../requests/request-actions.server";
import { describeErasureError } from "./describe-error";
import { openSubject, parsePlan, queueSystem, receiptMap } from "./erasure-runs.server";
import { archiveInvoices, recordVendorHold } from "./legal-holds.server";

/** Runs one system's remaining steps of run `runId` (a running run only), then moves the run on. */
export async function executeErasureSystem(
  {
    db,
    connectors,
    secretKey,
  }: { db: Db; connectors: (shopDomain: string) => Promise<ShopConnectors>; secretKey: Buffer },
  { runId, system }: { runId: string; system: SystemName },
) {
  const run = await db.erasureRun.findUnique({
    where: { id: runId },
    include: { shop: true, receipts: { where: { system } } },
  });
  if (!run || run.status !== "running") return;
  const plan = parsePlan(run).find((p) => p.system === system);
  if (!plan) return;
  const { ref } = openSubject(secretKey, run);
  const connector = (await connectors(run.shop.domain))[system];
  const settled = receiptMap(run.receipts);
  const holdRun = { shopId: run.shopId, shopDomain: run.shop.domain, requestId: run.requestId };
  for (const step of plan.steps) {
    if (isSettled(settled.get(step.id))) continue;
    let receipt: ErasureReceipt;
    try {
      if (!connector) throw new ConnectorError(system, `${system} is no longer connected`, false);
      receipt =
        step.id === INVOICE_ARCHIVE_STEP
          ? await archiveInvoices(db, secretKey, holdRun, ref, connector)
          : await connector.executeErasureStep(ref, step);
      if (receipt.outcome === "held" && step.holdId === ACCOUNTING_HOLD && system === "stripe")
        await recordVendorHold(db, secretKey, holdRun, system, step.id);
    } catch (error) {
      // Shown as failed at once; the job retries a transient error, staff retry the rest.
      await storeReceipt(db, runId, system, {
        stepId: step.id,
        outcome: "failed",
        detail: describeErasureError(error),
        at: new Date(),
      });
      await systemFailed(db, run, system);
      throw error;
    }
    await storeReceipt(db, runId, system, receipt);
    if (receipt.outcome === "failed") {
      await systemFailed(db, run, system);
      return;
    }
  }
  await db.$transaction((tx) => recordSystemDone(tx, run, system));
  await advance(db, secretKey, runId);
}

/**
 * Marks a system's task done with its audit event, once: a re-run after a crash that followed this
 * write finds the task done; the run's finish catches up a system whose job was cut short between
 * its last receipt and this write (another system's job may have finished the run meanwhile).
 */
async function recordSystemDone(tx: Tx, run: { shopId: string; requestId: string }, system: SystemName) {
  const { count } = await tx.requestTask.updateMany({
    where: { requestId: run.requestId, kind: "erasure", system, status: { not: "done" } },
    data: { status: "done", detail: null },
  });
  if (count === 0) return;
  await recordAudit(tx, {
    shopId: run.shopId,
    actorType: "system",
    action: "erasure.system_done",
    targetType: "request",
    targetId: run.requestId,
    data: { system },
  });
}

function storeReceipt(db: Db, runId: string, system: SystemName, receipt: ErasureReceipt) {
  const data = {
    system,
    outcome: receipt.outcome,
    vendorRef: receipt.vendorRef ?? null,
    detail: receipt.detail?.slice(0, 500) ?? null,
    at: receipt.at,
  };
  return db.erasureReceipt.upsert({
    where: { runId_stepId: { runId, stepId: receipt.stepId } },
    create: { runId, stepId: receipt.stepId, ...data },
    update: data,
  });
}

async function systemFailed(
  db: Db,
  run: { id: string; shopId: string; requestId: string },
  system: SystemName,
) {
  await db.$transaction(async (tx) => {
    await tx.requestTask.updateMany({
      where: { requestId: run.requestId, kind: "erasure", system },
      data: { status: "failed" },
    });
    await recordAudit(tx, {
      shopId: run.shopId,
      actorType: "system",
      action: "erasure.step_failed",
      targetType: "request",
      targetId: run.requestId,
      data: { system },
    });
  });
}

/** After a system settles: Vigie once every outside system is settled; the answer once all are. */
async function advance(db: Db, secretKey: Buffer, runId: string) {
  const run = await loadRun(db, runId);
  const plan = parsePlan(run);
  const receipts = receiptMap(run.receipts);
  const outside = plan.filter((p) => p.system !== "vigie");
  if (!erasureComplete(outside, receipts)) return;
  const vigie = plan.filter((p) => p.system === "vigie");
  if (!erasureComplete(vigie, receipts)) {
    await queueSystem(db, runId, "vigie", run.shop.domain, 0);
    return;
  }
  await finish(db, secretKey, run, plan);
}

async function finish(
  db: Db,
  secretKey: Buffer,
  run: Awaited<ReturnType<typeof loadRun>>,
  plan: SystemPlan[],
) {
  const { answerTo } = openSubject(secretKey, run);
  const request = await db.rightsRequest.findUniqueOrThrow({
    where: { id: run.requestId },
    select: { locale: true, timeZone: true },
  });
  const t = createShopperTranslator(resolveShopperLocale(request.locale));
  const day = (at: Date) => toLocalDate(at, request.timeZone);
  const receipts = plan
    .filter((p) => p.steps.length > 0)
    .map((p) => {
      const mine = run.receipts.filter((r) => r.system === p.system);
      const last = mine.reduce((max, r) => (r.at > max ? r.at : max), run.startedAt ?? new Date());
      return {
        system: p.system === "vigie" ? t("receipts.ownRecords") : t(`receipts.systems.${p.system}` as never),
        done: p.steps.map((s) => {
          const outcome = mine.find((r) => r.stepId === s.id)?.outcome ?? "done";
          const said = t(`receipts.outcomes.${outcome}` as never) as string;
          // Only the first letter: a German noun inside keeps its capital ("gesetzliche Pflicht").
          return `${t(`receipts.steps.${stepKind(p.system, s.id)}` as never)} (${said.charAt(0).toLowerCase()}${said.slice(1)})`;
        }),
        on: day(last),
        // Vendor references only: Vigie's own are internal ids.
        references:
          p.system === "vigie"
            ? []
            : [...new Set(mine.flatMap((r) => (r.vendorRef ? [r.vendorRef] : [])))].slice(0, 30),
      };
    });
  const now = new Date();
  await db.$transaction(async (tx) => {
    const { count } = await tx.erasureRun.updateMany({
      where: { id: run.id, status: "running" },
      data: { status: "done", finishedAt: now, subject: null },
    });
    if (count === 0) return;
    for (const p of plan) if (p.steps.length > 0) await recordSystemDone(tx, run, p.system);
    const holds = await tx.legalHold.findMany({ where: { requestId: run.requestId, releasedAt: null } });
    await answerErasure(
      tx,
      run.shop,
      run.requestId,
      {
        to: answerTo,
        summary: t("receipts.erasureSummary"),
        receipts,
        holds: holds.map((h) => ({
          what: t(`receipts.holdWhat.${h.system}` as never),
          basis: h.basis,
          until: toLocalDate(h.expiresAt, "UTC"),
        })),
      },
      now,
    );
    await recordAudit(tx, {
      shopId: run.shopId,
      actorType: "system",
      action: "erasure.completed",
      targetType: "request",
      targetId: run.requestId,
      data: { holds: holds.length },
    });
  });
}

function loadRun(db: Db, runId: string) {
  return db.erasureRun.findUniqueOrThrow({ where: { id: runId }, include: { receipts: true, shop: true } });
}
