// Lists the API pages with an opaque cursor (`next_cursor`, absent on the last page). The
// board reads every page so a busy day is complete, up to a bound that keeps the browser
// responsive; `truncated` says the bound was reached.

/** One page as the API answers it. */
export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

/** Every item of every page, in the API's order. */
export interface AllPages<T> {
  items: T[];
  truncated: boolean;
}

/** Pages the board reads at most (500 a page: 20,000 work orders). */
export const MAX_PAGES = 40;

/** Reads pages from `fetchPage(cursor)` until the last one or `maxPages`. */
export async function fetchAllPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, maxPages = MAX_PAGES): Promise<AllPages<T>> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (!page.next_cursor) return { items, truncated: false };
    cursor = page.next_cursor;
  }
  return { items, truncated: true };
}
