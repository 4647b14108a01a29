// The technician's field app (现场工作), their landing page and an installable app on the
// phone: today's route in planned order, each visit's steps one tap each, the visit report,
// and everything working offline (actions queue on the phone and are sent in order when the
// connection returns; a conflict is shown with both versions).
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Badge, Button, Card, Descriptions, Drawer, Empty, Flex, List, Space, Spin, Tag, Typography } from 'antd';
import { CloudSyncOutlined, EnvironmentOutlined, HistoryOutlined, PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../shell/permissions';
import type { Lang } from '../i18n/langs';
import { companyDate, formatDate, formatDateTime } from '../lib/format';
import { TONE } from '../lib/colors';
import { decide, readDraft, reopenReport, takeStep, useOnline, useQueue, type Draft } from './actions';
import { keepAnswered, loadDay, type Day } from './data';
import { dayInOrder, mapLink, mayBook, mayReport, nextStep, optimisticAppointment, optimisticStatus, waitingCount, type VisitWindow, type QueuedAction, type Step, type UploadBody, type WorkOrder, type WorkOrderStatus } from './model';
import { replay, startSync, whenAnswered } from './sync';
import { ReportForm } from './ReportForm';
import { BookVisit } from './BookVisit';
import { MachineHistory } from './MachineHistory';

const BIG = { height: 48, fontSize: 16 } as const;

function time(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : 'zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' }).format(new Date(iso));
}

function windowText(w: { start: string; end: string } | null | undefined, lang: Lang): string | null {
  return w ? `${time(w.start, lang)}–${time(w.end, lang)}` : null;
}

// Dark tones with white text (WCAG AA), one per stage of the visit.
const STATUS_TONE: Partial<Record<WorkOrderStatus, string>> = {
  assigned: TONE.info,
  accepted: TONE.info,
  en_route: '#391085',
  on_site: TONE.warning,
  completed: TONE.success,
  waiting_for_parts: TONE.warning,
  taken_to_workshop: TONE.warning,
  could_not_fix: TONE.danger,
  cancelled: '#434343',
};

/** Where the visit is: the work order's address and position, else the customer's. */
function placeOf(order: WorkOrder, day: Day): { address: string; location: { lat: number; lon: number } | null } {
  const c = day.customers[order.id];
  return { address: order.address || c?.address || '', location: order.location ?? c?.location ?? null };
}

