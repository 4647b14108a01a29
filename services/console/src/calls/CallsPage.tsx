// The callback desk (回访工作台): the outbound call queue for the callback specialist and the
// district agents. "My queue" lists what is theirs (a callback agent's default is the
// specialist's queue the rules fill; anyone may switch to what was given to them by name);
// the team view filters by assignee, district, kind and state. Due now first, then overdue,
// then later; every filter is in the URL; a row opens the call's drawer (`?task=<id>`).
import { Card, Form, Input, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TFunction } from 'i18next';
import type { Lang } from '../i18n/langs';
import { useParamSetter } from '../lib/listSearch';
import { useDisplayNames } from '../lib/displayNames';
import { formatDateTime, formatSpan } from '../lib/format';
import { ScrollRegion } from '../lib/ScrollRegion';
import { MoreButton, OpenLink } from '../lib/ListParts';
import { TONE } from '../lib/colors';
import { useSession } from '../shell/permissions';
import { KINDS, assignedHow, assigneeKind, peopleOf, countByTiming, escalation, minutesToDue, myQueues, type CallTask, type CallTaskKind, type CallTaskState, type CallTaskTiming } from './calls';
import { useCallTasks, useLiveCalls } from './queries';
import CallDrawer from './CallDrawer';

/** The colour of each place in the queue. */
export const TIMING_TONE: Record<CallTaskTiming, string | undefined> = { due_now: TONE.warning, overdue: TONE.danger, later: TONE.info, closed: undefined };

/** An assignee as a person reads it: the specialist's queue, a district agent's, "me" or the account. */
export function assigneeLabel(assignee: string, me: string | undefined, t: TFunction, name: (id: string) => string = (id) => id): string {
  const a = assigneeKind(assignee);
  if (a.kind === 'specialist') return t('calls:assignees.specialist');
  if (a.kind === 'district') return t('calls:assignees.district', { district: a.district });
  return a.id === me ? t('calls:assignees.me') : name(a.id);
}

/** How a task came to its assignee, in words (by rule, by default, from its source, or who reassigned it). */
export function assignedHowLabel(by: string, me: string | undefined, t: TFunction, name: (id: string) => string): string {
  const h = assignedHow(by);
  switch (h.how) {
    case 'source':
      return t('calls:assignedBy.source');
    case 'default':
      return t('calls:assignedBy.default');
    case 'rule':
      return t('calls:assignedBy.rule', { rule: h.rule });
    case 'person':
      return t('calls:assignedBy.person', { name: h.id === me ? t('calls:assignees.me') : name(h.id) });
    default:
      return h.text;
  }
}

/** Where a task stands against its due time: the tag, and how far off or late. */
export function DueCell({ task, lang }: { task: CallTask; lang: Lang }) {
  const { t } = useTranslation();
  const now = new Date();
  const mins = minutesToDue(task.due_at, now);
  const esc = escalation(task, now);
  return (
    <Space size={4} wrap>
      <Tag color={TIMING_TONE[task.timing]} style={{ marginInlineEnd: 0 }} data-testid={`timing-${task.timing}`}>
        {t(`calls:timing.${task.timing}`)}
      </Tag>
      <Tooltip title={formatDateTime(task.due_at, lang)}>
        <Typography.Text type={task.timing === 'overdue' ? 'danger' : undefined}>
          {task.state === 'closed' ? formatDateTime(task.due_at, lang) : mins >= 0 ? t('calls:inMinutes', { span: formatSpan(mins, lang) }) : t('calls:lateBy', { span: formatSpan(-mins, lang) })}
        </Typography.Text>
      </Tooltip>
      {esc === 'escalated' && <Tag color={TONE.danger}>{t('calls:escalated')}</Tag>}
      {esc === 'soon' && <Tag color={TONE.warning}>{t('calls:escalatesSoon')}</Tag>}
    </Space>
  );
}

