// The list pages' search (parts, receipts): the URL holds the query and the filters, the
// search box has the focus on arrival and again on `/`, and Enter on a search with a single
// match opens that match once the search's answer is in.
import { useEffect, useState, type RefObject } from 'react';
import type { InputRef } from 'antd';
import { useSearchParams } from 'react-router';

/** Sets or clears several URL search parameters in one navigation (an empty value clears). */
export function useParamSetter(): (next: Record<string, string | undefined>) => void {
  const [params, setParams] = useSearchParams();
  return (next) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p);
  };
}

/** Focuses the search on arrival and whenever `/` is typed outside a field, dialog or drawer. */
export function useSearchFocus(search: RefObject<InputRef | null>): void {
  useEffect(() => {
    search.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.key === '/' && !el?.closest('input, textarea, [contenteditable="true"], .ant-modal, .ant-drawer')) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [search]);
}

/**
 * Opens the only match of a search once the answer to that very search is in (not the
 * previous one still on screen). Returns the function to call with the search submitted.
 */
export function useOpenSingleMatch<T>(
  q: string,
  list: { isFetching: boolean; isPlaceholderData: boolean },
  rows: T[],
  open: (row: T) => void,
): (submitted: string) => void {
  const [pending, setPending] = useState<string | null>(null);
  useEffect(() => {
    if (pending === null || pending !== q || list.isFetching || list.isPlaceholderData) return;
    setPending(null);
    const only = rows.length === 1 ? rows[0] : undefined;
    if (only !== undefined) open(only);
  }, [pending, q, list.isFetching, list.isPlaceholderData, rows.length]);
  return setPending;
}