/** The field app. */
export default function FieldPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const qc = useQueryClient();
  const online = useOnline();
  const queue = useQueue();
  const [params, setParams] = useSearchParams();
  const openId = params.get('wo');
  const [queueOpen, setQueueOpen] = useState(false);

  const day = useQuery({
    queryKey: ['field', 'day', me?.account_id],
    queryFn: () => loadDay(me!),
    enabled: !!me,
    networkMode: 'always',
    staleTime: 60_000,
  });

  // Answers from the server update the phone's copy and the screen; the day is read again
  // on every reconnect.
  useEffect(() => {
    whenAnswered(async (w) => {
      await keepAnswered(w);
      qc.setQueryData<Day>(['field', 'day', me?.account_id], (d) => (d ? { ...d, orders: d.orders.map((o) => (o.id === w.id ? w : o)) } : d));
    });
    return startSync(() => void qc.invalidateQueries({ queryKey: ['field', 'day'] }));
  }, [qc, me?.account_id]);

  const stops = useMemo(() => (day.data ? dayInOrder(day.data.orders, day.data.plan, me?.technician_id ?? null) : []), [day.data, me?.technician_id]);
  const open = stops.find((s) => s.order.id === openId) ?? null;
  const setOpen = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('wo', id);
    else next.delete('wo');
    setParams(next);
  };
  const waiting = waitingCount(queue);
  const troubled = queue.filter((a) => a.state === 'conflict' || a.state === 'failed').length;

  return (
    <div data-testid="field" style={{ maxWidth: 640, margin: '0 auto' }}>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0, flex: 1 }}>
          {t('field:title')}
        </Typography.Title>
 <Tag color={online ? TONE.success : TONE.danger} data-testid="field-online" data-online={online} style={{ marginInlineEnd: 0 }}>
          {online ? t('field:online') : t('field:offline')}
        </Tag>
        <Badge count={waiting} color={troubled ? '#cf1322' : '#0958d9'} data-testid="queue-badge" title={t('field:queue.badge', { count: waiting })}>
          <Button icon={<CloudSyncOutlined />} aria-label={t('field:queue.title')} data-testid="queue-open" onClick={() => setQueueOpen(true)} style={{ minWidth: 44, minHeight: 44 }} />
        </Badge>
        <Button
          icon={<ReloadOutlined />}
          aria-label={t('field:refresh')}
          onClick={() => {
            void replay().then(() => day.refetch());
          }}
          style={{ minWidth: 44, minHeight: 44 }}
        />
      </Flex>
      {troubled > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('field:queue.conflict')} action={<Button onClick={() => setQueueOpen(true)}>{t('field:open')}</Button>} data-testid="conflict-alert" />
      )}
      {day.data?.fromPhone && <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="from-phone" message={t('field:fromPhone', { time: formatDateTime(day.data.savedAt, lang) })} />}
      {day.isPending ? (
        <Spin />
      ) : day.isError ? (
        <Alert type="error" message={t('common:error', { detail: String(day.error) })} action={<Button onClick={() => day.refetch()}>{t('common:retry')}</Button>} />
      ) : !me?.technician_id ? (
        <Empty description={t('field:noTechnician')} />
      ) : (
        <>
          <Typography.Text type="secondary">
            {t('field:today', { date: formatDate(day.data.date, lang) })} · {t('field:savedAt', { time: time(day.data.savedAt, lang) })}
          </Typography.Text>
          {stops.length === 0 ? (
            <Empty description={t('field:empty')} />
          ) : (
            <div data-testid="stops" style={{ marginTop: 8 }}>
              {stops.map((s, i) => (
                <StopCard key={s.order.id} n={i + 1} order={s.order} place={placeOf(s.order, day.data)} planned={s.stop} queue={queue} onOpen={() => setOpen(s.order.id)} />
              ))}
            </div>
          )}
        </>
      )}
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        placement="right"
        width="100%"
        destroyOnHidden
        title={open ? `${open.order.number} · ${open.order.customer_name}` : ''}
        closeIcon={<span aria-label={t('field:back')}>←</span>}
        styles={{ body: { padding: 12 } }}
      >
        {open && day.data && <OrderDetail day={day.data} order={open.order} queue={queue} onDone={() => setOpen(null)} />}
      </Drawer>
      <QueueDrawer
        open={queueOpen}
        onClose={() => setQueueOpen(false)}
        queue={queue}
        onEdit={(id) => {
          setQueueOpen(false);
          setOpen(id);
        }}
      />
    </div>
  );
}

/** The history's time of a step, or the time it was taken on the phone while queued. */
function stepTime(order: WorkOrder, step: Step, queue: QueuedAction[]): { at: string; queued: boolean } | null {
  const q = queue.find((a) => a.workOrderId === order.id && a.kind === 'move' && (a.body as { to: Step }).to === step);
  if (q) return { at: (q.body as { occurred_at: string }).occurred_at, queued: true };
  const h = [...(order.history ?? [])].reverse().find((m) => m.to === step);
  return h ? { at: h.at, queued: false } : null;
}

