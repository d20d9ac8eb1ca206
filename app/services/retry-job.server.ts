import type { Db } from "~/db/client.server";
import { requeueDeadJob } from "~/jobs/queue/flows.server";
import { recordAudit } from "./audit.server";

/** Staff retry of a dead job, audited; false when the job is not dead (or not this shop's). */
export async function retryJob(options: {
  db: Db;
  shop: { id: string; domain: string };
  staffId: string;
  jobId: string;
}): Promise<boolean> {
  const { db, shop, staffId, jobId } = options;
  return db.$transaction(async (tx) => {
    if (!(await requeueDeadJob(tx, jobId, shop.domain))) return false;
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "job.retried",
      targetType: "job",
      targetId: jobId,
    });
    return true;
  });
}
