// Forecast plans: drafted from each part's consumption with the assumptions stated (history,
// horizon, installed base, sales plan, location), each part's demand pattern, method and
// backtest (MASE against the naive forecast, bias); a manager approves a draft with
// If-Match and its purchases become purchase requests.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDateTime } from '../lib/format';
import { useDisplayNames } from '../lib/displayNames';
import { TONE } from '../lib/colors';
import { useCan } from '../shell/permissions';
import { showProblem } from './forms';
import { ScrollRegion } from '../lib/ScrollRegion';
import { MoreButton, OpenLink } from '../lib/ListParts';
import { useLocationOptions } from './PartDialogs';
import { useForecast, useForecasts, useRefresh } from './queries';
import { decimal, maseVerdict, methodOf, type ForecastLine, type ForecastPlan } from './warehouse';

export default function ForecastsTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const canStart = useCan('startForecastPlan');
  const q = useForecasts();
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  const name = useDisplayNames(rows.map((r) => r.created_by));
  const [params, setParams] = useSearchParams();
  const open = (id: string) => {
    const p = new URLSearchParams(params);
    p.set('plan', id);
    setParams(p);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {canStart && <StartPlan onStarted={open} />}
      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('warehouse:forecast.listTitle')}</Typography.Title>}>
        <ScrollRegion label={t('warehouse:forecast.listTitle')}>
          <Table<ForecastPlan>
            size="small"
            rowKey="id"
            data-testid="plans"
            loading={q.isLoading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('warehouse:forecast.none') }}
            onRow={(r) => ({ onClick: () => open(r.id), 'data-testid': `plan-${r.status}` }) as React.HTMLAttributes<HTMLElement>}
            footer={() => <MoreButton query={q} />}
            columns={[
              {
                title: t('warehouse:forecast.created'),
                key: 'at',
                render: (_v, r) => <OpenLink onOpen={() => open(r.id)}>{formatDateTime(r.created_at, lang)}</OpenLink>,
              },
              { title: t('warehouse:forecast.horizon'), key: 'horizon', render: (_v, r) => t('warehouse:forecast.months', { count: r.assumptions.horizon_months }) },
              { title: t('warehouse:stock.location'), key: 'location', render: (_v, r) => r.assumptions.location },
              { title: t('warehouse:forecast.parts'), key: 'parts', align: 'right', render: (_v, r) => r.lines.length },
              { title: t('warehouse:forecast.toBuy'), key: 'buy', align: 'right', render: (_v, r) => r.lines.reduce((s, l) => s + l.to_buy, 0) },
              { title: t('warehouse:forecast.createdBy'), key: 'by', render: (_v, r) => name(r.created_by) },
              { title: t('warehouse:forecast.status'), key: 'status', render: (_v, r) => <Tag color={r.status === 'draft' ? TONE.warning : TONE.success}>{t(`warehouse:forecast.states.${r.status}`)}</Tag> },
              { title: t('warehouse:forecast.note'), key: 'note', render: (_v, r) => r.assumptions.note || '—' },
            ]}
          />
        </ScrollRegion>
      </Card>
      {params.has('plan') && <PlanDrawer />}
    </Space>
  );
}

interface StartValues {
  history_months: number;
  horizon_months: number;
  installed_base_factor: number;
  sales_factor: number;
  location: string;
  note?: string;
}

const START_FIELDS = ['history_months', 'horizon_months', 'installed_base_factor', 'sales_factor', 'location', 'note'];

