// The manager's dashboards as pure functions: each report the API answers becomes the rows
// of its table and the series of its chart (the same numbers in both), so a chart never
// shows what its table does not. ECharts options are plain objects built here and tested
// without a browser.
import type { components } from '../api/schema';

type S = components['schemas'];
export type TicketReport = S['TicketReport'];
export type CoverageReport = S['CoverageReport'];
export type SatisfactionReport = S['SatisfactionReport'];
export type RevenueReport = S['RevenueReport'];
export type ReceivablesReport = S['ReceivablesReport'];
export type Ranking = S['Ranking'];
export type QualityWarning = S['QualityWarning'];
export type DailyReport = S['DailyReport'];

/** The period the dashboards read: local days, inclusive. */
export interface Period {
  from: string;
  to: string;
}

/** One cell value of a dashboard table. */
export type Cell = string | number | null;

/** A dashboard table: column keys (translated by the page) and one record per row. */
export interface Table {
  columns: string[];
  rows: Record<string, Cell>[];
}

/** One named series over the chart's categories. */
export interface Series {
  name: string;
  data: (number | null)[];
}

/** A category chart: the x-axis labels and the series drawn over them. */
export interface Chart {
  kind: 'bar' | 'line';
  categories: string[];
  series: Series[];
  /** Unit of the values, for the axis: percent, minutes, money or a count. */
  unit: 'percent' | 'minutes' | 'money' | 'count';
}

/** A share 0..1 as a percentage with one decimal, or null when there is nothing to share. */
export function percent(share: number | null | undefined): number | null {
  return share === null || share === undefined ? null : Math.round(share * 1000) / 10;
}

/** Minutes rounded to whole minutes, or null. */
export function minutes(m: number | null | undefined): number | null {
  return m === null || m === undefined ? null : Math.round(m);
}

/** Minor currency units as major units (fen to yuan). */
export function major(minor: number): number {
  return Math.round(minor) / 100;
}

