// A dashboard panel: the chart, the same numbers as a table, and the report's CSV export.
import { Alert, Button, Card, Empty, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import EChart from './EChart';
import { chartOption, type Cell, type Chart, type Table as Data } from './dashboards';
import { ScrollRegion } from '../lib/ScrollRegion';

/** What a panel shows and where its CSV comes from. */
export interface PanelProps {
  id: string;
  title: string;
  chart?: Chart;
  table?: Data;
  loading: boolean;
  error?: Error | null;
  /** Downloads the report as CSV (the same query as the JSON). */
  csv?: () => Promise<Blob>;
  /** Translates a category, series or cell code (a priority, a bucket…). */
  label?: (key: string) => string;
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

export default function ReportPanel({ id, title, chart, table, loading, error, csv, label = (k) => k }: PanelProps) {
  const { t } = useTranslation();
  const [csvError, setCsvError] = useState<string | null>(null);
  const option = useMemo(() => (chart ? chartOption(chart, (k) => label(k)) : null), [chart, label]);
  const empty = !loading && !error && table !== undefined && table.rows.length === 0;
  const head = <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{title}</Typography.Title>;
  return (
    <Card
      size="small"
      title={head}
      data-testid={`panel-${id}`}
      extra={
        csv && (
          <Button
            size="small"
            icon={<DownloadOutlined />}
            data-testid={`csv-${id}`}
            onClick={() => {
              setCsvError(null);
              csv()
                .then((b) => save(b, `${id}.csv`))
                .catch((e: Error) => setCsvError(e.message));
            }}
          >
            {t('manager:csv')}
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon message={t('manager:loadFailed', { message: error.message })} />}
      {csvError && <Alert type="error" showIcon closable message={t('manager:csvFailed', { message: csvError })} />}
      {empty ? (
        <Empty description={t('manager:empty')} />
      ) : (
        <>
          {option && chart && chart.categories.length > 0 && <EChart option={option} label={t('manager:chart', { title })} testId={`chart-${id}`} />}
          {table && (
            <ScrollRegion label={`${title} — ${t('manager:table')}`}>
              <Table<Record<string, Cell>>
                size="small"
                data-testid={`table-${id}`}
                loading={loading}
                pagination={false}
                rowKey={(r) => table.columns.map((c) => String(r[c])).join('|')}
                dataSource={table.rows}
                columns={table.columns.map((c) => ({
                  key: c,
                  dataIndex: c,
                  title: t(`manager:col.${c}`),
                  align: typeof table.rows[0]?.[c] === 'number' ? ('right' as const) : undefined,
                  render: (v: Cell) => (v === null ? '—' : typeof v === 'string' ? label(v) : v),
                }))}
              />
            </ScrollRegion>
          )}
        </>
      )}
    </Card>
  );
}