function StartPlan({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const options = useLocationOptions((l) => l.kind !== 'van');
  const [form] = Form.useForm<StartValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: StartValues) => {
    setBusy(true);
    setError(null);
    try {
      const plan = await must(api.POST('/api/v1/forecast-plans', { body: { ...v, note: v.note?.trim() ?? '' } }));
      void message.success(t('warehouse:forecast.started', { count: plan.lines.length }));
      refresh('forecasts');
      onStarted(plan.id);
    } catch (e) {
      setError(showProblem(e, form, START_FIELDS, t));
    } finally {
      setBusy(false);
    }
  };
  const range = (min: number, max: number, integer: boolean) => [
    { required: true, message: t('common:required') },
    { type: integer ? ('integer' as const) : ('number' as const), min, max, message: t('warehouse:forecast.range', { min, max }) },
  ];
  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('warehouse:forecast.startTitle')}</Typography.Title>}>
      <Form
        form={form}
        name="forecast"
        layout="vertical"
        requiredMark="optional"
        initialValues={{ history_months: 12, horizon_months: 1, installed_base_factor: 1, sales_factor: 1, location: 'main', note: '' }}
        onFinish={(v) => void submit(v)}
      >
        {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
        <Typography.Paragraph type="secondary">{t('warehouse:forecast.startHelp')}</Typography.Paragraph>
        <Space align="start" wrap>
          <Form.Item name="history_months" label={t('warehouse:forecast.historyMonths')} rules={range(3, 36, true)}>
            <InputNumber style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="horizon_months" label={t('warehouse:forecast.horizonMonths')} rules={range(1, 6, true)}>
            <InputNumber style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="installed_base_factor" label={t('warehouse:forecast.installedBase')} extra={t('warehouse:forecast.factorHelp')} rules={range(0.1, 10, false)}>
            <InputNumber step={0.05} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="sales_factor" label={t('warehouse:forecast.salesPlan')} extra={t('warehouse:forecast.factorHelp')} rules={range(0.1, 10, false)}>
            <InputNumber step={0.05} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="location" label={t('warehouse:forecast.location')} rules={[{ required: true, message: t('common:required') }]}>
            <Select showSearch options={options} style={{ width: 220 }} aria-label={t('warehouse:forecast.location')} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('warehouse:forecast.note')} rules={[{ max: 500, message: t('common:tooLong', { max: 500 }) }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="forecast-submit">
          {t('warehouse:forecast.start')}
        </Button>
      </Form>
    </Card>
  );
}

/** A part's monthly consumption as small bars (the numbers are in its label). */
function History({ values, label }: { values: number[]; label: string }) {
  if (values.every((v) => v === 0)) {
    // Nothing used in the whole history: a dash reads better than a row of flat bars.
    return (
      <span role="img" aria-label={label} title={label}>
        —
      </span>
    );
  }
  const max = Math.max(1, ...values);
  const w = 6;
  return (
    <svg role="img" aria-label={label} width={values.length * (w + 2)} height={24} style={{ verticalAlign: 'middle' }}>
      <title>{label}</title>
      {values.map((v, i) => {
        const h = v === 0 ? 1 : Math.max(3, Math.round((v / max) * 22));
        return <rect key={i} x={i * (w + 2)} y={24 - h} width={w} height={h} fill={v === 0 ? '#8c8c8c' : '#0958d9'} />;
      })}
    </svg>
  );
}

