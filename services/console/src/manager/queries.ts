// The manager's server state: each dashboard report for the period in the address, the
// published rankings and the daily reports.
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import { instants, type Period } from './dashboards';

type TicketGroup = 'priority' | 'tier' | 'district';

/** The ticket report of the period grouped by `group`. */
export function useTicketReport(p: Period, group: TicketGroup) {
  const q = { ...instants(p), group_by: group };
  return {
    ...useQuery({ queryKey: ['reports', 'tickets', p.from, p.to, group], queryFn: () => must(api.GET('/api/v1/reports/tickets', { params: { query: q } })) }),
    csv: () => must(api.GET('/api/v1/reports/tickets.csv', { params: { query: q }, parseAs: 'blob' })) as Promise<Blob>,
  };
}

/** Visits, first-time fix and utilisation per technician. */
export function useVisits(p: Period) {
  const q = { from: p.from, to: p.to, group_by: 'technician' as const };
  return {
    ...useQuery({ queryKey: ['reports', 'visits', p.from, p.to], queryFn: () => must(api.GET('/api/v1/reports/visits', { params: { query: q } })) }),
    csv: () => must(api.GET('/api/v1/reports/visits.csv', { params: { query: q }, parseAs: 'blob' })) as Promise<Blob>,
  };
}

/** Callback coverage of the period's visits. */
export function useCoverage(p: Period) {
  const q = { from: p.from, to: p.to };
  return {
    ...useQuery({ queryKey: ['reports', 'coverage', p.from, p.to], queryFn: () => must(api.GET('/api/v1/reports/callback-coverage', { params: { query: q } })) }),
    csv: () => must(api.GET('/api/v1/reports/callback-coverage.csv', { params: { query: q }, parseAs: 'blob' })) as Promise<Blob>,
  };
}

/** Callback scores per technician. */
export function useScores(p: Period) {
  const q = { from: p.from, to: p.to, group_by: 'technician' as const };
  return {
    ...useQuery({ queryKey: ['reports', 'scores', p.from, p.to], queryFn: () => must(api.GET('/api/v1/reports/callback-scores', { params: { query: q } })) }),
    csv: () => must(api.GET('/api/v1/reports/callback-scores.csv', { params: { query: q }, parseAs: 'blob' })) as Promise<Blob>,
  };
}

/** The satisfaction index per district by quarter. */
export function useSatisfaction(p: Period) {
  const q = { from: p.from, to: p.to, group_by: 'district' as const, interval: 'quarter' as const };
  return {
    ...useQuery({ queryKey: ['reports', 'satisfaction', p.from, p.to], queryFn: () => must(api.GET('/api/v1/reports/satisfaction', { params: { query: q } })) }),
    csv: () => must(api.GET('/api/v1/reports/satisfaction.csv', { params: { query: q }, parseAs: 'blob' })) as Promise<Blob>,
  };
}

/** Revenue and warranty cost by month. */
export function useRevenue(p: Period) {
  const q = { from: p.from, to: p.to, group_by: 'month' as const };
  return {
    ...useQuery({ queryKey: ['reports', 'revenue', p.from, p.to], queryFn: () => must(api.GET('/api/v1/reports/revenue', { params: { query: q } })) }),
    csv: () => must(api.GET('/api/v1/reports/revenue.csv', { params: { query: q }, parseAs: 'blob' })) as Promise<Blob>,
  };
}

/** Receivables ageing at the end of the period. */
export function useAgeing(p: Period) {
  const q = { as_of: p.to };
  return {
    ...useQuery({ queryKey: ['reports', 'receivables', p.to], queryFn: () => must(api.GET('/api/v1/reports/receivables', { params: { query: q } })) }),
    csv: () => must(api.GET('/api/v1/reports/receivables.csv', { params: { query: q }, parseAs: 'blob' })) as Promise<Blob>,
  };
}

/** Manufacturer claims outstanding per brand. */
export function useClaims() {
  return {
    ...useQuery({ queryKey: ['reports', 'claims'], queryFn: async () => (await must(api.GET('/api/v1/reports/claims-outstanding', {}))).items }),
    csv: () => must(api.GET('/api/v1/reports/claims-outstanding.csv', { parseAs: 'blob' })) as Promise<Blob>,
  };
}

/** Contracts signed in the period's last month (new and renewed). */
export function useContracts(p: Period) {
  const q = { month: p.to.slice(0, 7) };
  return {
    ...useQuery({ queryKey: ['reports', 'contracts', q.month], queryFn: () => must(api.GET('/api/v1/reports/contracts-signed', { params: { query: q } })) }),
    csv: () => must(api.GET('/api/v1/reports/contracts-signed.csv', { params: { query: q }, parseAs: 'blob' })) as Promise<Blob>,
  };
}

/** Quality warnings, newest first (the first 100). */
export function useQualityWarnings() {
  return useQuery({ queryKey: ['quality-warnings'], queryFn: async () => (await must(api.GET('/api/v1/quality-warnings', { params: { query: { limit: 100 } } }))).items });
}

/** How many published rankings of a kind the rankings page offers: a year of weeks, two years of months. */
export const RANKINGS_OFFERED = 52;

/** The published rankings of a kind, newest period first (the last year's worth). */
export function useRankings(kind: 'weekly' | 'monthly') {
  return useQuery({ queryKey: ['rankings', kind], queryFn: async () => (await must(api.GET('/api/v1/rankings', { params: { query: { kind, limit: RANKINGS_OFFERED } } }))).items });
}

/** The daily reports, newest day first (the last 60). */
export function useDailyReports() {
  return useQuery({ queryKey: ['daily-reports'], queryFn: async () => (await must(api.GET('/api/v1/daily-reports', { params: { query: { limit: 60 } } }))).items });
}
