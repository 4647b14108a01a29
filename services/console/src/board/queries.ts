// The board's server state. Keys start with the object ('workorders', 'technicians',
// 'day-plans') so the live stream's invalidation refreshes them.
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { DayPlan, Technician, WorkOrder } from './board';

/** Every work order the board may show, newest first (up to 500). */
export function useWorkOrders() {
  return useQuery({
    queryKey: ['workorders', 'board'],
    queryFn: async (): Promise<WorkOrder[]> =>
      (await must(api.GET('/api/v1/workorders', { params: { query: { sort: '-created_at', limit: 500 } } }))).items,
  });
}

/** The technicians (up to 500). */
export function useTechnicians() {
  return useQuery({
    queryKey: ['workorders', 'technicians'],
    queryFn: async (): Promise<Technician[]> => (await must(api.GET('/api/v1/technicians', { params: { query: { limit: 500 } } }))).items,
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
