// Who did something, by name: the display names of the accounts behind the ids an answer
// gives (`recorded_by`, `updated_by`), read from `GET /accounts/names` (every member of
// staff) and kept by react-query under ['accounts', 'names', <ids>]. An id the gateway does
// not name (a service, a job, a removed account) or not yet read stays the id.
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import { useCan } from '../shell/permissions';

/** The most ids the gateway names in one request. */
const BATCH = 100;

/** The distinct, non-empty ids among `ids`, sorted (one cache entry per set of ids). */
export function distinctIds(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.map((id) => id?.trim() ?? '').filter((id) => id !== '' && id.length <= 64 && !id.includes(',')))].sort();
}

/** The display name of each id among `ids` the gateway knows; `name(id)` falls back to the id. */
export function useDisplayNames(ids: readonly (string | null | undefined)[]) {
  const can = useCan('listAccountNames');
  const wanted = distinctIds(ids);
  const q = useQuery({
    queryKey: ['accounts', 'names', wanted],
    enabled: can && wanted.length > 0,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const names = new Map<string, string>();
      for (let i = 0; i < wanted.length; i += BATCH) {
        const page = await must(api.GET('/api/v1/accounts/names', { params: { query: { ids: wanted.slice(i, i + BATCH).join(',') } } }));
        for (const n of page.names) names.set(n.id, n.display_name);
      }
      return names;
    },
  });
  const names = q.data;
  return (id: string | null | undefined): string => (id ? (names?.get(id) ?? id) : '');
}