export default function CallsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const [params] = useSearchParams();
  const set = useParamSetter();
  useLiveCalls();

  const view = params.get('view') === 'team' ? 'team' : 'mine';
  const queues = myQueues(me?.role, me?.account_id);
  const queue = params.get('queue') ?? queues[0];
  const kind = (params.get('kind') as CallTaskKind | null) ?? undefined;
  const stateParam = params.get('state');
  const state: CallTaskState | undefined = stateParam === 'all' ? undefined : ((stateParam as CallTaskState | null) ?? 'open');
  const assignee = view === 'mine' ? queue : (params.get('assignee') ?? undefined);
  const district = view === 'team' ? (params.get('district') ?? undefined) : undefined;

  const list = useCallTasks({ assignee, district, kind, state });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const name = useDisplayNames(peopleOf(rows));
  const counts = countByTiming(rows);
  const open = (id: string) => set({ task: id });
  const filtered = !!kind || stateParam !== null || !!params.get('assignee') || !!district;

  return (
    <div data-testid="calls">
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {t('calls:title')}
      </Typography.Title>
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Segmented
            value={view}
            onChange={(v) => set({ view: v === 'team' ? 'team' : undefined, queue: undefined, assignee: undefined, district: undefined })}
            options={[
              { value: 'mine', label: <span data-testid="view-mine">{t('calls:views.mine')}</span> },
              { value: 'team', label: <span data-testid="view-team">{t('calls:views.team')}</span> },
            ]}
          />
          <Form layout="inline" aria-label={t('calls:filters')} style={{ rowGap: 8 }}>
            {view === 'mine' && queues.length > 1 && (
              <Form.Item label={t('calls:assignee')}>
                <Select
                  aria-label={t('calls:assignee')}
                  style={{ width: 200 }}
                  value={queue}
                  onChange={(v) => set({ queue: v === queues[0] ? undefined : v })}
                  options={queues.map((q) => ({ value: q, label: q === me?.account_id ? t('calls:queue.me') : t('calls:queue.specialist') }))}
                  data-testid="my-queue"
                />
              </Form.Item>
            )}
            {view === 'team' && (
              <>
                <Form.Item label={t('calls:assignee')} htmlFor="calls-assignee">
                  <Input.Search
                    id="calls-assignee"
                    allowClear
                    defaultValue={params.get('assignee') ?? ''}
                    placeholder={t('calls:assigneePlaceholder')}
                    style={{ width: 'min(300px, calc(100vw - 130px))' }}
                    onSearch={(v) => set({ assignee: v.trim() || undefined })}
                    data-testid="calls-assignee"
                  />
                </Form.Item>
                <Form.Item label={t('calls:district')} htmlFor="calls-district">
                  <Input.Search
                    id="calls-district"
                    allowClear
                    defaultValue={district ?? ''}
                    placeholder={t('calls:districtPlaceholder')}
                    style={{ width: 180 }}
                    onSearch={(v) => set({ district: v.trim() || undefined })}
                    data-testid="calls-district"
                  />
                </Form.Item>
              </>
            )}
            <Form.Item label={t('calls:kind')}>
              <Select
                aria-label={t('calls:kind')}
                allowClear
                style={{ width: 160 }}
                placeholder={t('calls:allKinds')}
                value={kind}
                onChange={(v) => set({ kind: v })}
                options={KINDS.map((k) => ({ value: k, label: t(`calls:kinds.${k}`) }))}
                data-testid="calls-kind"
              />
            </Form.Item>
            <Form.Item label={t('calls:state')}>
              <Select
                aria-label={t('calls:state')}
                style={{ width: 120 }}
                value={stateParam === 'all' ? 'all' : (state ?? 'open')}
                onChange={(v) => set({ state: v === 'open' ? undefined : v })}
                options={[
                  { value: 'open', label: t('calls:states.open') },
                  { value: 'closed', label: t('calls:states.closed') },
                  { value: 'all', label: t('calls:allStates') },
                ]}
                data-testid="calls-state"
              />
            </Form.Item>
          </Form>
          <Typography.Text data-testid="calls-counts" aria-live="polite">
            {t('calls:counts', counts)}
          </Typography.Text>
          <ScrollRegion label={t('calls:title')}>
            <Table<CallTask>
              size="small"
              rowKey="id"
              data-testid="call-tasks"
              loading={list.isLoading}
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: filtered ? t('calls:noMatch') : t('calls:empty') }}
              onRow={(r) => ({ onClick: () => open(r.id), 'data-testid': `task-${r.reference}`, style: { cursor: 'pointer' } }) as React.HTMLAttributes<HTMLElement>}
              footer={() => (
                <Space>
                  <span>{t('calls:total', { count: rows.length })}</span>
                  <MoreButton query={list} />
                </Space>
              )}
              columns={[
                { title: t('calls:col.due'), key: 'due', render: (_v, r) => <DueCell task={r} lang={lang} /> },
                {
                  title: t('calls:col.customer'),
                  key: 'customer',
                  render: (_v, r) => <OpenLink onOpen={() => open(r.id)}>{r.customer_name.trim() || r.reference}</OpenLink>,
                },
                { title: t('calls:col.kind'), key: 'kind', render: (_v, r) => t(`calls:kinds.${r.kind}`) },
                { title: t('calls:col.reference'), key: 'reference', render: (_v, r) => r.reference },
                { title: t('calls:col.about'), key: 'about', responsive: ['lg'], render: (_v, r) => <Typography.Text ellipsis style={{ maxWidth: 260 }}>{r.about}</Typography.Text> },
                { title: t('calls:col.district'), key: 'district', responsive: ['md'], render: (_v, r) => r.district || '—' },
                { title: t('calls:col.assignee'), key: 'assignee', responsive: ['md'], render: (_v, r) => assigneeLabel(r.assignee, me?.account_id, t, name) },
                { title: t('calls:col.attempts'), key: 'attempts', align: 'right', responsive: ['sm'], render: (_v, r) => r.attempts.length },
              ]}
            />
          </ScrollRegion>
          {list.isError && <Typography.Text type="danger">{t('common:error', { detail: list.error.message })}</Typography.Text>}
        </Space>
      </Card>
      {params.has('task') && <CallDrawer />}
    </div>
  );
}
