/**
 * Yields what `source` yields, pulling up to `limit` items ahead of the consumer: while the consumer
 * works on one page of a vendor's answer, the request for the next page is already under way,
 * instead of starting only once the consumer asks. Memory stays bounded by `limit`.
 * The source's failure is thrown after the items that came before it; a consumer that stops early
 * (`break`, or a throw) closes the source.
 */
export async function* readAhead<T>(source: AsyncIterable<T>, limit: number): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const queue: T[] = [];
  let ended = false;
  // Set by the pump: an object so that the consumer's checks are not narrowed away.
  const failure: { error?: unknown; failed: boolean } = { failed: false };
  let stopped = false;
  let wakeConsumer: (() => void) | null = null;
  let wakeProducer: (() => void) | null = null;
  const wake = (which: "consumer" | "producer") => {
    const resolve = which === "consumer" ? wakeConsumer : wakeProducer;
    if (which === "consumer") wakeConsumer = null;
    else wakeProducer = null;
    resolve?.();
  };

  const pump = (async () => {
    try {
      while (!stopped) {
        if (queue.length >= limit) {
          await new Promise<void>((resolve) => {
            wakeProducer = resolve;
          });
          continue;
        }
        const next = await iterator.next();
        if (next.done) break;
        queue.push(next.value);
        wake("consumer");
      }
    } catch (error) {
      failure.error = error;
      failure.failed = true;
    } finally {
      ended = true;
      wake("consumer");
    }
  })();

  try {
    for (;;) {
      if (queue.length > 0) {
        const item = queue.shift() as T;
        wake("producer");
        yield item;
        continue;
      }
      if (failure.failed) throw failure.error;
      if (ended) return;
      await new Promise<void>((resolve) => {
        wakeConsumer = resolve;
      });
    }
  } finally {
    if (!ended) {
      stopped = true;
      wake("producer");
      await pump;
      // The pump has stopped pulling: close the source (a connector's generator runs its `finally`).
      await iterator.return?.();
    }
  }
}
