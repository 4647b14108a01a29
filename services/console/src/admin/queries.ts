// The administrator's server state. Keys start with the object ('accounts', 'account',
// 'audit', 'deadletters', 'setting') so a change refreshes every view of it.
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../api/client';
import { auditQuery, type AuditFilter, type Role } from './admin';

/** Rows a list page asks for. */
export const PAGE = 50;

/** Accounts searched by login or name and by role, a page at a time. */
export function useAccounts(q: string, role?: Role) {
  const text = q.trim();
  return useInfiniteQuery({
    queryKey: ['accounts', 'list', text, role ?? ''],
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      must(
        api.GET('/api/v1/accounts', {
          params: { query: { limit: PAGE, ...(text ? { q: text } : {}), ...(role ? { role } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** Every account's login by id (the first 500), to name who did what in the audit log. */
export function useAccountNames() {
  return useQuery({
    queryKey: ['accounts', 'names'],
    queryFn: async () => {
      const page = await must(api.GET('/api/v1/accounts', { params: { query: { limit: 500 } } }));
      return new Map(page.items.map((a) => [a.id, a]));
    },
  });
}

/** One account with its version. */
export function useAccount(id: string | null) {
  return useQuery({
    queryKey: ['account', id],
    enabled: !!id,
    queryFn: () => must(api.GET('/api/v1/accounts/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** An account's API tokens. */
export function useApiTokens(id: string | null) {
  return useQuery({
    queryKey: ['account', id, 'tokens'],
    enabled: !!id,
    queryFn: async () => (await must(api.GET('/api/v1/accounts/{id}/api-tokens', { params: { path: { id: id ?? '' } } }))).items,
  });
}

/** The audit log, newest first, searched, a page at a time. */
export function useAudit(f: AuditFilter) {
  const query = auditQuery(f);
  return useInfiniteQuery({
    queryKey: ['audit', query],
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      must(api.GET('/api/v1/audit', { params: { query: { limit: PAGE, ...query, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** The dead letters (up to 500). */
export function useDeadLetters() {
  return useQuery({
    queryKey: ['deadletters'],
    queryFn: async () => (await must(api.GET('/api/v1/deadletters', { params: { query: { limit: 500 } } }))).items,
  });
}

/** Refreshes every view of the objects whose keys start with `prefix`. */
export function useRefresh(): (prefix: string) => void {
  const qc = useQueryClient();
  return (prefix) => void qc.invalidateQueries({ queryKey: [prefix] });
}
