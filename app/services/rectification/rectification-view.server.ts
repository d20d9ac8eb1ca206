// What the request page shows of a rectification run: per system, each field's value now and
// corrected (opened from the sealed plan while the run lasts; field names only once it is done),
// and each system's state from its receipt.
import type { Db } from "~/db/client.server";
import type { RectifiableField } from "~/domain/rectification/rectification";
import type { SystemName } from "~/domain/systems";
import {
  openRectification,
  parsePlanSummary,
  stalledRectificationSystems,
} from "./rectification-runs.server";

export type RectificationPanel = {
  status: "planning" | "planned" | "running" | "done" | "failed";
  error: string | null;
  systems: {
    system: SystemName;
    skipped: "not_connected" | "not_found" | "no_change" | null;
    changes: { field: RectifiableField; from: string | null; to: string | null }[];
    state: "pending" | "running" | "done" | "already" | "not_found" | "failed" | null;
    detail: string | null;
    stalled: boolean;
  }[];
};

export async function rectificationPanel(
  db: Db,
  secretKey: Buffer,
  shopId: string,
  requestId: string,
): Promise<RectificationPanel | null> {
  const run = await db.rectificationRun.findFirst({
    where: { requestId, shopId },
    include: { receipts: true },
  });
  if (!run) return null;
  const sealed = run.sealed && run.plan ? openRectification(secretKey, run).plan : undefined;
  const stalled = await stalledRectificationSystems(db, run);
  const systems = parsePlanSummary(run).map((p) => {
    const diff = sealed?.find((d) => d.system === p.system);
    const receipt = run.receipts.find((r) => r.system === p.system);
    const state =
      p.fields.length === 0
        ? null
        : ((receipt?.outcome as RectificationPanel["systems"][number]["state"]) ??
          (run.status === "running" ? "running" : "pending"));
    return {
      system: p.system,
      skipped: p.skipped ?? null,
      changes: diff
        ? diff.changes.map((c) => ({ field: c.field, from: c.from, to: c.to }))
        : p.fields.map((field) => ({ field, from: null, to: null })),
      state,
      detail: receipt?.outcome === "failed" ? receipt.detail : null,
      stalled: stalled.includes(p.system),
    };
  });
  return { status: run.status as RectificationPanel["status"], error: run.error, systems };
}
