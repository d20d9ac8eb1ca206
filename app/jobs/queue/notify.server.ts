// Wakes the workers of this process when jobs were added (after their transaction committed), so a
// job starts at once instead of at the next poll. On globalThis: a module bundled twice (the
// sandbox's own bundle) still reaches the same workers.
import { EventEmitter } from "node:events";

const CHANNEL = Symbol.for("vigie.jobs.added");
const globals = globalThis as { [CHANNEL]?: EventEmitter };
globals[CHANNEL] ??= new EventEmitter().setMaxListeners(0);
const channel = globals[CHANNEL];

/** Called by the queue once new jobs are committed. */
export function jobsAdded() {
  channel.emit("added");
}

/** Subscribes to `jobsAdded`; returns the unsubscribe. */
export function onJobsAdded(listener: () => void): () => void {
  channel.on("added", listener);
  return () => channel.off("added", listener);
}
