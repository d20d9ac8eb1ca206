import { describe, expect, it } from "vitest";
import { pagesAhead } from "./pages-ahead";

/** Three pages of a list, by page number; records which pages were asked for. */
function list(failOn?: number) {
  const asked: number[] = [];
  const fetchPage = async (page: number) => {
    asked.push(page);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (page === failOn) throw new Error(`page ${page} failed`);
    return { page, items: [page * 10, page * 10 + 1] };
  };
  const nextCursor = ({ page }: { page: number }) => (page < 3 ? page + 1 : null);
  return { asked, pages: pagesAhead(1, fetchPage, nextCursor) };
}

describe("pagesAhead", () => {
  it("asks for the next page as soon as one arrives, before the caller handles it", async () => {
    const { asked, pages } = list();
    const seen: { page: number; asked: number[] }[] = [];
    for await (const { page } of pages) seen.push({ page, asked: [...asked] });

    expect(seen).toEqual([
      { page: 1, asked: [1, 2] },
      { page: 2, asked: [1, 2, 3] },
      { page: 3, asked: [1, 2, 3] },
    ]);
  });

  it("throws a failed page's error when that page is reached, after the pages before it", async () => {
    const { pages } = list(2);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const { page } of pages) seen.push(page);
      })(),
    ).rejects.toThrow("page 2 failed");
    expect(seen).toEqual([1]);
  });

  it("does not leave a failed prefetch unhandled when the caller stops early", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const { asked, pages } = list(2);
      for await (const { page } of pages) if (page === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(asked).toEqual([1, 2]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
