// The daily reports (日报): the list of days, newest first, and one day's report to read
// and print: prominent customer problems, the callback sheet, the work-order statistics and
// the new customer contacts. The day is in the address (/manager/daily/2026-11-24).
import { Alert, Button, Card, Col, Empty, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { DailyReport } from './dashboards';
import { useDailyReports } from './queries';
import { usePrintSheet } from './usePrintSheet';
import { formatDateTime } from '../lib/format';
import { ScrollRegion } from '../lib/ScrollRegion';
import type { Lang } from '../i18n/langs';

function Report({ r }: { r: DailyReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const w = r.work_orders;
  const h2 = (text: string) => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{text}</Typography.Title>;
  const none = { emptyText: t('manager:daily.nothing') };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="daily-report">
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }} data-testid="daily-title">
        {t('manager:daily.of', { date: r.date })}
      </Typography.Title>
      <Typography.Text type="secondary">{t('manager:daily.generated', { at: formatDateTime(r.generated_at, lang) })}</Typography.Text>
      <Card size="small" title={h2(t('manager:daily.stats'))} data-testid="daily-stats">
        <Row gutter={[12, 12]}>
          {(
            [
              ['ticketsOpened', w.tickets_opened],
              ['visitsCompleted', w.visits_completed],
              ['callbacksAnswered', w.callbacks_answered],
              ['notReached', w.callbacks_not_reached],
              ['callbacksOpen', w.callbacks_open],
              ['repeatRepairs', w.repeat_repairs],
            ] as const
          ).map(([k, v]) => (
            <Col key={k} xs={12} md={4}>
              <Statistic title={t(`manager:daily.${k}`)} value={v} data-testid={`daily-${k}`} />
            </Col>
          ))}
        </Row>
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          <Col xs={24} md={12}>
            <Table size="small" pagination={false} title={() => t('manager:daily.byTechnician')} rowKey="technician_id" dataSource={w.by_technician} locale={none} data-testid="daily-technicians"
              columns={[{ key: 'n', dataIndex: 'technician_name', title: t('manager:daily.technician') }, { key: 'team', dataIndex: 'team', title: t('manager:col.group') }, { key: 'v', dataIndex: 'visits', title: t('manager:col.visits'), align: 'right' }]} />
          </Col>
          <Col xs={24} md={12}>
            <Table size="small" pagination={false} title={() => t('manager:daily.byDistrict')} rowKey="district" dataSource={w.by_district} locale={none} data-testid="daily-districts"
              columns={[{ key: 'd', dataIndex: 'district', title: t('manager:daily.district') }, { key: 't', dataIndex: 'tickets_opened', title: t('manager:daily.ticketsOpened'), align: 'right' }, { key: 'v', dataIndex: 'visits_completed', title: t('manager:daily.visitsCompleted'), align: 'right' }]} />
          </Col>
        </Row>
      </Card>
      <Card size="small" title={h2(t('manager:daily.problems'))} data-testid="daily-problems">
        <List size="small" header={t('manager:rankings.lowest')} dataSource={r.problems.callbacks.lowest_items} locale={none} renderItem={(i) => <List.Item>{i.key}: {(i.mean_milli / 1000).toFixed(3)} ({i.ratings})</List.Item>} />
        <List size="small" header={t('manager:rankings.comments')} dataSource={r.problems.callbacks.comments} locale={none} renderItem={(c) => <List.Item>{c}</List.Item>} />
        <List size="small" header={t('manager:rankings.repeats')} dataSource={r.problems.callbacks.repeat_repairs} locale={none} renderItem={(c) => <List.Item>{c}</List.Item>} />
        <ScrollRegion label={t('manager:daily.followUps')}>
          <Table size="small" pagination={false} title={() => t('manager:daily.followUps')} rowKey="followup_id" dataSource={r.problems.follow_ups} locale={none}
            columns={[
              { key: 'w', dataIndex: 'work_order_number', title: t('manager:daily.workOrder') },
              { key: 'c', dataIndex: 'customer_name', title: t('manager:daily.customer') },
              { key: 'a', dataIndex: 'agent', title: t('manager:daily.agent'), render: (v: string | null) => v ?? '—' },
              { key: 'r', dataIndex: 'reasons', title: t('manager:daily.reasons'), render: (v: string[]) => v.join('; ') },
            ]} />
        </ScrollRegion>
      </Card>
      <Card size="small" title={h2(t('manager:daily.sheet'))}>
        <ScrollRegion label={t('manager:daily.sheet')}>
          <Table size="small" pagination={false} rowKey="callback_id" dataSource={r.callback_sheet} locale={none} data-testid="daily-sheet"
            columns={[
              { key: 'w', dataIndex: 'work_order_number', title: t('manager:daily.workOrder') },
              { key: 'c', dataIndex: 'customer_name', title: t('manager:daily.customer') },
              { key: 'd', dataIndex: 'district', title: t('manager:daily.district') },
              { key: 't', dataIndex: 'technician_name', title: t('manager:daily.technician') },
              { key: 'o', dataIndex: 'outcome', title: t('manager:daily.outcome'), render: (v: string) => t(`manager:outcomes.${v}`) },
              { key: 's', dataIndex: 'overall_milli', title: t('manager:daily.overall'), align: 'right', render: (v: number | null) => (v === null ? '—' : (v / 1000).toFixed(3)) },
              { key: 'p', dataIndex: 'problem_persists', title: t('manager:daily.persists'), render: (v: boolean) => (v ? <Tag color="red">{t('manager:daily.yes')}</Tag> : t('manager:daily.no')) },
              { key: 'm', dataIndex: 'comment', title: t('manager:daily.comment') },
            ]} />
        </ScrollRegion>
      </Card>
      <Card size="small" title={h2(t('manager:daily.contacts'))}>
        <ScrollRegion label={t('manager:daily.contacts')}>
          <Table size="small" pagination={false} rowKey="task_id" dataSource={r.new_contacts} locale={none} data-testid="daily-contacts"
            columns={[
              { key: 'c', dataIndex: 'customer_name', title: t('manager:daily.customer') },
              { key: 'd', dataIndex: 'district', title: t('manager:daily.district') },
              { key: 'r', dataIndex: 'reference', title: t('manager:daily.reference') },
              { key: 'b', dataIndex: 'about', title: t('manager:daily.about') },
              { key: 'a', dataIndex: 'assignee', title: t('manager:daily.assignee') },
              { key: 'u', dataIndex: 'due_at', title: t('manager:daily.due'), render: (v: string) => formatDateTime(v, lang) },
              { key: 's', dataIndex: 'state', title: t('manager:daily.state'), render: (v: string) => t(`manager:daily.states.${v}`) },
              { key: 'l', dataIndex: 'last_attempt', title: t('manager:daily.lastAttempt'), render: (v: string | null) => (v ? t(`manager:daily.attempts.${v}`) : '—') },
              { key: 'x', dataIndex: 'result', title: t('manager:daily.result'), render: (v: string | null) => (v ? t(`manager:daily.results.${v}`) : '—') },
            ]} />
        </ScrollRegion>
      </Card>
    </Space>
  );
}

