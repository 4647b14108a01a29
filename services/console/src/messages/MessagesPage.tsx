// Sent messages (已发送消息): every message to a customer the notifier keeps, newest first,
// with its delivery status; filtered by status, channel, ticket number, customer (found by
// name, phone or ticket number as at the desk) and days, every filter in the address. With no channel configured (trial mode) a banner says these
// were kept, not sent. A row opens the drawer (`?message=<id>`) with the text as the
// customer receives it.
import { Alert, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Lang } from '../i18n/langs';
import { useParamSetter } from '../lib/listSearch';
import { formatDateTime } from '../lib/format';
import { ScrollRegion } from '../lib/ScrollRegion';
import { MoreButton, OpenLink } from '../lib/ListParts';
import { useLookup, useTicket } from '../desk/queries';
import { CHANNELS, STATUSES, customerOptions, filterFromParams, trialMode, type SentMessage } from './messages';
import { useCustomer, useMessages, useNotificationChannels } from './queries';
import { StatusTag } from './MessageParts';
import MessageDrawer from './MessageDrawer';

/** The banner of trial mode: nothing here reached a customer. */
export function TrialBanner() {
  const { t } = useTranslation();
  const channels = useNotificationChannels();
  if (!trialMode(channels.data)) return null;
  return <Alert type="info" showIcon data-testid="trial-banner" title={t('messages:trial.title')} description={t('messages:trial.text')} />;
}

/** The customer filter: typed as at the desk (name, phone, ticket number), kept as `?customer=<id>`. */
function CustomerFilter({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const found = useLookup(typed);
  const selected = useCustomer(value);
  return (
    <Select
      id="messages-customer"
      aria-label={t('messages:customer')}
      showSearch
      allowClear
      filterOption={false}
      style={{ width: 240 }}
      placeholder={t('messages:customerPlaceholder')}
      value={value}
      onSearch={setTyped}
      onChange={(v: string | undefined) => {
        setTyped('');
        onChange(v || undefined);
      }}
      loading={found.isFetching}
      notFoundContent={typed.trim() && found.isSuccess ? t('messages:noCustomer') : null}
      options={customerOptions(typed.trim() ? (found.data?.customers ?? []) : [], value, selected.data)}
      data-testid="messages-customer"
    />
  );
}

export default function MessagesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [params] = useSearchParams();
  const set = useParamSetter();
  const f = filterFromParams(params);
  const number = params.get('number')?.trim() || null;
  const ticket = useTicket(number);
  const ticketMissing = !!number && ticket.isError;
  const list = useMessages({ ...f, ticketId: ticket.data?.id }, !number || !!ticket.data);
  const rows = number && !ticket.data ? [] : (list.data?.pages.flatMap((p) => p.items) ?? []);
  const filtered = !!(f.status || f.channel || f.customerId || f.from || f.to || number);
  const open = (id: string) => set({ message: id });

  return (
    <div data-testid="messages">
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {t('messages:title')}
      </Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        <TrialBanner />
        <Card size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Form layout="inline" aria-label={t('messages:filters')} style={{ rowGap: 8 }}>
              <Form.Item label={t('messages:status')}>
                <Select
                  aria-label={t('messages:status')}
                  allowClear
                  style={{ width: 140 }}
                  placeholder={t('messages:allStatuses')}
                  value={f.status}
                  onChange={(v) => set({ status: v })}
                  options={STATUSES.map((s) => ({ value: s, label: t(`messages:statuses.${s}`) }))}
                  data-testid="messages-status"
                />
              </Form.Item>
              <Form.Item label={t('messages:channel')}>
                <Select
                  aria-label={t('messages:channel')}
                  allowClear
                  style={{ width: 120 }}
                  placeholder={t('messages:allChannels')}
                  value={f.channel}
                  onChange={(v) => set({ channel: v })}
                  options={CHANNELS.map((c) => ({ value: c, label: t(`messages:channels.${c}`) }))}
                  data-testid="messages-channel"
                />
              </Form.Item>
              <Form.Item
                label={t('messages:ticket')}
                htmlFor="messages-ticket"
                validateStatus={ticketMissing ? 'error' : undefined}
                help={ticketMissing ? t('messages:noTicket', { number }) : undefined}
              >
                <Input.Search
                  id="messages-ticket"
                  allowClear
                  defaultValue={number ?? ''}
                  placeholder={t('messages:ticketPlaceholder')}
                  style={{ width: 180 }}
                  onSearch={(v) => set({ number: v.trim() || undefined })}
                  data-testid="messages-ticket"
                />
              </Form.Item>
              <Form.Item label={t('messages:days')}>
                <DatePicker.RangePicker
                  aria-label={t('messages:days')}
                  value={f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null}
                  onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
                  data-testid="messages-days"
                />
              </Form.Item>
              <Form.Item label={t('messages:customer')} htmlFor="messages-customer">
                <CustomerFilter value={f.customerId} onChange={(id) => set({ customer: id })} />
              </Form.Item>
            </Form>
            <ScrollRegion label={t('messages:title')}>
              <Table<SentMessage>
                size="small"
                rowKey="id"
                data-testid="message-list"
                loading={list.isLoading}
                dataSource={rows}
                pagination={false}
                locale={{ emptyText: filtered ? t('messages:noMatch') : t('messages:empty') }}
                onRow={(r) => ({ onClick: () => open(r.id), 'data-testid': `message-${r.id}`, style: { cursor: 'pointer' } }) as React.HTMLAttributes<HTMLElement>}
                footer={() => (
                  <Space>
                    <span>{t('messages:total', { count: rows.length })}</span>
                    <MoreButton query={list} />
                  </Space>
                )}
                columns={[
                  { title: t('messages:col.at'), key: 'at', render: (_v, r) => <OpenLink onOpen={() => open(r.id)}>{formatDateTime(r.created_at, lang)}</OpenLink> },
                  { title: t('messages:col.ticket'), key: 'ticket', render: (_v, r) => r.ticket_number },
                  { title: t('messages:col.kind'), key: 'kind', render: (_v, r) => t(`messages:kinds.${r.kind}`) },
                  { title: t('messages:col.to'), key: 'to', responsive: ['md'], render: (_v, r) => `${t(`messages:channels.${r.channel}`)} · ${r.to}` },
                  { title: t('messages:col.status'), key: 'status', render: (_v, r) => <StatusTag status={r.status} /> },
                  { title: t('messages:col.attempts'), key: 'attempts', align: 'right', responsive: ['sm'], render: (_v, r) => r.attempts },
                ]}
              />
            </ScrollRegion>
            {list.isError && <Typography.Text type="danger">{t('common:error', { detail: list.error.message })}</Typography.Text>}
          </Space>
        </Card>
      </Space>
      {params.has('message') && <MessageDrawer />}
    </div>
  );
}
