import { describe, expect, it } from 'vitest';
import {
  chartOption, claimsChart, contractsTable, coverageChart, coverageTable, instants, percent, periodFrom, qualityChart, receivablesChart,
  receivablesTable, revenueChart, satisfactionChart, satisfactionTable, slaChart, ticketTable, timesChart, visitsChart, visitsTable,
  type QualityWarning, type TicketReport,
} from './dashboards';

const row = (key: string, over: Partial<TicketReport['total']> = {}): TicketReport['total'] => ({
  key, tickets: 4, responded: 4, response_met: 3, resolved: 2, resolution_met: 1, sla_compliance: 0.75,
  mean_response_minutes: 12.4, mean_resolution_minutes: 95.6, reopened: 1, complaints: 0, paused: 0, paused_minutes: 0, ...over,
});

const tickets: TicketReport = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', group_by: 'priority', rows: [row('p1'), row('p3', { sla_compliance: null, mean_response_minutes: null, tickets: 1 })], total: row('total') };

describe('ticket report', () => {
  it('shows SLA compliance as a percentage per group, nothing where nothing was due', () => {
    expect(slaChart(tickets)).toEqual({ kind: 'bar', unit: 'percent', categories: ['p1', 'p3'], series: [{ name: 'sla', data: [75, null] }] });
    expect(percent(2 / 3)).toBe(66.7);
  });
  it('puts the same figures in the table, times in whole working minutes', () => {
    const t = ticketTable(tickets);
    expect(t.rows[0]).toMatchObject({ key: 'p1', tickets: 4, response_met: '3 / 4', resolution_met: '1 / 2', sla: 75, response_minutes: 12, resolution_minutes: 96, reopened: 1 });
    expect(t.rows[1]).toMatchObject({ sla: null, response_minutes: null });
    expect(timesChart(tickets).series.map((s) => s.data)).toEqual([[12, null], [96, 96]]);
  });
  it('asks for the local days of the period as instants in Shanghai', () => {
    expect(instants({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
  });
});

describe('callbacks and satisfaction', () => {
  const coverage = { from: '2026-11-01', to: '2026-11-30', visits: 10, completed: 7, unreachable: 1, refused: 1, open: 1, overdue: 0, coverage_tenths: 900 };
  it('counts every outcome of the callbacks and the coverage in percent', () => {
    expect(coverageChart(coverage).series[0]?.data).toEqual([7, 1, 1, 1, 0]);
    expect(coverageTable(coverage).rows[0]?.coverage).toBe(90);
  });
  it('draws one line per district over the quarters, a gap where a district had no rating', () => {
    const r = {
      points: [
        { group: 'Tianhe', period: '2026-Q4', index_tenths: 905, change_tenths: 12, ratings: 40 },
        { group: 'Haizhu', period: '2026-Q3', index_tenths: 870, change_tenths: null, ratings: 12 },
        { group: 'Tianhe', period: '2026-Q3', index_tenths: 893, change_tenths: null, ratings: 31 },
      ],
    };
    expect(satisfactionChart(r)).toEqual({
      kind: 'line', unit: 'count', categories: ['2026-Q3', '2026-Q4'],
      series: [{ name: 'Haizhu', data: [87, null] }, { name: 'Tianhe', data: [89.3, 90.5] }],
    });
    expect(satisfactionTable(r).rows.map((x) => [x.group, x.period, x.index, x.change])).toEqual([['Haizhu', '2026-Q3', 87, null], ['Tianhe', '2026-Q3', 89.3, null], ['Tianhe', '2026-Q4', 90.5, 1.2]]);
  });
});

describe('money', () => {
  it('shows revenue, warranty and contract cost in yuan', () => {
    const r = { currency: 'CNY', from: '2026-11-01', to: '2026-11-30', rows: [{ key: '2026-11', receipts: 3, charged_minor: 45000, credited_minor: 5000, net_minor: 40000, warranty_cost_minor: 12050, contract_cost_minor: 0, manufacturer_minor: 3000, discount_minor: 0, at_price_minor: 0 }], total: { key: 'total', receipts: 3, charged_minor: 45000, credited_minor: 5000, net_minor: 40000, warranty_cost_minor: 12050, contract_cost_minor: 0, manufacturer_minor: 3000, discount_minor: 0, at_price_minor: 0 } };
    expect(revenueChart(r).series.map((s) => [s.name, s.data])).toEqual([['net', [400]], ['warranty_cost', [120.5]], ['contract_cost', [0]]]);
  });
  it('lists every ageing bucket, an empty one as zero', () => {
    const r = { as_of: '2026-11-30', items: [], totals: [{ bucket: 'over90' as const, receipts: 2, owed_minor: 123456 }] };
    expect(receivablesTable(r).rows).toEqual([
      { bucket: 'days0_to30', receipts: 0, owed: 0 }, { bucket: 'days31_to60', receipts: 0, owed: 0 }, { bucket: 'days61_to90', receipts: 0, owed: 0 }, { bucket: 'over90', receipts: 2, owed: 1234.56 },
    ]);
    expect(receivablesChart(r).series[0]?.data).toEqual([0, 0, 0, 1234.56]);
  });
  it('sums outstanding claims per brand by state', () => {
    expect(claimsChart([{ brand: 'Sharp', draft: 1, draft_minor: 1000, submitted: 2, submitted_minor: 25000, approved: 0, approved_minor: 0, oldest: null }]).series.map((s) => s.data)).toEqual([[10], [250], [0]]);
  });
});

describe('quality warnings', () => {
  it('adds up the occurrences per model', () => {
    const w = (model: string, count: number): QualityWarning => ({ id: model + count, brand: 'Sharp', model, key: 'E7', repeat: 'fault', window: 'month', window_start: '2026-11-01', count, threshold: 3, raised_at: '2026-11-20T01:00:00Z', work_orders: [] });
    expect(qualityChart([w('AR-2048', 3), w('MX-M354', 4), w('AR-2048', 5)])).toMatchObject({ categories: ['Sharp AR-2048', 'Sharp MX-M354'], series: [{ data: [8, 4] }] });
  });
});

describe('chart option and period', () => {
  it('labels the series and categories and caps percentages at 100', () => {
    const o = chartOption(slaChart(tickets), (k) => `«${k}»`) as { xAxis: { data: string[] }; yAxis: { max?: number }; series: { name: string; data: unknown[] }[] };
    expect(o.xAxis.data).toEqual(['«p1»', '«p3»']);
    expect(o.yAxis.max).toBe(100);
    expect(o.series[0]).toMatchObject({ type: 'bar', name: '«sla»', data: [75, null] });
  });
  it('reads the period from the address, or the month to date', () => {
    expect(periodFrom(new URLSearchParams('from=2026-10-01&to=2026-10-31'), '2026-12-07')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(periodFrom(new URLSearchParams('from=2026-11-30&to=2026-11-01'), '2026-12-07')).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(periodFrom(new URLSearchParams(''), '2026-12-07')).toEqual({ from: '2026-12-01', to: '2026-12-07' });
  });
});

describe('technicians', () => {
  it('shows first-time fix and utilisation in percent, no first-time fix without a first visit', () => {
    const line = { key: 't1', name: '李伟', visits: 5, completed: 4, first_visits: 4, first_time_fixes: 3, first_time_fix_tenths: 750, return_visits: 1, utilisation_tenths: 623, service_minutes: 300, travel_minutes: 90, idle_minutes: 90, on_time: 4, on_time_tenths: 1000, with_appointment: 4 };
    const r = { from: '2026-11-01', to: '2026-11-30', group_by: 'technician' as const, lines: [line, { ...line, key: 't2', name: '陈杰', first_visits: 0, first_time_fixes: 0, first_time_fix_tenths: 0 }] };
    expect(visitsTable(r).rows.map((x) => [x.name, x.first_time_fix, x.utilisation])).toEqual([['李伟', 75, 62.3], ['陈杰', null, 62.3]]);
    expect(visitsChart(r).series.map((s) => s.data)).toEqual([[75, null], [62.3, 62.3]]);
  });
});

describe('contracts and renewals', () => {
  it('puts the renewals won and lost of the covers ending that month beside the contracts signed', () => {
    const t = contractsTable({
      month: '2026-12-01', contracts: [], new: 2, renewals: 1, total_minor: 720000,
      ending: { ending: 5, renewed: 2, declined: 1, lapsed: 1, open: 1 },
    });
    expect(t.columns).toEqual(['period', 'new', 'renewals', 'total', 'ending', 'won', 'declined', 'lapsed', 'renewal_open']);
    expect(t.rows).toEqual([{ period: '2026-12-01', new: 2, renewals: 1, total: 7200, ending: 5, won: 2, declined: 1, lapsed: 1, renewal_open: 1 }]);
  });
});
