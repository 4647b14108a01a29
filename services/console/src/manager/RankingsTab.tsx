// The weekly and monthly rankings of technicians and agents with their prominent problems,
// the latest by default and any earlier one chosen by its period, printable as the seeds post them.
import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, List, Row, Select, Space, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { rankingTable, type Cell, type Ranking } from './dashboards';
import { useRankings } from './queries';
import { usePrintSheet } from './usePrintSheet';
import { ScrollRegion } from '../lib/ScrollRegion';

function Lines({ title, lines, id }: { title: string; lines: Ranking['technicians']; id: string }) {
  const { t } = useTranslation();
  const data = rankingTable(lines);
  return (
    <ScrollRegion label={title}>
      <Table<Record<string, Cell>>
        size="small"
        data-testid={id}
        title={() => <Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>{title}</Typography.Title>}
        pagination={false}
        rowKey={(r) => `${String(r.rank)}-${String(r.name)}`}
        dataSource={data.rows}
        columns={data.columns.map((c) => ({ key: c, dataIndex: c, title: t(`manager:col.${c}`) }))}
      />
    </ScrollRegion>
  );
}

function RankingCard({ kind }: { kind: 'weekly' | 'monthly' }) {
  const { t } = useTranslation();
  const q = useRankings(kind);
  const [chosen, setChosen] = useState<string>();
  const all = q.data ?? [];
  const r = all.find((x) => x.id === chosen) ?? all[0] ?? null;
  const period = (x: Ranking) => t('manager:rankings.periodOf', { from: x.period_start, to: x.period_end });
  return (
    <Card
      size="small"
      className="print-section"
      data-testid={`ranking-${kind}`}
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t(`manager:rankings.${kind}`)}
          {r && <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 13 }} data-testid={`ranking-${kind}-shown`}>{period(r)}</Typography.Text>}
        </Typography.Title>
      }
    >
      {q.error && <Alert type="error" showIcon message={t('manager:loadFailed', { message: q.error.message })} />}
      {!q.isLoading && !r && <Empty description={t('manager:rankings.none')} />}
      {r && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {all.length > 1 && (
            <Select
              className="no-print"
              aria-label={t('manager:rankings.period')}
              data-testid={`ranking-${kind}-period`}
              value={r.id}
              onChange={setChosen}
              style={{ width: '100%', maxWidth: 320 }}
              options={all.map((x) => ({ value: x.id, label: period(x) }))}
            />
          )}
          <Lines title={t('manager:rankings.technicians')} lines={r.technicians} id={`ranking-${kind}-technicians`} />
          <Lines title={t('manager:rankings.agents')} lines={r.agents} id={`ranking-${kind}-agents`} />
          <Typography.Title level={3} style={{ fontSize: 14 }}>{t('manager:rankings.problems')}</Typography.Title>
          <List size="small" header={t('manager:rankings.lowest')} dataSource={r.problems.lowest_items} locale={{ emptyText: t('manager:daily.nothing') }} renderItem={(i) => <List.Item>{i.key}: {(i.mean_milli / 1000).toFixed(3)} ({i.ratings})</List.Item>} />
          <List size="small" header={t('manager:rankings.comments')} dataSource={r.problems.comments} locale={{ emptyText: t('manager:daily.nothing') }} renderItem={(c) => <List.Item>{c}</List.Item>} />
          <List size="small" header={t('manager:rankings.repeats')} dataSource={r.problems.repeat_repairs} locale={{ emptyText: t('manager:daily.nothing') }} renderItem={(c) => <List.Item>{c}</List.Item>} />
        </Space>
      )}
    </Card>
  );
}

export default function RankingsTab() {
  const { t } = useTranslation();
  usePrintSheet();
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rankings" className="manager-sheet">
      <div className="no-print">
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-rankings">
          {t('manager:print')}
        </Button>
      </div>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <RankingCard kind="weekly" />
        </Col>
        <Col xs={24} xl={12}>
          <RankingCard kind="monthly" />
        </Col>
      </Row>
    </Space>
  );
}
