// Recurring jobs without a cron: every worker, now and then, enqueues each schedule's job for the
// current period under a key naming that period, so however many workers run, it runs once.
import type { Tx } from "~/db/client.server";
import { enqueue } from "./queue.server";

export type Schedule = { type: string; everyMs: number };

export async function enqueueScheduled(db: Tx, schedules: Schedule[], now = Date.now()) {
  let added = 0;
  for (const { type, everyMs } of schedules) {
    const period = Math.floor(now / everyMs);
    if (await enqueue(db, { type, payload: {}, jobKey: `${type}:${period}`, priority: 90 })) added++;
  }
  return added;
}
