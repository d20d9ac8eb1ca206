import { describe, expect, it } from "vitest";
import { chunks, keysetPages } from "./pages";

describe("keysetPages", () => {
  const rows = Array.from({ length: 7 }, (_, i) => ({ id: i + 1 }));
  const fetcher = (calls: (number | undefined)[], size: number) => async (after: number | undefined) => {
    calls.push(after);
    return rows.filter((r) => r.id > (after ?? 0)).slice(0, size);
  };

  it("walks every row in pages keyed on the last row, stopping at the first short page", async () => {
    const calls: (number | undefined)[] = [];
    const seen: number[] = [];
    for await (const row of keysetPages(fetcher(calls, 3), (r) => r.id, 3)) seen.push(row.id);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(calls).toEqual([undefined, 3, 6]);
  });

  it("asks for the next page only once the reader has consumed the previous one", async () => {
    const calls: (number | undefined)[] = [];
    const iterator = keysetPages(fetcher(calls, 3), (r) => r.id, 3)[Symbol.asyncIterator]();
    expect(calls).toEqual([]);
    for (let i = 0; i < 3; i++) await iterator.next();
    expect(calls).toEqual([undefined]);
    await iterator.next();
    expect(calls).toEqual([undefined, 3]);
  });

  it("makes one more query when the rows fill the last page exactly", async () => {
    const calls: (number | undefined)[] = [];
    const seen: number[] = [];
    for await (const row of keysetPages(fetcher(calls, 7), (r) => r.id, 7)) seen.push(row.id);
    expect(seen).toHaveLength(7);
    expect(calls).toEqual([undefined, 7]);
  });
});

describe("chunks", () => {
  it("splits a list into runs of at most the given size", () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 2)).toEqual([]);
  });
});
