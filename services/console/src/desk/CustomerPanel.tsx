import { Button, Card, Descriptions, Empty, List, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n/langs';
import { formatDate, formatDateTime } from '../lib/format';
import { OPEN_STATUSES, useCustomerTickets, useMachines, type Customer, type Machine } from './queries';
import { SlaClock } from './SlaClock';
import { TONE } from '../lib/colors';
import { useOpenTicket } from './openTicket';

/** Everything the agent needs about a caller: record, machines, open tickets, last visits. */
export function CustomerPanel({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const machines = useMachines(customer.id);
  const tickets = useCustomerTickets(customer.id);
  const openTicket = useOpenTicket();
  const items = tickets.data?.items ?? [];
  const open = items.filter((x) => (OPEN_STATUSES as readonly string[]).includes(x.status));
  const visits = items.filter((x) => x.work_order_id && !(OPEN_STATUSES as readonly string[]).includes(x.status)).slice(0, 5);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Card
      title={
        <span data-testid="customer-title">
          {customer.company} · {customer.number}
        </span>
      }
      size="small"
    >
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('desk:customer.tier')}>
          <Tag color={customer.tier === 'key_account' ? TONE.key : undefined}>{t(`desk:customer.tiers.${customer.tier}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('desk:customer.district')}>{customer.district}</Descriptions.Item>
        <Descriptions.Item label={t('desk:customer.address')} span={2}>
          {customer.address || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('desk:customer.contacts')} span={2}>
          {customer.contacts.map((c) => `${c.name} ${c.phones.join(' / ')}`).join('；')}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={2} style={{ fontSize: 15 }}>
        {t('desk:customer.machines')}
      </Typography.Title>
      <Table<Machine>
        size="small"
        rowKey="id"
        pagination={false}
        loading={machines.isLoading}
        dataSource={machines.data?.items ?? []}
        locale={{ emptyText: t('desk:customer.noMachines') }}
        columns={[
          { title: t('desk:machine.serial'), dataIndex: 'serial' },
          { title: t('desk:machine.model'), render: (_, m) => `${m.brand} ${m.model}` },
          {
            title: t('desk:machine.warranty'),
            render: (_, m) =>
              m.warranty_end && m.warranty_end >= today ? (
                <Tag color={TONE.success}>{t('desk:machine.inWarranty', { date: formatDate(m.warranty_end, lang) })}</Tag>
              ) : (
                <Tag>{t('desk:machine.outOfWarranty')}</Tag>
              ),
          },
          {
            title: t('desk:machine.contract'),
            render: (_, m) =>
              m.contract ? (
                <Tag color={m.contract.ends_on >= today ? TONE.info : undefined}>
                  {t('desk:machine.contractTo', { number: m.contract.number, date: formatDate(m.contract.ends_on, lang) })}
                </Tag>
              ) : (
                t('desk:machine.noContract')
              ),
          },
          {
            title: t('desk:machine.meter'),
            render: (_, m) =>
              m.last_meter_reading
                ? t('desk:machine.meterValue', {
                    reading: m.last_meter_reading.reading.toLocaleString(lang),
                    at: formatDate(m.last_meter_reading.at.slice(0, 10), lang),
                  })
                : t('desk:machine.noMeter'),
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 15, marginTop: 12 }}>
        {t('desk:customer.openTickets')}
      </Typography.Title>
      {open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk:customer.noTickets')} />
      ) : (
        <List
          size="small"
          dataSource={open}
          renderItem={(x) => (
            <List.Item>
              <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => openTicket(x.id)}>
                {x.number}
              </Button>
              <Tag>{t(`desk:status.${x.status}`)}</Tag>
              <Tag>{t(`desk:priority.${x.priority}`)}</Tag>
              <span style={{ flex: 1, marginInline: 8 }}>{x.symptom}</span>
              <SlaClock openedAt={x.opened_at} due={x.sla.resolution_due} doneAt={x.sla.resolved_at} pausedSince={x.sla.paused_since} />
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={2} style={{ fontSize: 15, marginTop: 12 }}>
        {t('desk:customer.lastVisits')}
      </Typography.Title>
      <List
        size="small"
        dataSource={visits}
        locale={{ emptyText: t('common:none') }}
        renderItem={(x) => (
          <List.Item>
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => openTicket(x.id)}>
                {x.number}
              </Button>
            <span style={{ flex: 1, marginInline: 8 }}>{x.symptom}</span>
            <span>{formatDateTime(x.sla.resolved_at ?? x.updated_at, lang)}</span>
          </List.Item>
        )}
      />
    </Card>
  );
}
