import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, must } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { components } from '../api/schema';
import type { Lang } from '../i18n/langs';
import { formatDateTime } from '../lib/format';
import { useCan } from '../shell/permissions';
import { SlaClock } from './SlaClock';
import { TONE } from '../lib/colors';
import { useTicket, type Ticket } from './queries';
import { TicketHistory, TicketRecords, WorkOrderNumber } from './TicketPanels';
import { TicketMessages } from '../messages/MessageParts';

type Status = components['schemas']['TicketStatus'];
type Priority = components['schemas']['Priority'];

/** Ticket states an agent may move a ticket to by hand (the service refuses the others). */
const TARGETS: Status[] = ['triaged', 'resolved_remotely', 'needs_visit', 'in_service', 'waiting_for_customer', 'resolved', 'closed', 'cancelled', 'reopened'];
const PRIORITIES: Priority[] = ['p1', 'p2', 'p3', 'p4'];

function problemText(e: unknown): string {
  return e instanceof ApiProblem ? e.problem.detail : String(e);
}

/** The ticket drawer: state, SLA clocks, progress, transitions, priority and owner. */
export default function TicketDrawer() {
  const [params, setParams] = useSearchParams();
  const id = params.get('ticket');
  const { t } = useTranslation();
  const q = useTicket(id);
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete('ticket');
    setParams(next);
  };
  return (
    <Drawer open={!!id} onClose={close} size="large" title={q.data ? t('desk:detail.title', { number: q.data.number }) : t('common:loading')} data-testid="ticket-drawer">
      {q.isError && <Alert type="error" showIcon title={problemText(q.error)} />}
      {q.data && <TicketDetail ticket={q.data} />}
    </Drawer>
  );
}

function TicketDetail({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canMove = useCan('moveTicket');
  const canPriority = useCan('setTicketPriority');
  const canOwner = useCan('assignTicketOwner');
  const canHistory = useCan('getTicketHistory');
  const [error, setError] = useState<string | null>(null);
  const etag = `"${ticket.version}"`;
  const done = () => {
    setError(null);
    void message.success(t('desk:detail.saved'));
    void qc.invalidateQueries({ queryKey: ['ticket', ticket.id] });
    void qc.invalidateQueries({ queryKey: ['tickets'] });
  };
  const move = useMutation({
    mutationFn: (v: { to: Status; reason: string }) =>
      must(api.POST('/api/v1/tickets/{id}/transitions', { params: { path: { id: ticket.id }, header: { 'If-Match': etag } }, body: { to: v.to, reason: v.reason ?? '' } })),
    onSuccess: done,
    onError: (e) => setError(problemText(e)),
  });
  const prio = useMutation({
    mutationFn: (v: { priority: Priority; reason: string }) =>
      must(api.POST('/api/v1/tickets/{id}/priority', { params: { path: { id: ticket.id }, header: { 'If-Match': etag } }, body: { priority: v.priority, reason: v.reason } })),
    onSuccess: done,
    onError: (e) => setError(problemText(e)),
  });
  const owner = useMutation({
    mutationFn: (v: { owner: string }) =>
      must(api.POST('/api/v1/tickets/{id}/owner', { params: { path: { id: ticket.id }, header: { 'If-Match': etag } }, body: { owner: v.owner } })),
    onSuccess: done,
    onError: (e) => setError(problemText(e)),
  });
  const req = { required: true, whitespace: true, message: t('common:required') };
  const s = ticket.sla;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('desk:queue.status')}>
          <Tag color={TONE.info}>{t(`desk:status.${ticket.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('desk:queue.priority')}>{t(`desk:priority.${ticket.priority}`)}</Descriptions.Item>
        <Descriptions.Item label={t('desk:queue.type')}>{t(`desk:type.${ticket.type}`)}</Descriptions.Item>
        <Descriptions.Item label={t('desk:ticket.channel')}>{t(`desk:channel.${ticket.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('desk:queue.customer')} span={2}>
          {ticket.customer.name} · {ticket.customer.phone} · {ticket.customer.district}
        </Descriptions.Item>
        <Descriptions.Item label={t('desk:ticket.machine')} span={2}>
          {ticket.machine ? `${ticket.machine.brand} ${ticket.machine.model} · ${ticket.machine.serial}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('desk:detail.symptom')} span={2}>
          {ticket.symptom}
        </Descriptions.Item>
        <Descriptions.Item label={ticket.type === 'complaint' ? t('desk:detail.complaintClock') : t('desk:queue.response')}>
          <SlaClock openedAt={ticket.opened_at} due={s.first_response_due} doneAt={s.first_response_at} pausedSince={s.paused_since} />
        </Descriptions.Item>
        <Descriptions.Item label={t('desk:queue.resolution')}>
          <SlaClock openedAt={ticket.opened_at} due={s.resolution_due} doneAt={s.resolved_at} pausedSince={s.paused_since} />
        </Descriptions.Item>
        <Descriptions.Item label={t('desk:queue.owner')}>{ticket.owner ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('desk:detail.workOrder')}>
          <WorkOrderNumber ticketId={ticket.id} id={ticket.work_order_id} />
        </Descriptions.Item>
      </Descriptions>
      {ticket.callback_due_at && (
        <Typography.Text type="secondary">
          {t('desk:detail.callbackDue')} · {formatDateTime(ticket.callback_due_at, lang)}
        </Typography.Text>
      )}
      {canHistory && <TicketHistory ticketId={ticket.id} />}
      <TicketRecords ticketId={ticket.id} />
      <TicketMessages ticketId={ticket.id} />
      {canMove && (
        <Form layout="inline" name="move" onFinish={(v: { to: Status; reason: string }) => move.mutate(v)}>
          <Form.Item name="to" label={t('desk:detail.to')} rules={[req]}>
            <Select style={{ width: 160 }} options={TARGETS.map((x) => ({ value: x, label: t(`desk:status.${x}`) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('desk:detail.reason')} rules={[{ max: 2000, message: t('common:tooLong', { max: 2000 }) }]}>
            <Input />
          </Form.Item>
          <Button htmlType="submit" loading={move.isPending}>
            {t('desk:detail.move')}
          </Button>
        </Form>
      )}
      {canPriority && (
        <Form layout="inline" name="priority" onFinish={(v: { priority: Priority; reason: string }) => prio.mutate(v)}>
          <Form.Item name="priority" label={t('desk:queue.priority')} rules={[req]}>
            <Select style={{ width: 140 }} options={PRIORITIES.map((x) => ({ value: x, label: t(`desk:priority.${x}`) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('desk:detail.reason')} rules={[req, { max: 2000, message: t('common:tooLong', { max: 2000 }) }]}>
            <Input />
          </Form.Item>
          <Button htmlType="submit" loading={prio.isPending}>
            {t('desk:detail.setPriority')}
          </Button>
        </Form>
      )}
      {canOwner && (
        <Form layout="inline" name="owner" onFinish={(v: { owner: string }) => owner.mutate(v)}>
          <Form.Item name="owner" label={t('desk:detail.ownerId')} rules={[req]}>
            <Input />
          </Form.Item>
          <Button htmlType="submit" loading={owner.isPending}>
            {t('desk:detail.setOwner')}
          </Button>
        </Form>
      )}
    </Space>
  );
}
