// The report-back register (技术员复电登记表, `/board/register`): for a day (the company's
// today by default) one row per active technician with the time due, when they left, on
// time / late / not left as coloured tags, the day's visits and whether each was reported
// back, and the calls. Day, departure states, "not reported back only" and the search are
// kept in the address (`?date=&state=&unreported=1&q=`); a technician's name opens their day
// in a drawer (`?technician=<id>`). The desk records a departure phoned in and a call after a
// visit (`useCan`: a manager reads only). The live stream's work-order events refresh it and
// it is read again every minute.
import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Drawer, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { Lang } from '../i18n/langs';
import { TONE } from '../lib/colors';
import { useDisplayNames } from '../lib/displayNames';
import { companyDate, formatDate } from '../lib/format';
import { OpenLink } from '../lib/ListParts';
import { useParamSetter } from '../lib/listSearch';
import { ScrollRegion } from '../lib/ScrollRegion';
import { useCan, useSession } from '../shell/permissions';
import { useRegister } from './queries';
import { CallDialog, DepartureDialog, type RegisterDay } from './RegisterDialogs';
import { DEPARTURE_STATES, companyTime, filterRows, readFilter, recordable, summarise, type DepartureState, type RegisterRow, type RegisterVisit } from './register';

const STATE_TONE: Record<DepartureState, string | undefined> = {
  on_time: TONE.success,
  late: TONE.warning,
  missing: TONE.danger,
  pending: TONE.info,
  not_due: undefined,
};

/** On time, late by N minutes, not left (N minutes overdue), not due yet, not due. */
function DepartureTag({ row }: { row: RegisterRow }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_TONE[row.departure]} style={{ marginInlineEnd: 0 }} data-testid="departure" data-state={row.departure}>
      {t(`register:states.${row.departure}`, { minutes: row.late_minutes })}
    </Tag>
  );
}

/** A visit's number, green once reported back and red until then (the text says which). */
function VisitTag({ visit }: { visit: RegisterVisit }) {
  const { t } = useTranslation();
  const done = !!visit.reported_at;
  return (
    <Tag color={done ? TONE.success : TONE.danger} style={{ marginInlineEnd: 0 }} data-testid={`visit-${visit.number}`} data-reported={done ? 'true' : 'false'}>
      {t(done ? 'register:visitReported' : 'register:visitNotReported', { number: visit.number })}
    </Tag>
  );
}

