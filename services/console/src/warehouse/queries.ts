// The warehouse's server state. Keys start with the object ('parts', 'part', 'purchases',
// 'stocktakes', 'forecasts', 'locations') so a change refreshes every view of it.
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../api/client';
import type { PartCategory, PurchaseStatus, StocktakeStatus } from './warehouse';
import { fetchAllPages } from '../board/paging';

/** Rows a list page asks for. */
export const PAGE = 50;

/** The catalogue searched by text and category, a page at a time. */
export function useParts(q: string, category: PartCategory | undefined) {
  const text = q.trim();
  return useInfiniteQuery({
    queryKey: ['parts', 'list', text, category ?? ''],
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      must(
        api.GET('/api/v1/parts', {
          params: { query: { limit: PAGE, ...(text ? { q: text } : {}), ...(category ? { category } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** Every part (for a stocktake sheet), page after page. */
export function useAllParts(enabled: boolean) {
  return useQuery({
    queryKey: ['parts', 'all'],
    enabled,
    queryFn: () => fetchAllPages((cursor) => must(api.GET('/api/v1/parts', { params: { query: { limit: 500, ...(cursor ? { cursor } : {}) } } }))),
  });
}

/** One part with its stock per location. */
export function usePart(sku: string | null) {
  return useQuery({
    queryKey: ['part', sku],
    enabled: !!sku,
    queryFn: () => must(api.GET('/api/v1/parts/{sku}', { params: { path: { sku: sku ?? '' } } })),
  });
}

/** A part's ledger, newest first, a page at a time. */
export function useMovements(sku: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['part', sku, 'movements'],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(api.GET('/api/v1/parts/{sku}/movements', { params: { path: { sku }, query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** A part's reorder rules per location. */
export function useRules(sku: string, enabled: boolean) {
  return useQuery({
    queryKey: ['part', sku, 'rules'],
    enabled,
    queryFn: () => must(api.GET('/api/v1/parts/{sku}/rules', { params: { path: { sku } } })),
  });
}

/** Every stock location: warehouses, vans, the workshop. */
export function useLocations() {
  return useQuery({
    queryKey: ['locations'],
    staleTime: 60_000,
    queryFn: async () => (await must(api.GET('/api/v1/locations'))).items,
  });
}

/** Purchase requests of one state (or all), a page at a time. */
export function usePurchases(status: PurchaseStatus | undefined) {
  return useInfiniteQuery({
    queryKey: ['purchases', status ?? 'all'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(api.GET('/api/v1/purchase-requests', { params: { query: { limit: PAGE, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** Stocktakes of one state (or all), newest first, a page at a time. */
export function useStocktakes(status: StocktakeStatus | undefined) {
  return useInfiniteQuery({
    queryKey: ['stocktakes', status ?? 'all'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(api.GET('/api/v1/stocktakes', { params: { query: { limit: PAGE, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** One stocktake. */
export function useStocktake(id: string | null) {
  return useQuery({
    queryKey: ['stocktakes', 'one', id],
    enabled: !!id,
    queryFn: () => must(api.GET('/api/v1/stocktakes/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** Forecast plans, newest first, a page at a time. */
export function useForecasts() {
  return useInfiniteQuery({
    queryKey: ['forecasts', 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => must(api.GET('/api/v1/forecast-plans', { params: { query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** One forecast plan. */
export function useForecast(id: string | null) {
  return useQuery({
    queryKey: ['forecasts', 'one', id],
    enabled: !!id,
    queryFn: () => must(api.GET('/api/v1/forecast-plans/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** Refreshes what a change to stock or purchasing may have moved. */
export function useRefresh() {
  const qc = useQueryClient();
  return (...keys: string[]) => {
    for (const k of keys) void qc.invalidateQueries({ queryKey: [k] });
  };
}