/** `[from, to)` instants for the ticket report from a period of local days in Shanghai. */
export function instants(p: Period): { from: string; to: string } {
  const next = new Date(`${p.to}T00:00:00+08:00`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { from: new Date(`${p.from}T00:00:00+08:00`).toISOString(), to: next.toISOString() };
}

/** SLA compliance, response and resolution in working minutes, repeat repairs per group. */
export function ticketTable(r: TicketReport): Table {
  return {
    columns: ['key', 'tickets', 'response_met', 'resolution_met', 'sla', 'response_minutes', 'resolution_minutes', 'reopened', 'complaints'],
    rows: r.rows.map((x) => ({
      key: x.key,
      tickets: x.tickets,
      response_met: `${x.response_met} / ${x.responded}`,
      resolution_met: `${x.resolution_met} / ${x.resolved}`,
      sla: percent(x.sla_compliance),
      response_minutes: minutes(x.mean_response_minutes),
      resolution_minutes: minutes(x.mean_resolution_minutes),
      reopened: x.reopened,
      complaints: x.complaints,
    })),
  };
}

/** SLA compliance (%) per group. */
export function slaChart(r: TicketReport): Chart {
  return { kind: 'bar', unit: 'percent', categories: r.rows.map((x) => x.key), series: [{ name: 'sla', data: r.rows.map((x) => percent(x.sla_compliance)) }] };
}

/** Mean first response and resolution in working minutes per group. */
export function timesChart(r: TicketReport): Chart {
  return {
    kind: 'bar',
    unit: 'minutes',
    categories: r.rows.map((x) => x.key),
    series: [
      { name: 'response_minutes', data: r.rows.map((x) => minutes(x.mean_response_minutes)) },
      { name: 'resolution_minutes', data: r.rows.map((x) => minutes(x.mean_resolution_minutes)) },
    ],
  };
}

/** How a period's visits were called back. */
export function coverageTable(r: CoverageReport): Table {
  return {
    columns: ['visits', 'completed', 'unreachable', 'refused', 'open', 'overdue', 'coverage'],
    rows: [{ visits: r.visits, completed: r.completed, unreachable: r.unreachable, refused: r.refused, open: r.open, overdue: r.overdue, coverage: r.coverage_tenths / 10 }],
  };
}

/** The callbacks of the period's visits by outcome. */
export function coverageChart(r: CoverageReport): Chart {
  const keys = ['completed', 'unreachable', 'refused', 'open', 'overdue'] as const;
  return { kind: 'bar', unit: 'count', categories: [...keys], series: [{ name: 'callbacks', data: keys.map((k) => r[k]) }] };
}

/** The satisfaction index (0-100) per group and period, oldest period first. */
export function satisfactionTable(r: SatisfactionReport): Table {
  return {
    columns: ['group', 'period', 'index', 'change', 'ratings'],
    rows: [...r.points]
      .sort((a, b) => a.period.localeCompare(b.period) || a.group.localeCompare(b.group))
      .map((p) => ({ group: p.group, period: p.period, index: p.index_tenths / 10, change: p.change_tenths === null || p.change_tenths === undefined ? null : p.change_tenths / 10, ratings: p.ratings })),
  };
}

/** One line per group over the periods. */
export function satisfactionChart(r: SatisfactionReport): Chart {
  const periods = [...new Set(r.points.map((p) => p.period))].sort();
  const groups = [...new Set(r.points.map((p) => p.group))].sort();
  return {
    kind: 'line',
    unit: 'count',
    categories: periods,
    series: groups.map((g) => ({
      name: g,
      data: periods.map((period) => {
        const p = r.points.find((x) => x.group === g && x.period === period);
        return p ? p.index_tenths / 10 : null;
      }),
    })),
  };
}

/** Revenue and warranty cost per month (major units). */
export function revenueTable(r: RevenueReport): Table {
  return {
    columns: ['key', 'receipts', 'charged', 'credited', 'net', 'warranty_cost', 'contract_cost', 'manufacturer'],
    rows: r.rows.map((x) => ({
      key: x.key,
      receipts: x.receipts,
      charged: major(x.charged_minor),
      credited: major(x.credited_minor),
      net: major(x.net_minor),
      warranty_cost: major(x.warranty_cost_minor),
      contract_cost: major(x.contract_cost_minor),
      manufacturer: major(x.manufacturer_minor),
    })),
  };
}

/** Net revenue against warranty and contract cost. */
export function revenueChart(r: RevenueReport): Chart {
  return {
    kind: 'bar',
    unit: 'money',
    categories: r.rows.map((x) => x.key),
    series: [
      { name: 'net', data: r.rows.map((x) => major(x.net_minor)) },
      { name: 'warranty_cost', data: r.rows.map((x) => major(x.warranty_cost_minor)) },
      { name: 'contract_cost', data: r.rows.map((x) => major(x.contract_cost_minor)) },
    ],
  };
}

/** The ageing buckets in their order. */
export const BUCKETS = ['days0_to30', 'days31_to60', 'days61_to90', 'over90'] as const;

/** What is owed per ageing bucket, every bucket listed. */
export function receivablesTable(r: ReceivablesReport): Table {
  return {
    columns: ['bucket', 'receipts', 'owed'],
    rows: BUCKETS.map((b) => {
      const t = r.totals.find((x) => x.bucket === b);
      return { bucket: b, receipts: t?.receipts ?? 0, owed: major(t?.owed_minor ?? 0) };
    }),
  };
}

/** Owed per bucket. */
export function receivablesChart(r: ReceivablesReport): Chart {
  const t = receivablesTable(r);
  return { kind: 'bar', unit: 'money', categories: [...BUCKETS], series: [{ name: 'owed', data: t.rows.map((x) => x.owed as number) }] };
}

/** A ranking as the seeds post it: rank, name, callbacks, mean score, repeat repairs. */
export function rankingTable(lines: Ranking['technicians']): Table {
  return {
    columns: ['rank', 'name', 'callbacks', 'score', 'repeat_repairs'],
    rows: lines.map((l) => ({ rank: l.rank, name: l.name, callbacks: l.callbacks, score: l.mean_milli / 1000, repeat_repairs: l.repeat_repairs })),
  };
}

/** Quality warnings per model and what repeats (a fault or a part). */
export function qualityTable(items: QualityWarning[]): Table {
  return {
    columns: ['model', 'repeat', 'key', 'window', 'count', 'threshold', 'raised_at'],
    rows: items.map((w) => ({ model: `${w.brand} ${w.model}`, repeat: w.repeat, key: w.key, window: `${w.window} ${w.window_start}`, count: w.count, threshold: w.threshold, raised_at: w.raised_at.slice(0, 10) })),
  };
}

/** Occurrences behind the warnings, summed per model. */
export function qualityChart(items: QualityWarning[]): Chart {
  const per = new Map<string, number>();
  for (const w of items) per.set(`${w.brand} ${w.model}`, (per.get(`${w.brand} ${w.model}`) ?? 0) + w.count);
  const models = [...per.keys()].sort();
  return { kind: 'bar', unit: 'count', categories: models, series: [{ name: 'count', data: models.map((m) => per.get(m) ?? 0) }] };
}

/** The ECharts option of a chart, its series and categories labelled by `label`. */
export function chartOption(c: Chart, label: (key: string) => string): Record<string, unknown> {
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 36, bottom: 48, containLabel: true },
    legend: { top: 0, data: c.series.map((s) => label(s.name)) },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: c.categories.map(label), axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', ...(c.unit === 'percent' ? { max: 100 } : {}), minInterval: c.unit === 'count' ? 1 : undefined },
    series: c.series.map((s) => ({ type: c.kind, name: label(s.name), data: s.data, connectNulls: false, label: { show: c.categories.length <= 8, position: 'top' } })),
  };
}

