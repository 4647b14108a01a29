// The dispatcher's board (调度): one lane per technician with their work orders in route
// order, the unassigned queue with why each waits, assign by dialog or by dragging a card
// onto a lane, booking appointment windows, publishing the day plan, and the day on a plane
// of positions. The live stream refreshes it (['workorders']). `/board/technicians` has the
// technicians' profiles, `/board/register` the report-back register (复电登记表).
import { Alert, App, Button, Card, DatePicker, Empty, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { api, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDateTime } from '../lib/format';
import { useCan } from '../shell/permissions';
import { AssignDialog } from './AssignDialog';
import { BookDialog } from './BookDialog';
import { buildBoard, type Lane, type WorkOrder } from './board';
import { MapPlane } from './MapPlane';
import { useDayPlan, useMapSettings, useTechnicians, useWorkOrders } from './queries';
import { reasonText } from './reasons';
import RegisterPage from './RegisterPage';
import TechniciansPage from './TechniciansPage';

/** States in which an appointment may still be booked. */
const BOOKABLE = ['unassigned', 'assigned', 'accepted', 'en_route', 'on_site'];

const STATE_COLOR: Record<string, string> = {
  unassigned: 'red',
  assigned: 'blue',
  accepted: 'geekblue',
  en_route: 'purple',
  on_site: 'magenta',
  waiting_for_parts: 'red',
  could_not_fix: 'red',
};

function timeOf(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

function OrderCard({ order, stopIndex, arrival, stopReasons, canAssign, onAssign, canBook, onBook }: {
  order: WorkOrder;
  stopIndex: number | null;
  arrival: string | null;
  /** Why the day plan put this stop here, when it did. */
  stopReasons?: string[];
  canAssign: boolean;
  onAssign: (o: WorkOrder) => void;
  canBook: boolean;
  onBook: (o: WorkOrder) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData('text/x-work-order', order.id);
    e.dataTransfer.effectAllowed = 'move';
  };
  return (
    <li
      className="board-card"
      data-testid={`wo-${order.number}`}
      data-status={order.status}
      draggable={canAssign}
      onDragStart={onDragStart}
      style={{ listStyle: 'none', border: '1px solid #d9d9d9', borderRadius: 6, padding: 8, marginBottom: 8, background: '#fff', cursor: canAssign ? 'grab' : 'default' }}
    >
      <Space size={4} wrap>
        {stopIndex !== null && <Tag color="default">{t('board:card.stop', { n: stopIndex + 1 })}</Tag>}
        <Typography.Text strong>{order.number}</Typography.Text>
        <Tag color={STATE_COLOR[order.status]}>{t(`board:state.${order.status}`)}</Tag>
        <Tag>{order.priority.toUpperCase()}</Tag>
      </Space>
      <div>
        {order.customer_name} · {order.district}
      </div>
      {arrival && <div>{t('board:card.arrival', { time: timeOf(arrival, lang) })}</div>}
      {order.appointment && (
        <div>{t('board:card.window', { from: timeOf(order.appointment.start, lang), to: timeOf(order.appointment.end, lang) })}</div>
      )}
      {stopReasons && stopReasons.length > 0 && (
        <ul
          style={{ margin: '4px 0', paddingInlineStart: 18, color: 'rgba(0,0,0,0.55)', fontSize: 12 }}
          aria-label={t('board:card.whyHere')}
          data-testid={`why-${order.number}`}
        >
          {stopReasons.map((r) => (
            <li key={r}>{reasonText(r, (k, p) => t(k, p))}</li>
          ))}
        </ul>
      )}
      {order.status === 'unassigned' && order.assignment_reasons.length > 0 && (
        <ul style={{ margin: '4px 0', paddingInlineStart: 18, color: '#a8071a' }} aria-label={t('board:card.why')}>
          {order.assignment_reasons.map((r) => (
            <li key={r}>{reasonText(r, (k, p) => t(k, p))}</li>
          ))}
        </ul>
      )}
      <Space size={4} wrap>
        {canAssign && (
          <Button size="small" onClick={() => onAssign(order)} data-testid={`assign-${order.number}`}>
            {order.technician_id ? t('board:card.reassign') : t('board:card.assign')}
          </Button>
        )}
        {canBook && BOOKABLE.includes(order.status) && (
          <Button size="small" onClick={() => onBook(order)} data-testid={`book-${order.number}`}>
            {order.appointment ? t('board:card.rebook') : t('board:card.book')}
          </Button>
        )}
      </Space>
    </li>
  );
}

function LaneColumn({ title, extra, testId, children, onDropOrder }: {
  title: React.ReactNode;
  extra?: React.ReactNode;
  testId: string;
  children: React.ReactNode;
  onDropOrder?: (workOrderId: string) => void;
}) {
  const [over, setOver] = useState(false);
  return (
    <Card
      size="small"
      title={title}
      extra={extra}
      data-testid={testId}
      style={{ width: 280, flex: '0 0 280px', background: over ? '#e6f4ff' : '#fafafa' }}
      onDragOver={(e) => {
        if (!onDropOrder) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const id = e.dataTransfer.getData('text/x-work-order');
        if (id && onDropOrder) {
          e.preventDefault();
          onDropOrder(id);
        }
      }}
    >
      <ul style={{ padding: 0, margin: 0 }}>{children}</ul>
    </Card>
  );
}

/** The board, its technicians' page and the report-back register. */
export default function BoardPage() {
  return (
    <Routes>
      <Route path="technicians" element={<TechniciansPage />} />
      <Route path="register" element={<RegisterPage />} />
      <Route path="*" element={<Board />} />
    </Routes>
  );
}

function Board() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canAssign = useCan('assignWorkOrder');
  const canPublish = useCan('publishDayPlan');
  const canBook = useCan('bookAppointment');
  const canRegister = useCan('getReportBackRegister');
  const mapSettings = useMapSettings();
  const [booking, setBooking] = useState<WorkOrder | null>(null);
  const [date, setDate] = useState<Dayjs>(() => dayjs());
  const day = date.format('YYYY-MM-DD');
  const today = dayjs().format('YYYY-MM-DD');
  const orders = useWorkOrders();
  const technicians = useTechnicians();
  const plan = useDayPlan(day);
  const [dialog, setDialog] = useState<{ order: WorkOrder; technicianId: string | undefined } | null>(null);

  const board = useMemo(
    () => buildBoard(orders.data?.items ?? [], technicians.data ?? [], plan.data ?? null, day, today),
    [orders.data, technicians.data, plan.data, day, today],
  );

  const publish = useMutation({
    mutationFn: () => must(api.POST('/api/v1/day-plans', { body: { date: day } })),
    onSuccess: (p) => {
      void message.success(t('board:plan.published', { revision: p.revision }));
      void qc.invalidateQueries({ queryKey: ['workorders'] });
    },
    onError: (e) => void message.error(t('common:error', { detail: e.message })),
  });

  const dropOn = (technicianId: string) => (workOrderId: string) => {
    const order = (orders.data?.items ?? []).find((w) => w.id === workOrderId);
    if (order && order.technician_id !== technicianId) setDialog({ order, technicianId });
  };

  const laneTitle = (lane: Lane) => (
    <Space size={4} wrap>
      <Link to={`technicians?id=${lane.technician.id}`} data-testid={`profile-${lane.technician.name}`} style={{ fontWeight: 600 }}>
        {lane.technician.name}
      </Link>
      <Typography.Text type="secondary">{lane.technician.district}</Typography.Text>
      {lane.onLeave && <Tag color="red">{t('board:lane.onLeave')}</Tag>}
    </Space>
  );
  const laneLoad = (lane: Lane) => (
    <Tag color={lane.load >= lane.technician.daily_capacity ? 'red' : undefined} data-testid="load">
      {t('board:lane.load', { load: lane.load, capacity: lane.technician.daily_capacity })}
    </Tag>
  );

  const failed = orders.error ?? technicians.error ?? plan.error;
  return (
    <div data-testid="board">
      <Space style={{ marginBottom: 12 }} wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('board:title')}
        </Typography.Title>
        <DatePicker
          value={date}
          onChange={(d) => d && setDate(d)}
          allowClear={false}
          aria-label={t('board:day')}
          data-testid="board-day"
        />
        {canPublish && (
          <Button type="primary" onClick={() => publish.mutate()} loading={publish.isPending} data-testid="publish-plan">
            {t('board:plan.publish')}
          </Button>
        )}
        <Typography.Text type="secondary" data-testid="plan-status">
          {plan.data
            ? t('board:plan.status', { revision: plan.data.revision, at: formatDateTime(plan.data.published_at, lang) })
            : t('board:plan.none')}
        </Typography.Text>
        <Link to="technicians" data-testid="to-technicians">
          {t('board:tech.title')}
        </Link>
        {canRegister && (
          <Link to="register" data-testid="to-register">
            {t('register:link')}
          </Link>
        )}
      </Space>
      {orders.data?.truncated && <Alert type="warning" showIcon message={t('board:truncated', { count: orders.data.items.length })} style={{ marginBottom: 12 }} />}
      {failed && <Alert type="error" showIcon message={t('common:error', { detail: failed.message })} style={{ marginBottom: 12 }} />}
      {plan.data && plan.data.unplanned.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('board:plan.unplanned')}
          data-testid="plan-left-out"
          description={
            (plan.data.left_out ?? []).length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {(plan.data.left_out ?? []).map((l) => (
                  <li key={l.work_order_id}>
                    {l.number}: {reasonText(l.reason, (k, p) => t(k, p))}
                  </li>
                ))}
              </ul>
            ) : (
              plan.data.unplanned.join('; ')
            )
          }
        />
      )}
      <div style={{ display: 'flex', gap: 12, overflowX: 'auto', alignItems: 'flex-start', paddingBottom: 8 }}>
        <LaneColumn
          testId="lane-unassigned"
          title={<Typography.Text strong>{t('board:lane.unassigned')}</Typography.Text>}
          extra={<Tag color={board.unassigned.length ? 'red' : 'default'}>{board.unassigned.length}</Tag>}
        >
          {board.unassigned.length === 0 && (
            <li style={{ listStyle: 'none' }}>
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board:lane.empty')} />
            </li>
          )}
          {board.unassigned.map((o) => (
            <OrderCard
              key={o.id}
              order={o}
              stopIndex={null}
              arrival={null}
              canAssign={canAssign}
              onAssign={(order) => setDialog({ order, technicianId: undefined })}
              canBook={canBook}
              onBook={setBooking}
            />
          ))}
        </LaneColumn>
        {board.lanes.map((lane) => (
          <LaneColumn
            key={lane.technician.id}
            testId={`lane-${lane.technician.name}`}
            title={laneTitle(lane)}
            extra={laneLoad(lane)}
            onDropOrder={canAssign ? dropOn(lane.technician.id) : undefined}
          >
            {lane.travelMinutes !== null && (
              <li style={{ listStyle: 'none', marginBottom: 8 }}>
                <Typography.Text type="secondary">{t('board:lane.travel', { minutes: lane.travelMinutes })}</Typography.Text>
              </li>
            )}
            {lane.orders.length === 0 && (
              <li style={{ listStyle: 'none' }}>
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board:lane.empty')} />
              </li>
            )}
            {lane.orders.map((o) => {
              const s = lane.stops.get(o.id);
              return (
                <OrderCard
                  key={o.id}
                  order={o}
                  stopIndex={s ? s.index : null}
                  arrival={s?.stop.planned_arrival ?? o.planned_arrival ?? null}
                  stopReasons={s?.stop.reasons}
                  canAssign={canAssign}
                  onAssign={(order) => setDialog({ order, technicianId: lane.technician.id })}
                  canBook={canBook}
                  onBook={setBooking}
                />
              );
            })}
          </LaneColumn>
        ))}
        {!technicians.isLoading && board.lanes.length === 0 && <Empty description={t('board:noTechnicians')} />}
      </div>
      <Card size="small" title={t('board:map.title')} style={{ marginTop: 12 }} data-testid="map-card">
        <MapPlane lanes={board.lanes} unassigned={board.unassigned} tileTemplate={mapSettings.data ?? null} />
      </Card>
      <BookDialog order={booking} day={day} onClose={() => setBooking(null)} />
      <AssignDialog
        order={dialog?.order ?? null}
        technicianId={dialog?.technicianId}
        technicians={technicians.data ?? []}
        day={day}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}
