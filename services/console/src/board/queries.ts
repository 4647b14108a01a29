// The board's server state. Keys start with the object ('workorders', 'technicians',
// 'day-plans') so the live stream's invalidation refreshes them.
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { DayPlan, Technician, WorkOrder } from './board';
import { fetchAllPages, type AllPages } from './paging';

/** Work orders a page of the board's list holds (the API's largest page). */
export const PAGE_SIZE = 500;

/** Every work order the board may show, newest first, page after page. */
export function useWorkOrders() {
  return useQuery({
    queryKey: ['workorders', 'board'],
    queryFn: (): Promise<AllPages<WorkOrder>> =>
      fetchAllPages((cursor) =>
        must(api.GET('/api/v1/workorders', { params: { query: { sort: '-created_at', limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } })),
      ),
  });
}

/** The technicians, page after page. */
export function useTechnicians() {
  return useQuery({
    queryKey: ['workorders', 'technicians'],
    queryFn: async (): Promise<Technician[]> =>
      (
        await fetchAllPages((cursor) =>
          must(api.GET('/api/v1/technicians', { params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } })),
        )
      ).items,
  });
}

/** The published plan of a day, or null when none was published. */
export function useDayPlan(day: string) {
  return useQuery({
    queryKey: ['workorders', 'day-plan', day],
    queryFn: async (): Promise<DayPlan | null> => {
      try {
        return await must(api.GET('/api/v1/day-plans/{date}', { params: { path: { date: day } } }));
      } catch (e) {
        if (e instanceof ApiProblem && e.status === 404) return null;
        throw e;
      }
    },
  });
}

/** The map's tile server template, or null for the plain plane. */
export function useMapSettings() {
  return useQuery({
    queryKey: ['map-settings'],
    queryFn: async (): Promise<string | null> => (await must(api.GET('/api/v1/map-settings'))).tile_url ?? null,
    staleTime: Infinity,
  });
}

/** The report-back register of a day. Under ['workorders'] so that a technician's steps and
 * visit reports (the live stream's work-order events) refresh it; read again every minute
 * too, as a technician turns from due to missing and lateness grows with no event at all. */
export function useRegister(day: string) {
  return useQuery({
    queryKey: ['workorders', 'register', day],
    queryFn: () => must(api.GET('/api/v1/report-back-register/{date}', { params: { path: { date: day } } })),
    refetchInterval: 60_000,
  });
}
