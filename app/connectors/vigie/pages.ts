// Keyset paging for the export: one page in memory at a time, fetched only when the reader has
// consumed the previous one (the export streams; a subject may have thousands of ledger events).

/** Default number of rows per query. */
export const DEFAULT_PAGE_SIZE = 200;

/**
 * Yields the rows of `fetch(after)` page by page, `after` being the key of the last row of the
 * previous page (undefined for the first). A short page ends the walk. `fetch` must order by the
 * same key it filters on (`key > after`) and return at most `pageSize` rows.
 */
export async function* keysetPages<Row, Key>(
  fetch: (after: Key | undefined) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  pageSize: number,
): AsyncGenerator<Row> {
  let after: Key | undefined;
  for (;;) {
    const rows = await fetch(after);
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < pageSize || last === undefined) return;
    after = keyOf(last);
  }
}

/** Splits `values` into runs of at most `size` (bounded IN lists). */
export function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** An instant as ISO text, null kept. */
export const iso = (value: Date | null) => value?.toISOString() ?? null;

/** A JSON column parsed, or its raw text when it is not JSON. */
export function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A keyset filter on `id` after the previous page's last id. */
export const afterId = (id: string | undefined) => (id ? { id: { gt: id } } : {});
export const rowId = (row: { id: string }) => row.id;
