import { describe, expect, it } from 'vitest';
import { fetchAllPages, type Page } from './paging';

function pages(n: number, size: number): (cursor: string | undefined) => Promise<Page<number>> {
  return (cursor) => {
    const start = cursor ? Number(cursor) : 0;
    const items = Array.from({ length: Math.min(size, n - start) }, (_, i) => start + i);
    const next = start + size < n ? String(start + size) : null;
    return Promise.resolve({ items, next_cursor: next });
  };
}

describe('paging', () => {
  it('reads every page beyond the first 500', async () => {
    const all = await fetchAllPages(pages(1234, 500));
    expect(all.items).toHaveLength(1234);
    expect(all.items[1233]).toBe(1233);
    expect(all.truncated).toBe(false);
  });

  it('stops at the bound and says so', async () => {
    const seen: (string | undefined)[] = [];
    const fetch = pages(100, 10);
    const all = await fetchAllPages((c) => {
      seen.push(c);
      return fetch(c);
    }, 3);
    expect(all.items).toHaveLength(30);
    expect(all.truncated).toBe(true);
    expect(seen).toEqual([undefined, '10', '20']);
  });

  it('takes a single page without a cursor as the whole list', async () => {
    expect(await fetchAllPages(() => Promise.resolve({ items: [1, 2] }))).toEqual({ items: [1, 2], truncated: false });
  });
});