function StepButton({ order, queue }: { order: WorkOrder; queue: QueuedAction[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const status = optimisticStatus(order, queue);
  const step = nextStep(status);
  const [busy, setBusy] = useState(false);
  if (!step) return null;
  return (
    <Button
      type="primary"
      block
      size="large"
      style={BIG}
      loading={busy}
      data-testid={`step-${step}`}
      onClick={async (e) => {
        e.stopPropagation();
        setBusy(true);
        try {
          await takeStep(order, step);
        } catch (err) {
          void message.error(String(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t(`field:step.${step}`)}
    </Button>
  );
}

function StopCard({ n, order, place, planned, queue, onOpen }: { n: number; order: WorkOrder; place: { address: string; location: { lat: number; lon: number } | null }; planned: { planned_arrival: string; window?: { start: string; end: string } | null } | null; queue: QueuedAction[]; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const status = optimisticStatus(order, queue);
  const pending = waitingCount(queue.filter((a) => a.workOrderId === order.id));
  const booked = queue.some((a) => a.workOrderId === order.id && a.kind === 'book');
  const win = windowText(booked ? optimisticAppointment(order, queue) : (planned?.window ?? order.appointment), lang);
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid={`stop-${order.number}`} data-status={status}>
      <Flex justify="space-between" align="start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>
            {planned ? t('field:stop', { n }) : t('field:unplanned')} · {order.number}
          </Typography.Text>
          <div style={{ fontSize: 16 }}>{order.customer_name}</div>
        </div>
        <Space direction="vertical" size={2} align="end">
          <Tag color={STATUS_TONE[status] ?? '#434343'} style={{ marginInlineEnd: 0 }} data-testid="stop-status">
            {t(`field:status.${status}`)}
          </Tag>
          {pending > 0 && <Tag color={TONE.info} style={{ marginInlineEnd: 0 }}>{t('field:queue.badge', { count: pending })}</Tag>}
        </Space>
      </Flex>
      <Descriptions size="small" column={1} style={{ marginTop: 4 }} items={[
        { key: 'w', label: t('field:window'), children: win ?? t('field:noWindow') },
        { key: 'a', label: t('field:plannedArrival'), children: time(planned?.planned_arrival ?? order.planned_arrival, lang) },
      ]} />
      {place.address && (
        <a href={mapLink(place.address, place.location)} aria-label={t('field:navigateLabel', { address: place.address })} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, minHeight: 44 }} data-testid="stop-map">
          <EnvironmentOutlined /> {place.address}
        </a>
      )}
      <Flex gap={8} style={{ marginTop: 8 }}>
        <Button size="large" style={{ ...BIG, flex: '0 0 auto' }} onClick={onOpen} data-testid="stop-open">
          {t('field:open')}
        </Button>
        <div style={{ flex: 1 }}>
          {mayReport(status) ? (
            <Button type="primary" block size="large" style={BIG} onClick={onOpen} data-testid="stop-report">
              {t('field:writeReport')}
            </Button>
          ) : (
            <StepButton order={order} queue={queue} />
          )}
        </div>
      </Flex>
    </Card>
  );
}

function OrderDetail({ day, order, queue, onDone }: { day: Day; order: WorkOrder; queue: QueuedAction[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const status = optimisticStatus(order, queue);
  const customer = day.customers[order.id] ?? null;
  const machine = day.machines[order.id] ?? null;
  const serial = order.machine?.serial ?? machine?.serial;
  const past = day.past.filter((p) => p.id !== order.id && serial && p.machine?.serial === serial).slice(0, 5);
  const [reporting, setReporting] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    let live = true;
    void readDraft(order.id).then((d) => {
      if (live && d) {
        setDraft(d);
        setReporting(true);
      }
    });
    return () => {
      live = false;
    };
  }, [order.id]);
  const place = placeOf(order, day);
  if (reporting && (mayReport(status) || draft)) return <ReportForm day={day} order={order} queue={queue} draft={draft} onCancel={() => setReporting(false)} onDone={onDone} />;
  return (
    <div data-testid="order-detail">
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Card size="small" title={t('field:status.' + status)}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {(['accepted', 'en_route', 'on_site'] as const).map((s) => {
              const at = stepTime(order, s, queue);
              return at ? (
                <Typography.Text key={s} data-testid={`stepped-${s}`}>
                  {t('field:stepDone', { step: t(`field:step.${s}`), time: time(at.at, lang) })}
                  {at.queued && <Tag color={TONE.info} style={{ marginInlineStart: 8 }}>{t('field:stepQueued', { time: time(at.at, lang) })}</Tag>}
                </Typography.Text>
              ) : null;
            })}
            {mayReport(status) ? (
              <Button type="primary" block size="large" style={BIG} onClick={() => setReporting(true)} data-testid="write-report">
                {t('field:writeReport')}
              </Button>
            ) : (
              <StepButton order={order} queue={queue} />
            )}
          </Space>
        </Card>
        {mayBook(status) && <BookVisit order={order} queue={queue} />}
        <Card size="small" title={t('field:contact')}>
          <Typography.Paragraph style={{ marginBottom: 4 }} hidden={!place.address}>
            <a href={mapLink(place.address, place.location)} aria-label={t('field:navigateLabel', { address: place.address })} style={{ display: 'inline-flex', gap: 6, minHeight: 44, alignItems: 'center' }}>
              <EnvironmentOutlined /> {place.address}
            </a>
          </Typography.Paragraph>
          {customer?.contacts.length ? (
            customer.contacts.map((c, i) => (
              <div key={i} style={{ marginBottom: 4 }}>
                <Typography.Text strong>{c.name}</Typography.Text>
                {c.title ? <Typography.Text type="secondary"> · {c.title}</Typography.Text> : null}
                <Flex gap={8} wrap>
                  {c.phones.map((p) => (
                    <Button key={p} href={`tel:${p.replace(/[^0-9+]/g, '')}`} icon={<PhoneOutlined />} size="large" style={BIG} aria-label={t('field:call', { phone: p })}>
                      {p}
                    </Button>
                  ))}
                </Flex>
              </div>
            ))
          ) : (
            <Typography.Text type="secondary">{t('field:noContact')}</Typography.Text>
          )}
        </Card>
        <Card size="small" title={t('field:machine')}>
          <Descriptions size="small" column={1} items={[
            { key: 'm', label: t('field:machine'), children: order.machine ? `${order.machine.brand} ${order.machine.model}` : '—' },
            { key: 's', label: t('field:serial'), children: serial ?? '—' },
            { key: 'w', label: t('field:warrantyEnd'), children: formatDate(machine?.warranty_end, lang) },
            ...(machine?.contract ? [{ key: 'c', label: '', children: t('field:contractUntil', { number: machine.contract.number, date: formatDate(machine.contract.ends_on, lang) }) }] : []),
            {
              key: 'r',
              label: t('field:lastMeter'),
              children: machine?.last_meter_reading ? t('field:lastMeterValue', { reading: machine.last_meter_reading.reading.toLocaleString(), date: formatDateTime(machine.last_meter_reading.at, lang) }) : '—',
            },
          ]} />
          {machine?.id && (
            <Button block size="large" style={{ ...BIG, marginTop: 8 }} icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)} data-testid="machine-history-open">
              {t('field:machineHistory.open')}
            </Button>
          )}
          <Typography.Title level={2} style={{ fontSize: 15, marginTop: 8 }}>
            {t('field:history')}
          </Typography.Title>
          {past.length === 0 ? (
            <Typography.Text type="secondary">{t('field:noHistory')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={past}
              renderItem={(p) => (
                <List.Item key={p.id}>
                  <div>
                    <Typography.Text strong>{formatDateTime(p.completed_at, lang)}</Typography.Text> · {p.number} · {t(`field:status.${p.status}`)}
                    <div>{p.diagnosis ?? '—'}</div>
                    {p.parts.length > 0 && (
                      <Typography.Text type="secondary">
                        {t('field:partsBefore')}: {p.parts.map((x) => `${x.sku} × ${x.quantity}`).join(', ')}
                      </Typography.Text>
                    )}
                    {p.visit?.meter_reading != null && <div>{t('field:lastMeterValue', { reading: p.visit.meter_reading.toLocaleString(), date: formatDate(p.visit.finished_at.slice(0, 10), lang) })}</div>}
                  </div>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Space>
      {machine?.id && (
        <Drawer
          open={historyOpen}
          onClose={() => setHistoryOpen(false)}
          placement="right"
          width="100%"
          destroyOnHidden
          title={t('field:machineHistory.title', { machine: [order.machine ? `${order.machine.brand} ${order.machine.model}` : null, serial].filter(Boolean).join(' · ') })}
          closeIcon={<span aria-label={t('field:back')}>←</span>}
          styles={{ body: { padding: 12 } }}
        >
          <MachineHistory day={day} machineId={machine.id} />
        </Drawer>
      )}
    </div>
  );
}

function QueueDrawer({ open, onClose, queue, onEdit }: { open: boolean; onClose: () => void; queue: QueuedAction[]; onEdit: (workOrderId: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const online = useOnline();
  return (
    <Drawer open={open} onClose={onClose} placement="bottom" height="85%" title={t('field:queue.title')} destroyOnHidden>
      {queue.length === 0 ? (
        <Empty description={t('field:queue.empty')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="queue-list">
          <Button block size="large" style={BIG} disabled={!online} onClick={() => void replay()} icon={<CloudSyncOutlined />}>
            {t('field:queue.sendNow')}
          </Button>
          {queue.map((a) => (
            <Card key={a.key} size="small" data-testid={`queued-${a.state}`} title={`${a.workOrderNumber} · ${describe(a, t, lang)}`}>
              <Tag color={a.state === 'waiting' ? TONE.info : a.state === 'blocked' ? '#434343' : TONE.danger}>{t(`field:queue.${a.state}`)}</Tag>
              {a.state === 'conflict' && <Conflict a={a} />}
              {a.state === 'failed' && a.problem && (
                <Alert
                  type="error"
                  style={{ marginTop: 8 }}
                  message={a.problem.errors?.some((e) => e.code === 'not_uploaded') ? t('field:queue.notUploaded') : `${a.problem.status} ${a.problem.title ?? ''}`}
                  description={a.problem.detail ?? a.problem.errors?.map((e) => e.message).filter(Boolean).join('; ')}
                />
              )}
              {(a.state === 'conflict' || a.state === 'failed') && (
                <Flex gap={8} style={{ marginTop: 8 }} wrap>
                  <Button danger size="large" style={BIG} onClick={() => void decide(a.key, 'discard')} data-testid="conflict-discard">
                    {t('field:queue.discard')}
                  </Button>
                  {a.state === 'failed' && (a.kind === 'complete' || (a.kind === 'upload' && queue.some((x) => x.kind === 'complete' && x.workOrderId === a.workOrderId))) && (
                    <Button
                      type="primary"
                      size="large"
                      style={BIG}
                      data-testid="report-edit"
                      onClick={() => {
                        void reopenReport(a).then(() => onEdit(a.workOrderId));
                      }}
                    >
                      {t('field:queue.edit')}
                    </Button>
                  )}
                  {a.state === 'conflict' && a.theirs && !FINAL.includes(a.theirs.status) && (
                    <Button type="primary" size="large" style={BIG} onClick={() => void decide(a.key, 'again')} data-testid="conflict-again">
                      {t('field:queue.again')}
                    </Button>
                  )}
                </Flex>
              )}
            </Card>
          ))}
        </Space>
      )}
    </Drawer>
  );
}

const FINAL: WorkOrderStatus[] = ['completed', 'waiting_for_parts', 'taken_to_workshop', 'could_not_fix', 'cancelled'];

function describe(a: QueuedAction, t: (k: string, o?: Record<string, unknown>) => string, lang: Lang): string {
  if (a.kind === 'upload') {
    const b = a.body as UploadBody;
    return t(`field:queue.upload.${b.kind}`, { size: Math.max(1, Math.round(b.blob.size / 1024)) });
  }
  if (a.kind === 'book') {
    const w = (a.body as { window: VisitWindow }).window;
    return t('field:queue.book', { window: `${formatDate(companyDate(new Date(w.start)), lang)} ${windowText(w, lang)}` });
  }
  if (a.kind === 'move') {
    const b = a.body as { to: Step; occurred_at: string };
    return t('field:queue.move', { step: t(`field:step.${b.to}`), time: time(b.occurred_at, lang) });
  }
  const outcome = (a.body as { outcome?: string }).outcome ?? 'completed';
  return t('field:queue.complete', { outcome: t(`field:report.outcomes.${outcome}`) });
}

/** Both versions of a conflict: what the phone did on the version it knew, and the work
 * order as the server has it now (state, technician, appointment, its latest changes). */
function Conflict({ a }: { a: QueuedAction }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const theirs = a.theirs;
  const { me } = useSession();
  return (
    <div data-testid="conflict" style={{ marginTop: 8 }}>
      <Card size="small" type="inner" title={t('field:queue.mine')} data-testid="conflict-mine">
        <div>{describe(a, t, lang)}</div>
        <Typography.Text type="secondary">{t('field:queue.version', { version: a.basedOn.version })}</Typography.Text>
      </Card>
      {theirs && (
        <Card size="small" type="inner" title={t('field:queue.theirs')} style={{ marginTop: 8 }} data-testid="conflict-theirs">
          <div>
            <Tag color={STATUS_TONE[theirs.status] ?? '#434343'}>{t(`field:status.${theirs.status}`)}</Tag>
            <Typography.Text type="secondary">{t('field:queue.version', { version: theirs.version })}</Typography.Text>
          </div>
          {theirs.technician_id !== me?.technician_id && <Typography.Text type="danger">{t('field:queue.technicianChanged')}</Typography.Text>}
          {theirs.appointment && (
            <div>
              {t('field:window')}: {formatDateTime(theirs.appointment.start, lang)} – {time(theirs.appointment.end, lang)}
            </div>
          )}
          {(theirs.history ?? [])
            .slice(-2)
            .reverse()
            .map((m, i) => (
              <div key={i}>
                <Typography.Text type="secondary">{formatDateTime(m.at, lang)}</Typography.Text> {t(`field:status.${m.to}`)}
              </div>
            ))}
        </Card>
      )}
    </div>
  );
}