export default function DailyTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { date } = useParams();
  const q = useDailyReports();
  usePrintSheet();
  const items = q.data ?? [];
  const current = items.find((r) => r.date === date) ?? (date ? undefined : items[0]);
  return (
    <Row gutter={[12, 12]} data-testid="daily">
      <Col xs={24} md={6} className="no-print">
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('manager:daily.list')}</Typography.Title>}>
          {q.error && <Alert type="error" showIcon message={t('manager:loadFailed', { message: q.error.message })} />}
          <List
            size="small"
            loading={q.isLoading}
            dataSource={items}
            locale={{ emptyText: t('manager:daily.none') }}
            data-testid="daily-list"
            renderItem={(r) => (
              <List.Item>
                <Button type={r.date === current?.date ? 'primary' : 'link'} size="small" onClick={() => navigate(`/manager/daily/${r.date}`)} aria-current={r.date === current?.date ? 'page' : undefined}>
                  {r.date}
                </Button>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} md={18} className="manager-sheet">
        {current ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <div className="no-print">
              <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-daily">
                {t('manager:print')}
              </Button>
            </div>
            <Report r={current} />
          </Space>
        ) : (
          !q.isLoading && <Empty description={t('manager:daily.none')} />
        )}
      </Col>
    </Row>
  );
}
