import { Button, Card, Form, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, must } from '../api/client';
import type { components, paths } from '../api/schema';
import type { Lang } from '../i18n/langs';
import { formatDateTime } from '../lib/format';
import { useSession } from '../shell/permissions';
import { PREDEFINED, SAVED_PREFIX, type Filters } from './savedViews';
import { SavedViewActions, useSavedViews } from './SavedViews';
import { SlaClock } from './SlaClock';
import { OPEN_STATUSES, type Ticket } from './queries';
import { useOpenTicket } from './openTicket';
import { TONE } from '../lib/colors';

type Query = NonNullable<paths['/api/v1/tickets']['get']['parameters']['query']>;
const STATUSES: components['schemas']['TicketStatus'][] = ['new', 'triaged', 'needs_visit', 'in_service', 'waiting_for_parts', 'waiting_for_customer', 'reopened', 'resolved_remotely', 'resolved', 'closed', 'cancelled'];
const PRIORITIES: components['schemas']['Priority'][] = ['p1', 'p2', 'p3', 'p4'];
const TYPES: components['schemas']['TicketType'][] = ['fault', 'maintenance', 'installation', 'consultation', 'consumables', 'complaint', 'return'];
const SLA: components['schemas']['SlaState'][] = ['on_track', 'at_risk', 'breached'];

/**
 * The ticket queue: filters in the URL (a view is a bookmark), SLA clocks per row, newest
 * first, more pages on demand; a row opens the ticket drawer.
 */
export default function QueuePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const openTicket = useOpenTicket();
  const filters: Filters = Object.fromEntries([...params.entries()].filter(([k]) => k !== 'ticket'));
  const view = filters.view ?? 'all';
  const saved = useSavedViews();
  const query: Query = {
    limit: 50,
    sort: '-opened_at',
    ...(filters.status ? { status: filters.status as never } : {}),
    ...(filters.priority ? { priority: filters.priority as never } : {}),
    ...(filters.type ? { type: filters.type as never } : {}),
    ...(filters.sla ? { sla: filters.sla as never } : {}),
    ...(filters.owner ? { owner: filters.owner } : {}),
  };
  const q = useInfiniteQuery({
    queryKey: ['tickets', 'queue', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => must(api.GET('/api/v1/tickets', { params: { query: { ...query, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  let rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  if (view === 'mine') rows = rows.filter((r) => (OPEN_STATUSES as readonly string[]).includes(r.status));
  const setFilters = (next: Filters) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
    setParams(p);
  };
  const option = (ns: string) => (x: string) => ({ value: x, label: t(`desk:${ns}.${x}`) });
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {t('desk:queue.title')}
        </Typography.Title>
      }
      extra={
        <Button onClick={() => void q.refetch()}>
          {t('desk:queue.refresh')}
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Segmented
            aria-label={t('desk:queue.views')}
            data-testid="queue-views"
            value={view}
            options={[
              ...Object.keys(PREDEFINED).map((v) => ({ value: v, label: t(`desk:queue.view.${v}`) })),
              ...saved.views.map((v) => ({ value: SAVED_PREFIX + v.name, label: v.name })),
            ]}
            onChange={(v) => {
              const key = String(v);
              const own = saved.views.find((x) => SAVED_PREFIX + x.name === key);
              setFilters(own ? saved.open(own) : { ...PREDEFINED[key]?.(me?.account_id ?? ''), view: key });
            }}
          />
          <SavedViewActions filters={filters} onDeleted={() => setFilters({})} onSaved={(f) => setFilters(f)} />
        </Space>
        <Form layout="inline" aria-label={t('desk:queue.filters')}>
          <Form.Item label={t('desk:queue.status')}>
            <Select aria-label={t('desk:queue.status')} allowClear style={{ width: 150 }} placeholder={t('desk:queue.allStatuses')} value={filters.status} options={STATUSES.map(option('status'))} onChange={(v) => setFilters({ ...filters, status: v })} />
          </Form.Item>
          <Form.Item label={t('desk:queue.priority')}>
            <Select aria-label={t('desk:queue.priority')} allowClear style={{ width: 140 }} placeholder={t('desk:queue.allPriorities')} value={filters.priority} options={PRIORITIES.map(option('priority'))} onChange={(v) => setFilters({ ...filters, priority: v })} />
          </Form.Item>
          <Form.Item label={t('desk:queue.type')}>
            <Select aria-label={t('desk:queue.type')} allowClear style={{ width: 140 }} placeholder={t('desk:queue.allTypes')} value={filters.type} options={TYPES.map(option('type'))} onChange={(v) => setFilters({ ...filters, type: v })} />
          </Form.Item>
          <Form.Item label={t('desk:queue.resolution')}>
            <Select aria-label={t('desk:queue.resolution')} allowClear style={{ width: 140 }} placeholder={t('desk:queue.allSla')} value={filters.sla} options={SLA.map(option('sla'))} onChange={(v) => setFilters({ ...filters, sla: v })} />
          </Form.Item>
          <Button onClick={() => setFilters({})}>{t('common:reset')}</Button>
        </Form>
        <Table<Ticket>
          size="small"
          rowKey="id"
          data-testid="queue"
          loading={q.isLoading}
          dataSource={rows}
          pagination={false}
          onRow={(r) => ({ onClick: () => openTicket(r.id) })}
          footer={() => (
            <Space>
              <span>{t('desk:queue.total', { count: rows.length })}</span>
              {q.hasNextPage && (
                <Button size="small" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
                  {t('desk:queue.more')}
                </Button>
              )}
            </Space>
          )}
          columns={[
            {
              title: t('desk:queue.number'),
              render: (_, r) => (
                <Button
                  type="link"
                  size="small"
                  style={{ paddingInline: 0 }}
                  onClick={(e) => {
                    e.stopPropagation();
                    openTicket(r.id);
                  }}
                >
                  {r.number}
                </Button>
              ),
            },
            { title: t('desk:queue.customer'), render: (_, r) => r.customer.name },
            { title: t('desk:queue.type'), render: (_, r) => t(`desk:type.${r.type}`) },
            { title: t('desk:queue.status'), render: (_, r) => <Tag>{t(`desk:status.${r.status}`)}</Tag> },
            { title: t('desk:queue.priority'), render: (_, r) => <Tag color={r.priority === 'p1' ? TONE.danger : r.priority === 'p2' ? TONE.warning : undefined}>{t(`desk:priority.${r.priority}`)}</Tag> },
            { title: t('desk:queue.opened'), render: (_, r) => formatDateTime(r.opened_at, lang) },
            { title: t('desk:queue.response'), render: (_, r) => <SlaClock openedAt={r.opened_at} due={r.sla.first_response_due} doneAt={r.sla.first_response_at} pausedSince={r.sla.paused_since} /> },
            { title: t('desk:queue.resolution'), render: (_, r) => <SlaClock openedAt={r.opened_at} due={r.sla.resolution_due} doneAt={r.sla.resolved_at} pausedSince={r.sla.paused_since} /> },
            { title: t('desk:queue.owner'), render: (_, r) => r.owner ?? '—' },
          ]}
        />
      </Space>
    </Card>
  );
}
