// The manager's dashboards over a period kept in the address (?from=&to=): every chart with
// its table and its report's CSV.
import { Card, Col, DatePicker, Form, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { companyDate } from '../lib/format';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import ReportPanel from './ReportPanel';
import {
  claimsChart, claimsTable, contractsTable, coverageChart, coverageTable, periodFrom, qualityChart, qualityTable,
  receivablesChart, receivablesTable, revenueChart, revenueTable, satisfactionChart, satisfactionTable, scoresChart,
  scoresTable, slaChart, ticketTable, timesChart, visitsChart, visitsTable,
} from './dashboards';
import {
  useAgeing, useClaims, useContracts, useCoverage, useQualityWarnings, useRevenue, useSatisfaction, useScores, useTicketReport, useVisits,
} from './queries';

/** Translates a category, series or code shown in a chart or table, or leaves it as it is. */
export function useLabel(): (key: string) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (key: string) => {
      for (const k of [`manager:col.${key}`, `manager:buckets.${key}`, `desk:priority.${key}`, `desk:customer.tiers.${key}`]) {
        if (i18n.exists(k)) return t(k);
      }
      return key;
    },
    // The language is part of what a label reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );
}

export default function DashboardsTab() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const today = companyDate();
  const period = useMemo(() => periodFrom(search, today), [search, today]);
  const label = useLabel();
  const byPriority = useTicketReport(period, 'priority');
  const byTier = useTicketReport(period, 'tier');
  const byDistrict = useTicketReport(period, 'district');
  const visits = useVisits(period);
  const coverage = useCoverage(period);
  const scores = useScores(period);
  const satisfaction = useSatisfaction(period);
  const revenue = useRevenue(period);
  const ageing = useAgeing(period);
  const claims = useClaims();
  const contracts = useContracts(period);
  const quality = useQualityWarnings();
  const m = <T, R>(d: T | undefined, f: (x: T) => R) => (d === undefined ? undefined : f(d));
  const panels = [
    { id: 'sla-priority', title: t('manager:panels.slaPriority'), q: byPriority, chart: m(byPriority.data, slaChart), table: m(byPriority.data, ticketTable) },
    { id: 'times', title: t('manager:panels.times'), q: byPriority, chart: m(byPriority.data, timesChart), table: undefined },
    { id: 'sla-tier', title: t('manager:panels.slaTier'), q: byTier, chart: m(byTier.data, slaChart), table: m(byTier.data, ticketTable) },
    { id: 'repeats', title: t('manager:panels.repeats'), q: byDistrict, chart: m(byDistrict.data, (r) => ({ kind: 'bar' as const, unit: 'count' as const, categories: r.rows.map((x) => x.key), series: [{ name: 'reopened', data: r.rows.map((x) => x.reopened) }, { name: 'complaints', data: r.rows.map((x) => x.complaints) }] })), table: m(byDistrict.data, ticketTable) },
    { id: 'utilisation', title: t('manager:panels.utilisation'), q: visits, chart: m(visits.data, visitsChart), table: m(visits.data, visitsTable) },
    { id: 'coverage', title: t('manager:panels.coverage'), q: coverage, chart: m(coverage.data, coverageChart), table: m(coverage.data, coverageTable) },
    { id: 'scores', title: t('manager:panels.scores'), q: scores, chart: m(scores.data, scoresChart), table: m(scores.data, scoresTable) },
    { id: 'satisfaction', title: t('manager:panels.satisfaction'), q: satisfaction, chart: m(satisfaction.data, satisfactionChart), table: m(satisfaction.data, satisfactionTable) },
    { id: 'revenue', title: t('manager:panels.revenue'), q: revenue, chart: m(revenue.data, revenueChart), table: m(revenue.data, revenueTable) },
    { id: 'receivables', title: t('manager:panels.receivables'), q: ageing, chart: m(ageing.data, receivablesChart), table: m(ageing.data, receivablesTable) },
    { id: 'claims', title: t('manager:panels.claims'), q: claims, chart: m(claims.data, claimsChart), table: m(claims.data, claimsTable) },
    { id: 'contracts', title: t('manager:panels.renewals'), q: contracts, chart: undefined, table: m(contracts.data, contractsTable) },
    { id: 'quality', title: t('manager:panels.quality'), q: { ...quality, csv: undefined }, chart: m(quality.data, qualityChart), table: m(quality.data, qualityTable) },
  ];
  return (
    <div data-testid="dashboards">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('manager:period')} htmlFor="manager-period" extra={t('manager:periodHint')} style={{ maxWidth: '100%' }}>
            <DatePicker.RangePicker
              id="manager-period"
              data-testid="period"
              allowClear={false}
              style={{ maxWidth: '100%' }}
              value={[dayjs(period.from), dayjs(period.to)]}
              onChange={(v) => {
                if (v?.[0] && v[1]) setSearch({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
              }}
            />
          </Form.Item>
          <Typography.Text type="secondary" data-testid="period-text">
            {period.from} – {period.to}
          </Typography.Text>
        </Form>
      </Card>
      <Row gutter={[12, 12]}>
        {panels.map((p) => (
          <Col key={p.id} xs={24} xl={12}>
            <ReportPanel id={p.id} title={p.title} chart={p.chart} table={p.table} loading={p.q.isLoading} error={p.q.error} csv={p.q.csv} label={label} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
