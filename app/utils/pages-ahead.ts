/**
 * Yields the pages of a paginated list, asking for the next page as soon as one arrives, before
 * the caller works on it: the vendor builds page n+1 while the caller handles page n, instead of
 * the two taking turns. Two pages are in memory at most. A failed prefetch surfaces when its page
 * is reached; a caller that stops early leaves the prefetched page unread.
 */
export async function* pagesAhead<C, P>(
  first: C,
  fetchPage: (cursor: C) => Promise<P>,
  nextCursor: (page: P, cursor: C) => C | null,
): AsyncGenerator<P> {
  let cursor: C = first;
  let pending: Promise<P> | null = fetchPage(first);
  try {
    while (pending) {
      const page: P = await pending;
      const next = nextCursor(page, cursor);
      pending = next === null ? null : fetchPage(next);
      if (next !== null) cursor = next;
      yield page;
    }
  } finally {
    // Stopped early: nobody will await the prefetch, so its failure must not go unhandled.
    pending?.catch(() => {});
  }
}
