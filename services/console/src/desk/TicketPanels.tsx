import { Card, Descriptions, Empty, List, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n/langs';
import { formatDateTime, formatMoney } from '../lib/format';
import { TONE } from '../lib/colors';
import { faultName, useFaultCodes } from '../lib/faultCodes';
import { useCan, useSession } from '../shell/permissions';
import {
  actorText,
  formatScore,
  ticketChangeText,
  useTechnicianNames,
  useTicketCallbacks,
  useTicketFollowUps,
  useTicketHistory,
  useTicketInvoices,
  useTicketWorkOrders,
  useWorkOrderHistory,
  workOrderChangeText,
  type Callback,
  type WorkOrder,
} from './ticketRecords';

function Section({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <Card size="small" data-testid={testId} title={<Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>{title}</Typography.Title>}>
      {children}
    </Card>
  );
}

function useLang(): Lang {
  return useTranslation().i18n.language as Lang;
}

function useWindowText() {
  const lang = useLang();
  return (start: string, end: string) => `${formatDateTime(start, lang)} – ${formatDateTime(end, lang)}`;
}

/** The ticket's history: who, when, what changed and why. */
export function TicketHistory({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useSession().me?.account_id;
  const q = useTicketHistory(ticketId);
  return (
    <Section title={t('desk:detail.history')} testId="ticket-history">
      {q.isError && <Typography.Text type="danger">{t('desk:records.loadFailed')}</Typography.Text>}
      {q.data && q.data.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk:records.noHistory')} />}
      {q.data && q.data.length > 0 && (
        <Timeline
          items={q.data.map((e) => ({
            content: (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{ticketChangeText(e, t)}</Typography.Text>
                {e.reason && <Typography.Text>{t('desk:records.because', { reason: e.reason })}</Typography.Text>}
                <Typography.Text type="secondary">
                  {actorText(e, me, t)} · {formatDateTime(e.at, lang)}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      )}
    </Section>
  );
}

function WorkOrderHistory({ ticketId, order, names }: { ticketId: string; order: WorkOrder; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useSession().me?.account_id;
  const win = useWindowText();
  const canRead = useCan('getWorkOrderHistory');
  const q = useWorkOrderHistory(ticketId, order.id, canRead);
  if (!canRead || !q.data) return null;
  return (
    <Timeline
      items={q.data.items.map((e) => ({
        content: (
          <Space direction="vertical" size={0}>
            <Typography.Text>{workOrderChangeText(e, names, t, win)}</Typography.Text>
            {e.reason && e.change !== 'visit_reported' && <Typography.Text type="secondary">{e.reason}</Typography.Text>}
            <Typography.Text type="secondary">
              {actorText(e, me, t)} · {formatDateTime(e.at, lang)}
            </Typography.Text>
          </Space>
        ),
      }))}
    />
  );
}

/** The ticket's work orders: state, technician, appointment, and their history. */
export function WorkOrderPanel({ ticketId, orders, loading }: { ticketId: string; orders: WorkOrder[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const win = useWindowText();
  const lang = useLang();
  const names = useTechnicianNames(useCan('listTechnicians')).data ?? new Map<string, string>();
  const faults = useFaultCodes().data?.codes;
  return (
    <Section title={t('desk:records.workOrder')} testId="work-order-panel">
      {!loading && (orders?.length ?? 0) === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk:records.noWorkOrder')} />}
      {orders?.map((w) => (
        <Space key={w.id} direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('desk:records.number')}>{w.number}</Descriptions.Item>
            <Descriptions.Item label={t('desk:records.state')}>
              <Tag color={w.status === 'completed' ? TONE.success : w.status === 'unassigned' ? TONE.warning : TONE.info}>{t(`desk:woStatus.${w.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('desk:records.technician')}>
              {w.technician_id ? (names.get(w.technician_id) ?? t('desk:history.someone')) : t('desk:records.noTechnician')}
            </Descriptions.Item>
            <Descriptions.Item label={t('desk:records.appointment')}>{w.appointment ? win(w.appointment.start, w.appointment.end) : t('desk:records.noAppointment')}</Descriptions.Item>
            {w.planned_arrival && <Descriptions.Item label={t('desk:records.plannedArrival')}>{formatDateTime(w.planned_arrival, lang)}</Descriptions.Item>}
            {w.completed_at && <Descriptions.Item label={t('desk:records.completed')}>{formatDateTime(w.completed_at, lang)}</Descriptions.Item>}
            {w.diagnosis && (
              <Descriptions.Item label={t('desk:records.diagnosis')} span={2}>
                {w.diagnosis}
              </Descriptions.Item>
            )}
            {w.visit?.fault && (
              <Descriptions.Item label={t('desk:records.fault')} span={2}>
                {faultName(w.visit.fault, faults, lang)}
              </Descriptions.Item>
            )}
            {w.visit?.return_visit_needed && (
              <Descriptions.Item label={t('desk:records.returnVisit')} span={2}>
                <Space direction="vertical" size={0} data-testid="return-visit-needed">
                  <Tag color={TONE.warning}>{t('desk:records.returnVisitNeeded')}</Tag>
                  {w.visit.return_visit_note && <Typography.Text>{w.visit.return_visit_note}</Typography.Text>}
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
          <WorkOrderHistory ticketId={ticketId} order={w} names={names} />
        </Space>
      ))}
    </Section>
  );
}

/** The receipts of the ticket's visits. */
export function ReceiptPanel({ ticketId, orders }: { ticketId: string; orders: WorkOrder[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useTicketInvoices(ticketId, orders, true);
  const items = q.data ?? [];
  return (
    <Section title={t('desk:records.receipt')} testId="receipt-panel">
      {items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={orders.some((w) => w.status === 'completed') ? t('desk:records.receiptPending') : t('desk:records.noReceipt')} />
      )}
      {items.map((i) => (
        <Descriptions key={i.id} size="small" column={2} bordered>
          <Descriptions.Item label={t('desk:records.number')}>{i.number}</Descriptions.Item>
          <Descriptions.Item label={t('desk:records.issued')}>{formatDateTime(i.issued_at, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('desk:records.charged')}>{formatMoney(i.total_charged.amount_minor, lang, i.total_charged.currency)}</Descriptions.Item>
          <Descriptions.Item label={t('desk:records.paid')}>{formatMoney(i.paid.amount_minor, lang, i.paid.currency)}</Descriptions.Item>
          <Descriptions.Item label={t('desk:records.outstanding')}>
            <Typography.Text strong={i.outstanding.amount_minor > 0}>{formatMoney(i.outstanding.amount_minor, lang, i.outstanding.currency)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('desk:records.lines')}>{t('desk:records.lineCount', { count: i.lines.length })}</Descriptions.Item>
        </Descriptions>
      ))}
    </Section>
  );
}

function CallbackItem({ c }: { c: Callback }) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = c.answers?.scores;
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label={t('desk:records.state')}>
        <Tag color={c.status === 'completed' ? TONE.success : c.overdue ? TONE.danger : TONE.info}>{t(`desk:callbackStatus.${c.status}`)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('desk:records.due')}>{formatDateTime(c.due_at, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('desk:records.attempts')}>{c.attempts.length}</Descriptions.Item>
      <Descriptions.Item label={t('desk:records.answered')}>{c.answers ? formatDateTime(c.answers.answered_at, lang) : '—'}</Descriptions.Item>
      {c.answers && (
        <>
          <Descriptions.Item label={t('desk:records.scoreOverall')}>
            <span data-testid="callback-score">{formatScore(s?.overall_milli)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('desk:records.scoreTechnician')}>{formatScore(s?.technician_milli)}</Descriptions.Item>
          <Descriptions.Item label={t('desk:records.scoreAgent')}>{formatScore(s?.agent_milli)}</Descriptions.Item>
          <Descriptions.Item label={t('desk:records.problemPersists')}>{c.answers.problem_persists ? t('common:yes') : t('common:no')}</Descriptions.Item>
        </>
      )}
    </Descriptions>
  );
}

/** The callbacks of the ticket's visits, with their scores. */
export function CallbackPanel({ ticketId, orders }: { ticketId: string; orders: WorkOrder[] }) {
  const { t } = useTranslation();
  const q = useTicketCallbacks(ticketId, orders, true);
  const items = q.data ?? [];
  return (
    <Section title={t('desk:records.callback')} testId="callback-panel">
      {items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk:records.noCallback')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {items.map((c) => (
          <CallbackItem key={c.id} c={c} />
        ))}
      </Space>
    </Section>
  );
}

/** The ticket's follow-ups of unhappy answers. */
export function FollowUpPanel({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useTicketFollowUps(ticketId, true);
  const items = q.data?.items ?? [];
  return (
    <Section title={t('desk:records.followUps')} testId="follow-up-panel">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk:records.noFollowUp')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(f) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space>
                  <Tag color={f.status === 'resolved' ? TONE.success : f.status === 'escalated' ? TONE.danger : TONE.warning}>{t(`desk:followUpStatus.${f.status}`)}</Tag>
                  <Typography.Text>{t('desk:records.followUpDue', { at: formatDateTime(f.due_at, lang) })}</Typography.Text>
                </Space>
                <Typography.Text type="secondary">{f.reasons.join(' · ')}</Typography.Text>
                {f.resolution && <Typography.Text>{t('desk:records.resolution', { text: f.resolution })}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Section>
  );
}

/** The ticket's work order by its number where the role may list work orders, else its id. */
export function WorkOrderNumber({ ticketId, id }: { ticketId: string; id: string | null | undefined }) {
  const can = useCan('listWorkOrders');
  const q = useTicketWorkOrders(ticketId, can && !!id);
  if (!id) return <>—</>;
  return <>{q.data?.items.find((w) => w.id === id)?.number ?? id}</>;
}

/** The panels for the ticket's records, each only for the roles that may read it. */
export function TicketRecords({ ticketId }: { ticketId: string }) {
  const canOrders = useCan('listWorkOrders');
  const canInvoices = useCan('listInvoices');
  const canCallbacks = useCan('listCallbacks');
  const canFollowUps = useCan('listFollowUps');
  const orders = useTicketWorkOrders(ticketId, canOrders);
  const list = orders.data?.items ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {canOrders && <WorkOrderPanel ticketId={ticketId} orders={orders.data?.items} loading={orders.isLoading} />}
      {canOrders && canInvoices && <ReceiptPanel ticketId={ticketId} orders={list} />}
      {canOrders && canCallbacks && <CallbackPanel ticketId={ticketId} orders={list} />}
      {canFollowUps && <FollowUpPanel ticketId={ticketId} />}
    </Space>
  );
}