export default function RegisterPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [params] = useSearchParams();
  const set = useParamSetter();
  const today = companyDate();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? (params.get('date') as string) : today;
  const filter = readFilter(params);
  const [text, setText] = useState(filter.q);
  const register = useRegister(date);
  // Dispatchers open it from their board; the desk has it as a workspace of its own.
  const onBoard = useLocation().pathname.startsWith('/board');
  const canDepart = useCan('recordDeparture');
  const canCall = useCan('recordReportBack');
  const [departing, setDeparting] = useState<string | null>(null);
  const [calling, setCalling] = useState<string | null>(null);

  const all = register.data?.rows ?? [];
  const rows = useMemo(() => filterRows(all, filter), [all, filter.states.join(','), filter.unreported, filter.q]);
  const totals = summarise(all);
  const day: RegisterDay = { date, today, departureTime: register.data?.departure_time ?? '08:50:00' };
  const open = recordable(date, today);
  const find = (id: string | null) => all.find((r) => r.technician_id === id) ?? null;
  const filtered = filter.states.length > 0 || filter.unreported || filter.q !== '';

  return (
    <div data-testid="register">
      <Space style={{ marginBottom: 12 }} wrap align="center">
        {onBoard && <Link to="/board">{t('register:back')}</Link>}
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('register:title')}
        </Typography.Title>
        {register.data && <Typography.Text type="secondary">{t('register:departureTime', { time: register.data.departure_time.slice(0, 5) })}</Typography.Text>}
      </Space>
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Form layout="inline" aria-label={t('register:filters')} onFinish={() => undefined} style={{ rowGap: 8 }}>
            <Form.Item label={t('register:date')} htmlFor="register-date">
              <DatePicker
                id="register-date"
                value={dayjs(date)}
                allowClear={false}
                onChange={(d) => d && set({ date: d.format('YYYY-MM-DD') === today ? undefined : d.format('YYYY-MM-DD'), technician: undefined })}
                data-testid="register-date"
              />
            </Form.Item>
            <Form.Item label={t('register:state')}>
              <Select
                aria-label={t('register:state')}
                mode="multiple"
                allowClear
                style={{ minWidth: 180 }}
                placeholder={t('register:allStates')}
                value={filter.states}
                options={DEPARTURE_STATES.map((s) => ({ value: s, label: `${t(`register:stateNames.${s}`)} (${totals.states[s]})` }))}
                onChange={(v: DepartureState[]) => set({ state: v.join(',') || undefined })}
                data-testid="register-state"
              />
            </Form.Item>
            <Form.Item>
              <Checkbox checked={filter.unreported} onChange={(e) => set({ unreported: e.target.checked ? '1' : undefined })} data-testid="register-unreported">
                {t('register:unreported')} ({totals.notReportedBack})
              </Checkbox>
            </Form.Item>
            <Form.Item label={t('register:search')} htmlFor="register-search">
              <Input.Search
                id="register-search"
                allowClear
                value={text}
                placeholder={t('register:searchPlaceholder')}
                style={{ width: 'min(240px, calc(100vw - 130px))' }}
                onChange={(e) => setText(e.target.value)}
                onSearch={(v) => set({ q: v.trim() || undefined })}
                data-testid="register-search"
              />
            </Form.Item>
          </Form>
          {register.data && !register.data.working_day && <Alert type="info" showIcon message={t('register:notWorkingDay')} />}
          {register.error && <Alert type="error" showIcon message={t('common:error', { detail: register.error.message })} />}
          <Space wrap data-testid="register-summary">
            {DEPARTURE_STATES.filter((s) => totals.states[s] > 0).map((s) => (
              <Tag key={s} color={STATE_TONE[s]} style={{ marginInlineEnd: 0 }}>
                {t(`register:stateNames.${s}`)} {totals.states[s]}
              </Tag>
            ))}
            <Typography.Text type="secondary">
              {t('register:summary.visits', { count: totals.visits })} · {t('register:summary.notReportedBack', { count: totals.notReportedBack })}
            </Typography.Text>
          </Space>
          <ScrollRegion label={t('register:title')}>
            <Table<RegisterRow>
              size="small"
              rowKey="technician_id"
              loading={register.isLoading}
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('register:noMatch') : t('register:empty')} /> }}
              onRow={(r) => ({ 'data-testid': `reg-${r.technician_name}`, 'data-state': r.departure }) as React.HTMLAttributes<HTMLElement>}
              footer={() => t('register:total', { count: rows.length })}
              columns={[
                {
                  title: t('register:col.technician'),
                  key: 'technician',
                  render: (_v, r) => (
                    <Space direction="vertical" size={0}>
                      <OpenLink onOpen={() => set({ technician: r.technician_id })}>{r.technician_name}</OpenLink>
                      <Typography.Text type="secondary">{r.district}</Typography.Text>
                      {r.on_leave && <Tag color={TONE.danger}>{t('register:onLeave')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('register:col.due'), key: 'due', render: (_v, r) => companyTime(r.due_at) || t('register:notDue') },
                {
                  title: t('register:col.departed'),
                  key: 'departed',
                  render: (_v, r) =>
                    r.departed_at ? (
                      <Space direction="vertical" size={0}>
                        <span data-testid="departed-at">{companyTime(r.departed_at)}</span>
                        {r.departure_source && <Typography.Text type="secondary">{t(`register:source.${r.departure_source}`)}</Typography.Text>}
                      </Space>
                    ) : (
                      '—'
                    ),
                },
                { title: t('register:col.departure'), key: 'departure', render: (_v, r) => <DepartureTag row={r} /> },
                {
                  title: t('register:col.visits'),
                  key: 'visits',
                  render: (_v, r) =>
                    r.visits.length === 0 ? (
                      <Typography.Text type="secondary">{t('register:noVisits')}</Typography.Text>
                    ) : (
                      <Space direction="vertical" size={4}>
                        <Typography.Text data-testid="reported-count">{t('register:reportedCount', { reported: r.reported_back, total: r.visits.length })}</Typography.Text>
                        <Space size={[4, 4]} wrap>
                          {r.visits.map((v) => (
                            <VisitTag key={v.work_order_id} visit={v} />
                          ))}
                        </Space>
                      </Space>
                    ),
                },
                { title: t('register:col.calls'), key: 'calls', render: (_v, r) => <span data-testid="call-count">{t('register:callCount', { count: r.calls.length })}</span> },
                ...(open && (canDepart || canCall)
                  ? [
                      {
                        title: t('register:col.actions'),
                        key: 'actions',
                        render: (_v: unknown, r: RegisterRow) => (
                          <Space wrap>
                            {canDepart && !r.departed_at && (
                              <Button size="small" onClick={() => setDeparting(r.technician_id)} data-testid={`record-departure-${r.technician_name}`}>
                                {t('register:recordDeparture')}
                              </Button>
                            )}
                            {canCall && (
                              <Button size="small" onClick={() => setCalling(r.technician_id)} data-testid={`record-call-${r.technician_name}`}>
                                {t('register:recordCall')}
                              </Button>
                            )}
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </ScrollRegion>
        </Space>
      </Card>
      {params.has('technician') && <DayDrawer row={find(params.get('technician'))} date={date} lang={lang} onClose={() => set({ technician: undefined })} />}
      <DepartureDialog row={find(departing)} day={day} onClose={() => setDeparting(null)} />
      <CallDialog row={find(calling)} day={day} onClose={() => setCalling(null)} />
    </div>
  );
}

/** One technician's day: departure, visits with their report-backs, and the calls. */
function DayDrawer({ row, date, lang, onClose }: { row: RegisterRow | null; date: string; lang: Lang; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession().me?.account_id;
  const numbers = new Map((row?.visits ?? []).map((v) => [v.work_order_id, v.number]));
  const name = useDisplayNames((row?.calls ?? []).map((c) => c.recorded_by));
  const item = (label: string, children: ReactNode) => ({ key: label, label, children });
  return (
    <Drawer
      open
      onClose={onClose}
      width={Math.min(720, window.innerWidth)}
      title={row ? t('register:drawer.title', { name: row.technician_name, date: formatDate(date, lang) }) : t('common:loading')}
      data-testid="register-drawer"
    >
      {row && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              item(t('register:drawer.due'), companyTime(row.due_at) || t('register:notDue')),
              item(t('register:drawer.departed'), companyTime(row.departed_at) || '—'),
              item(t('register:drawer.how'), row.departure_source ? t(`register:source.${row.departure_source}`) : '—'),
              item(t('register:drawer.departure'), <DepartureTag row={row} />),
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('register:drawer.visits')}</Typography.Title>
            <Table<RegisterVisit>
              size="small"
              rowKey="work_order_id"
              pagination={false}
              dataSource={row.visits}
              locale={{ emptyText: t('register:noVisits') }}
              columns={[
                { title: t('register:drawer.number'), key: 'number', render: (_v, v) => v.number },
                { title: t('register:drawer.status'), key: 'status', render: (_v, v) => t(`board:state.${v.status}`) },
                { title: t('register:drawer.started'), key: 'started', render: (_v, v) => companyTime(v.started_at) },
                { title: t('register:drawer.finished'), key: 'finished', render: (_v, v) => companyTime(v.finished_at) || '—' },
                {
                  title: t('register:drawer.reported'),
                  key: 'reported',
                  render: (_v, v) =>
                    v.reported_at ? (
                      <Tag color={TONE.success}>{t('register:drawer.reportedAt', { time: companyTime(v.reported_at), how: t(`register:reportedBy.${v.reported_by ?? 'recorded'}`) })}</Tag>
                    ) : (
                      <Tag color={TONE.danger}>{t('register:drawer.notReported')}</Tag>
                    ),
                },
              ]}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('register:drawer.calls')}</Typography.Title>
            <Table
              size="small"
              rowKey={(c) => `${c.at}-${c.work_order_id ?? ''}-${c.note}`}
              pagination={false}
              dataSource={row.calls}
              data-testid="register-calls"
              locale={{ emptyText: t('register:drawer.noCalls') }}
              columns={[
                { title: t('register:drawer.at'), key: 'at', render: (_v, c) => companyTime(c.at) },
                { title: t('register:drawer.about'), key: 'about', render: (_v, c) => (c.work_order_id ? (numbers.get(c.work_order_id) ?? c.work_order_id) : t('register:drawer.aboutDay')) },
                { title: t('register:drawer.by'), key: 'by', render: (_v, c) => (me && c.recorded_by === me ? t('register:drawer.you') : name(c.recorded_by)) },
                { title: t('register:drawer.note'), key: 'note', render: (_v, c) => c.note || '—' },
              ]}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
