// The sent messages' server state. Keys start with 'messages' so any read of them refreshes
// together; a ticket's messages are re-read while one is still waiting to be sent.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import { messageQuery, waitingToSend, type MessageFilter } from './messages';

/** Rows a page of the list asks for. */
export const PAGE = 50;

/** The messages, newest first, filtered, a page at a time. */
export function useMessages(f: MessageFilter, enabled = true) {
  const query = messageQuery(f);
  return useInfiniteQuery({
    queryKey: ['messages', 'list', query],
    enabled,
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
    queryFn: ({ pageParam }) =>
      must(api.GET('/api/v1/messages', { params: { query: { limit: PAGE, ...query, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** One message with each of its attempts, last error and next attempt. */
export function useMessage(id: string | null) {
  return useQuery({
    queryKey: ['messages', 'one', id],
    enabled: !!id,
    queryFn: () => must(api.GET('/api/v1/messages/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** The messages sent about a ticket (its first page: a ticket has few). */
export function useTicketMessages(ticketId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['messages', 'ticket', ticketId],
    enabled,
    queryFn: () => must(api.GET('/api/v1/tickets/{id}/messages', { params: { path: { id: ticketId }, query: { limit: PAGE } } })),
    refetchInterval: (q) => (q.state.data?.items.some(waitingToSend) ? 15_000 : false),
  });
}

/** One customer (masked), to name the one the list is filtered by. */
export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: ['customer', id],
    enabled: !!id,
    staleTime: 60_000,
    queryFn: () => must(api.GET('/api/v1/customers/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** The channels configured (none: trial mode). */
export function useNotificationChannels(enabled = true) {
  return useQuery({
    queryKey: ['messages', 'channels'],
    enabled,
    staleTime: 60_000,
    queryFn: () => must(api.GET('/api/v1/notification-channels')),
  });
}
