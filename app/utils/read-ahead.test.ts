import { describe, expect, it } from "vitest";
import { readAhead } from "./read-ahead";

/** A source of `total` numbers that records how far it has been pulled and whether it was closed. */
function source(total: number, failAt?: number) {
  const state = { pulled: 0, closed: false };
  async function* items(): AsyncGenerator<number> {
    try {
      for (let i = 0; i < total; i++) {
        if (i === failAt) throw new Error("page 3 answered 503");
        state.pulled = i + 1;
        yield i;
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, items: items() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("readAhead", () => {
  it("yields every item, in order", async () => {
    const { items } = source(1_000);
    const seen: number[] = [];
    for await (const item of readAhead(items, 7)) seen.push(item);

    expect(seen).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
  });

  it("pulls ahead while the consumer is busy, never more than the limit", async () => {
    const { state, items } = source(100);
    const reader = readAhead(items, 10);

    expect(await reader.next()).toEqual({ value: 0, done: false });
    await tick(); // the consumer is busy elsewhere
    // One handed over, ten waiting; the pump awaits room for the twelfth.
    expect(state.pulled).toBe(11);
    await reader.next();
    await tick();
    expect(state.pulled).toBe(12);
    await reader.return(undefined);
  });

  it("throws the source's failure after the items that came before it", async () => {
    const { items } = source(10, 5);
    const seen: number[] = [];
    const failure = await (async () => {
      for await (const item of readAhead(items, 3)) seen.push(item);
    })().catch((error: unknown) => error);

    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect((failure as Error).message).toBe("page 3 answered 503");
  });

  it("closes the source when the consumer stops early", async () => {
    const { state, items } = source(1_000);
    for await (const item of readAhead(items, 5)) if (item === 2) break;

    expect(state.closed).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(8);
  });

  it("lets the event loop turn every few items, however many wait in the queue", async () => {
    const { items } = source(1_000);
    let handed = 0;
    let handedWhenIoRan = -1;
    // Stands for the vendor's next answer arriving on a socket while the consumer is busy.
    setImmediate(() => {
      handedWhenIoRan = handed;
    });
    for await (const _item of readAhead(items, 1_000)) handed += 1;

    expect(handed).toBe(1_000);
    expect(handedWhenIoRan).toBeGreaterThanOrEqual(0);
    expect(handedWhenIoRan).toBeLessThanOrEqual(32);
  });
});
