// The callback desk's server state. Keys start with the object ('call-tasks', 'call-task',
// 'callbacks', 'questionnaire') so a change refreshes every view of it; a live callback
// event refreshes the queue too (App.tsx refreshes 'callbacks'; the desk adds its own).
import { useCallback, useEffect } from 'react';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../api/client';
import { onLiveEvent } from '../live/stream';
import type { CallTaskKind, CallTaskState } from './calls';

/** Rows a page of the queue asks for. */
export const PAGE = 50;

/** What the queue is filtered by. */
export interface QueueFilter {
  assignee?: string;
  district?: string;
  kind?: CallTaskKind;
  state?: CallTaskState;
}

/** The queue (due now, overdue, later), filtered, a page at a time; re-read each minute as due times come. */
export function useCallTasks(f: QueueFilter) {
  const district = f.district?.trim() ?? '';
  return useInfiniteQuery({
    queryKey: ['call-tasks', 'list', f.assignee ?? '', district, f.kind ?? '', f.state ?? ''],
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    queryFn: ({ pageParam }) =>
      must(
        api.GET('/api/v1/call-tasks', {
          params: {
            query: {
              limit: PAGE,
              ...(f.assignee ? { assignee: f.assignee } : {}),
              ...(district ? { district } : {}),
              ...(f.kind ? { kind: f.kind } : {}),
              ...(f.state ? { state: f.state } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** One call task with its attempts. */
export function useCallTask(id: string | null) {
  return useQuery({
    queryKey: ['call-task', id],
    enabled: !!id,
    queryFn: () => must(api.GET('/api/v1/call-tasks/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** The callback a callback task is about (its version, attempts and answers). */
export function useCallbackRecord(id: string | null | undefined) {
  return useQuery({
    queryKey: ['callbacks', 'one', id],
    enabled: !!id,
    queryFn: () => must(api.GET('/api/v1/callbacks/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** The questionnaire in force: the version a callback answered now is recorded against. */
export function useQuestionnaire(enabled: boolean) {
  return useQuery({
    queryKey: ['questionnaire'],
    enabled,
    staleTime: 60_000,
    queryFn: () => must(api.GET('/api/v1/questionnaire')),
  });
}

/** A follow-up (a complaint answer's reasons and state). */
export function useFollowUp(id: string | null | undefined) {
  return useQuery({
    queryKey: ['followup', id],
    enabled: !!id,
    queryFn: () => must(api.GET('/api/v1/followups/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** Why the desk shows a customer's phone: kept in the audit log with the reveal. */
export const REVEAL_REASON = 'callback desk: calling the customer about an outbound call task';

/** The customer's record with phones shown, read only when the caller asks to call (audit-logged). */
export function useCustomerToCall(id: string | null | undefined, reveal: boolean) {
  return useQuery({
    queryKey: ['customer', id, 'revealed'],
    enabled: !!id && reveal,
    staleTime: 60_000,
    queryFn: () =>
      must(api.GET('/api/v1/customers/{id}', { params: { path: { id: id ?? '' }, query: { personal_data: 'show', reason: REVEAL_REASON } } })),
  });
}

/** A machine the call is about. */
export function useMachine(id: string | null | undefined) {
  return useQuery({
    queryKey: ['machine', id],
    enabled: !!id,
    staleTime: 60_000,
    queryFn: () => must(api.GET('/api/v1/machines/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** The ticket the call is about. */
export function useTicket(id: string | null | undefined) {
  return useQuery({
    queryKey: ['ticket', id],
    enabled: !!id,
    queryFn: () => must(api.GET('/api/v1/tickets/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** Refreshes the queue and the open task after a change (or a live callback event). */
export function useRefreshCalls() {
  const qc = useQueryClient();
  return useCallback(() => {
    void qc.invalidateQueries({ queryKey: ['call-tasks'] });
    void qc.invalidateQueries({ queryKey: ['call-task'] });
    void qc.invalidateQueries({ queryKey: ['callbacks'] });
    void qc.invalidateQueries({ queryKey: ['followup'] });
  }, [qc]);
}

/** Refreshes the queue when the live stream says a callback moved (its task moves with it). */
export function useLiveCalls() {
  const refresh = useRefreshCalls();
  useEffect(
    () =>
      onLiveEvent((e) => {
        if (e.callback_id || e.type.startsWith('survey.')) refresh();
      }),
    [refresh],
  );
}