/** The period in the address (`?from=&to=`), or the month to date. */
export function periodFrom(search: URLSearchParams, today: string): Period {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  if (day.test(from) && day.test(to) && from <= to) return { from, to };
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

export type ClaimsOutstanding = S['ClaimsOutstanding'];
export type ScoreReport = S['ScoreReport'];
export type ContractsSignedReport = S['ContractsSignedReport'];

/** Claims not yet paid per brand: drafts, submitted and approved, with their amounts. */
export function claimsTable(items: ClaimsOutstanding[]): Table {
  return {
    columns: ['brand', 'draft', 'submitted', 'approved', 'amount', 'oldest'],
    rows: items.map((c) => ({ brand: c.brand, draft: c.draft, submitted: c.submitted, approved: c.approved, amount: major(c.draft_minor + c.submitted_minor + c.approved_minor), oldest: c.oldest ?? null })),
  };
}

/** Outstanding claim amounts per brand by state. */
export function claimsChart(items: ClaimsOutstanding[]): Chart {
  return {
    kind: 'bar',
    unit: 'money',
    categories: items.map((c) => c.brand),
    series: [
      { name: 'draft', data: items.map((c) => major(c.draft_minor)) },
      { name: 'submitted', data: items.map((c) => major(c.submitted_minor)) },
      { name: 'approved', data: items.map((c) => major(c.approved_minor)) },
    ],
  };
}

/** Callback score lines (a technician's callbacks, mean score, repeat repairs), ranked. */
export function scoresTable(r: ScoreReport): Table {
  return rankingTable(r.lines);
}

/** Visits called back per technician (their workload) and mean score. */
export function scoresChart(r: ScoreReport): Chart {
  return { kind: 'bar', unit: 'count', categories: r.lines.map((l) => l.name), series: [{ name: 'callbacks', data: r.lines.map((l) => l.callbacks) }] };
}

/** Contracts signed in a month (new against renewed, and their value), and the renewals won and lost of the covers ending that month. */
export function contractsTable(r: ContractsSignedReport): Table {
  const e = r.ending;
  return {
    columns: ['period', 'new', 'renewals', 'total', 'ending', 'won', 'declined', 'lapsed', 'renewal_open'],
    rows: [
      {
        period: r.month,
        new: r.new,
        renewals: r.renewals,
        total: major(r.total_minor),
        ending: e.ending,
        won: e.renewed,
        declined: e.declined,
        lapsed: e.lapsed,
        renewal_open: e.open,
      },
    ],
  };
}

export type DispatchReport = S['DispatchReport'];

/** Per technician: visits, first-time fix and utilisation (service ÷ shift minutes). */
export function visitsTable(r: DispatchReport): Table {
  return {
    columns: ['name', 'visits', 'first_time_fix', 'return_visits', 'utilisation', 'service_minutes', 'travel_minutes'],
    rows: r.lines.map((l) => ({
      name: l.name,
      visits: l.visits,
      first_time_fix: l.first_visits === 0 ? null : l.first_time_fix_tenths / 10,
      return_visits: l.return_visits,
      utilisation: l.utilisation_tenths / 10,
      service_minutes: l.service_minutes,
      travel_minutes: l.travel_minutes,
    })),
  };
}

/** First-time fix and utilisation in percent per technician. */
export function visitsChart(r: DispatchReport): Chart {
  const t = visitsTable(r);
  return {
    kind: 'bar',
    unit: 'percent',
    categories: r.lines.map((l) => l.name),
    series: [
      { name: 'first_time_fix', data: t.rows.map((x) => x.first_time_fix as number | null) },
      { name: 'utilisation', data: t.rows.map((x) => x.utilisation as number | null) },
    ],
  };
}
