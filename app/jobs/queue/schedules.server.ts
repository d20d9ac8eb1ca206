// Recurring jobs without a cron: every worker, now and then, enqueues each schedule's job for the
// current period under a key naming that period, so however many workers run, it runs once.
import type { Db } from "~/db/client.server";
import { enqueue } from "./enqueue.server";
import type { JobType } from "./job-type";

/** A job type whose payload is empty, run once every `everyMs`. */
export type Schedule = { type: JobType; everyMs: number };

export async function enqueueScheduled(db: Db, schedules: Schedule[], now = Date.now()) {
  let added = 0;
  for (const { type, everyMs } of schedules) {
    const period = Math.floor(now / everyMs);
    if (await enqueue(db, type, {}, { key: `${type.id}:${period}`, priority: 90 })) added++;
  }
  return added;
}
