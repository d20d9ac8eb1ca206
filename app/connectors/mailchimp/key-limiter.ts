// Mailchimp allows 10 simultaneous connections per user and answers 429 beyond. Several jobs of one
// shop can run at once in one worker, so the cap is held per API key, shared by every client built
// with that key in this process (not per client). Other processes are not counted: one worker per
// shop at a time is the norm, and a 429 that slips through is retried.
import { createHash } from "node:crypto";

/** A counting semaphore: at most `limit` holders; waiters are served in arrival order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** Holders right now. */
  get inUse(): number {
    return this.active;
  }

  /** Waiters right now. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `task` once a slot is free; the slot is released however the task ends. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve();
    }
    // The releasing holder hands its slot over directly, so `active` never drops below the number
    // of running tasks and a newcomer cannot jump the queue.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}

const limiters = new Map<string, Semaphore>();

/**
 * The semaphore every client of this API key shares. Keyed by a digest so the key itself is not
 * kept as a map key (heap dumps, debugging output).
 */
export function limiterForKey(apiKey: string, limit = 10): Semaphore {
  const id = createHash("sha256").update(apiKey).digest("hex");
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new Semaphore(limit);
    limiters.set(id, limiter);
  }
  return limiter;
}
