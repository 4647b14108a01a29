// The week's chase list of receivables (应收帐款每周跟进): the receipts billing chased in one
// week (Monday to Sunday), each with the call that chases it and that call's agent; the week,
// the agent and the district are in the page's address (chase_week, agent, district). A
// filter the server would refuse is refused on its field before anything is sent, and a
// refusal from the server lands on the field it names.
import { Alert, Card, DatePicker, Form, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Lang } from '../i18n/langs';
import { api, must } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useParamSetter } from '../lib/listSearch';
import { useDisplayNames } from '../lib/displayNames';
import { formatDate, formatMoney } from '../lib/format';
import { ScrollRegion } from '../lib/ScrollRegion';
import { OpenLink } from '../lib/ListParts';
import { useSession } from '../shell/permissions';
import { assigneeKind } from '../calls/calls';
import { localDay } from './cashier';
import { chaseFilter, chaseTotals, filterProblem, weekEnd, type ChaseFilter, type ReceivableChase } from './chases';

function useChaseList(f: ChaseFilter, enabled: boolean) {
  return useQuery({
    queryKey: ['receivables', 'chases', f.week, f.agent ?? '', f.district ?? ''],
    enabled,
    retry: (n, e) => !(e instanceof ApiProblem && e.status < 500) && n < 2,
    queryFn: () => must(api.GET('/api/v1/receivable-chases', { params: { query: f } })),
  });
}

export default function ChaseListCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const set = useParamSetter();
  const { me } = useSession();
  const f = chaseFilter(params, localDay());
  const tooLong = filterProblem(f);
  const q = useChaseList(f, tooLong === null);
  const items = q.data?.items ?? [];
  const name = useDisplayNames(items.map((i) => i.agent));
  const served = q.error instanceof ApiProblem ? q.error.problem : null;
  const fieldError = (field: 'agent' | 'district') =>
    tooLong === field ? t('chases:tooLong', { max: 100 }) : served?.errors?.find((e) => e.field === field)?.message;
  const agentLabel = (agent: string | null | undefined) => {
    if (!agent) return '—';
    const a = assigneeKind(agent);
    if (a.kind === 'specialist') return t('calls:assignees.specialist');
    if (a.kind === 'district') return t('calls:assignees.district', { district: a.district });
    return a.id === me?.account_id ? t('calls:assignees.me') : name(a.id);
  };
  const totals = chaseTotals(items);
  const open = (number: string) => navigate(`/cashier?receipt=${encodeURIComponent(number)}`);
  const columns = [
    { title: t('cashier:receipt.number'), key: 'number', render: (_v: unknown, r: ReceivableChase) => <OpenLink onOpen={() => open(r.number)}>{r.number}</OpenLink> },
    { title: t('cashier:receipt.customer'), key: 'customer', render: (_v: unknown, r: ReceivableChase) => r.customer_name },
    { title: t('chases:district'), key: 'district', render: (_v: unknown, r: ReceivableChase) => r.district || '—' },
    { title: t('chases:agent'), key: 'agent', render: (_v: unknown, r: ReceivableChase) => agentLabel(r.agent) },
    { title: t('chases:chasedOn'), key: 'chased', render: (_v: unknown, r: ReceivableChase) => formatDate(r.chased_on, lang) },
    { title: t('cashier:ageing.age'), key: 'age', align: 'right' as const, render: (_v: unknown, r: ReceivableChase) => t('cashier:ageing.days', { count: r.age_days }) },
    { title: t('cashier:ageing.bucket'), key: 'bucket', render: (_v: unknown, r: ReceivableChase) => t(`cashier:ageing.buckets.${r.bucket}`) },
    { title: t('chases:owed'), key: 'owed', align: 'right' as const, render: (_v: unknown, r: ReceivableChase) => formatMoney(r.outstanding.amount_minor, lang, r.outstanding.currency) },
    {
      title: t('chases:call'),
      key: 'call',
      render: (_v: unknown, r: ReceivableChase) =>
        r.call_state ? (
          <Tag color={r.call_state === 'open' ? 'processing' : 'default'} style={{ marginInlineEnd: 0 }}>
            {t(`chases:callState.${r.call_state}`)}
          </Tag>
        ) : (
          '—'
        ),
    },
  ];
  const filterInput = (field: 'agent' | 'district') => {
    const error = fieldError(field);
    return (
      <Form.Item label={t(`chases:${field}`)} htmlFor={`chase-${field}`} validateStatus={error ? 'error' : undefined} help={error}>
        <Input.Search
          id={`chase-${field}`}
          key={`${field}-${f[field] ?? ''}`}
          allowClear
          defaultValue={params.get(field) ?? ''}
          placeholder={t(`chases:${field}Placeholder`)}
          style={{ width: field === 'agent' ? 'min(260px, calc(100vw - 130px))' : 180 }}
          onSearch={(v) => set({ [field]: v.trim() || undefined })}
          data-testid={`chase-${field}`}
        />
      </Form.Item>
    );
  };
  return (
    <Card
      size="small"
      title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('chases:title')}</Typography.Title>}
      data-testid="weekly-chases"
    >
      <Typography.Paragraph type="secondary">{t('chases:help')}</Typography.Paragraph>
      <Form layout="inline" aria-label={t('chases:filters')} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item label={t('chases:week')}>
          <DatePicker
            picker="week"
            aria-label={t('chases:week')}
            allowClear={false}
            value={dayjs(f.week)}
            format={() => t('chases:weekRange', { from: formatDate(f.week, lang), to: formatDate(weekEnd(f.week), lang) })}
            onChange={(d) => {
              if (d) set({ chase_week: d.format('YYYY-MM-DD') });
            }}
            data-testid="chase-week"
          />
        </Form.Item>
        {filterInput('agent')}
        {filterInput('district')}
      </Form>
      {q.isError && !served?.errors?.length && <Alert type="error" showIcon message={t('common:error', { detail: q.error.message })} />}
      <Space wrap style={{ marginBottom: 8 }} data-testid="chase-totals">
        <Typography.Text>{t('chases:receipts', { count: totals.receipts })}</Typography.Text>
        {totals.owed.map((o) => (
          <Typography.Text strong key={o.currency}>
            {formatMoney(o.amount_minor, lang, o.currency)}
          </Typography.Text>
        ))}
      </Space>
      <ScrollRegion label={t('chases:title')}>
        <Table<ReceivableChase>
          size="small"
          rowKey="invoice_id"
          data-testid="chase-list"
          loading={q.isLoading && tooLong === null}
          dataSource={tooLong ? [] : items}
          pagination={false}
          locale={{ emptyText: t('chases:none') }}
          columns={columns}
        />
      </ScrollRegion>
    </Card>
  );
}