function PlanDrawer() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const refresh = useRefresh();
  const canApprove = useCan('approveForecastPlan');
  const [params, setParams] = useSearchParams();
  const id = params.get('plan');
  const q = useForecast(id);
  const plan = q.data;
  const name = useDisplayNames([plan?.created_by]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    const p = new URLSearchParams(params);
    p.delete('plan');
    setParams(p);
  };
  const approve = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      const done = await must(api.POST('/api/v1/forecast-plans/{id}/approval', { params: { path: { id: plan.id }, header: { 'If-Match': `"${plan.version}"` } }, body: {} }));
      void message.success(t('warehouse:forecast.approved', { count: done.purchase_requests.length }));
      refresh('forecasts', 'purchases');
    } catch (e) {
      setError(showProblem(e, null, [], t));
      refresh('forecasts');
    } finally {
      setBusy(false);
    }
  };
  const method = (m: string) => {
    const { name, param } = methodOf(m);
    const known = ['ses', 'sba', 'croston', 'tsb'].includes(name);
    return known ? t(`warehouse:forecast.method.${name}`, { param: param ?? '' }) : m;
  };
  const a = plan?.assumptions;
  return (
    <Drawer open={!!id} onClose={close} size="large" title={plan ? t('warehouse:forecast.drawerTitle', { date: formatDateTime(plan.created_at, lang) }) : t('common:loading')} data-testid="plan-drawer" styles={{ wrapper: { maxWidth: '100vw' } }}>
      {q.isError && <Alert type="error" showIcon message={q.error.message} />}
      {plan && a && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          {error && <Alert type="warning" showIcon message={error} role="alert" />}
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} title={t('warehouse:forecast.assumptions')}>
            <Descriptions.Item label={t('warehouse:forecast.status')}>
              <Tag color={plan.status === 'draft' ? TONE.warning : TONE.success} data-testid="plan-status">
                {t(`warehouse:forecast.states.${plan.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('warehouse:forecast.historyMonths')}>{t('warehouse:forecast.historyFrom', { count: a.history_months, from: plan.history_from })}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse:forecast.horizonMonths')}>{t('warehouse:forecast.months', { count: a.horizon_months })}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse:forecast.location')}>{a.location}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse:forecast.installedBase')}>× {decimal(a.installed_base_factor)}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse:forecast.salesPlan')}>× {decimal(a.sales_factor)}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse:forecast.createdBy')}>{name(plan.created_by)}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse:forecast.note')}>{a.note || '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{t('warehouse:forecast.backtestHelp')}</Typography.Text>
          <ScrollRegion label={t('warehouse:forecast.parts')}>
            <Table<ForecastLine>
              size="small"
              rowKey="sku"
              data-testid="plan-lines"
              pagination={false}
              dataSource={plan.lines}
              locale={{ emptyText: t('warehouse:forecast.noLines') }}
              onRow={(r) => ({ 'data-testid': `plan-line-${r.sku}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('warehouse:part.sku'), key: 'sku', render: (_v, r) => r.sku },
                { title: t('warehouse:forecast.history'), key: 'history', render: (_v, r) => <History values={r.history} label={t('warehouse:forecast.historyLabel', { values: r.history.join(', ') })} /> },
                { title: t('warehouse:forecast.pattern'), key: 'pattern', render: (_v, r) => (['smooth', 'erratic', 'intermittent', 'lumpy', 'none'].includes(r.pattern) ? t(`warehouse:forecast.patterns.${r.pattern}`) : r.pattern) },
                { title: t('warehouse:forecast.methodTitle'), key: 'method', render: (_v, r) => <span data-testid="method">{method(r.method)}</span> },
                { title: t('warehouse:forecast.perMonth'), key: 'per', align: 'right', render: (_v, r) => decimal(r.per_month) },
                { title: t('warehouse:forecast.need'), key: 'need', align: 'right', render: (_v, r) => r.need },
                { title: t('warehouse:forecast.covered'), key: 'covered', align: 'right', render: (_v, r) => r.covered },
                { title: t('warehouse:forecast.toBuy'), key: 'buy', align: 'right', render: (_v, r) => <Typography.Text strong>{r.to_buy}</Typography.Text> },
                {
                  title: t('warehouse:forecast.mase'),
                  key: 'mase',
                  align: 'right',
                  render: (_v, r) => {
                    const v = maseVerdict(r.mase);
                    return v === 'none' ? (
                      '—'
                    ) : (
                      <Space size={4}>
                        <span>{decimal(r.mase, 2)}</span>
                        <Tag color={v === 'better' ? TONE.success : TONE.warning}>{t(`warehouse:forecast.verdict.${v}`)}</Tag>
                      </Space>
                    );
                  },
                },
                { title: t('warehouse:forecast.bias'), key: 'bias', align: 'right', render: (_v, r) => decimal(r.bias, 2) },
              ]}
            />
          </ScrollRegion>
          {plan.status === 'draft' &&
            (canApprove ? (
              <Button type="primary" onClick={() => void approve()} loading={busy} data-testid="plan-approve">
                {t('warehouse:forecast.approve')}
              </Button>
            ) : (
              <Typography.Text type="secondary">{t('warehouse:forecast.waiting')}</Typography.Text>
            ))}
          {plan.purchase_requests.length > 0 && (
            <Space wrap data-testid="plan-purchases">
              <Typography.Text>{t('warehouse:forecast.purchases')}</Typography.Text>
              {plan.purchase_requests.map((n) => (
                <Tag key={n}>{n}</Tag>
              ))}
              <Link to="/warehouse/purchases">{t('warehouse:forecast.toPurchases')}</Link>
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}
