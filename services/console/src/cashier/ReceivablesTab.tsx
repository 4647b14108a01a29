// Receivables (应收帐款) by ageing bucket on a day, and the weekly chase list: the receipts
// billing chased in a week, by agent and district (ChaseListCard). A receipt number opens it.
import { Alert, Card, Col, DatePicker, Form, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useParamSetter } from '../lib/listSearch';
import type { Lang } from '../i18n/langs';
import { formatDate, formatMoney } from '../lib/format';
import { TONE } from '../lib/colors';
import { ScrollRegion } from '../lib/ScrollRegion';
import { OpenLink } from '../lib/ListParts';
import { bucketTotals, localDay, type AgeBucket, type Receivable } from './cashier';
import ChaseListCard from './ChaseListCard';
import { useReceivables } from './queries';

const BUCKET_TONE: Record<AgeBucket, string | undefined> = {
  days0_to30: undefined,
  days31_to60: TONE.info,
  days61_to90: TONE.warning,
  over90: TONE.danger,
};

export default function ReceivablesTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const set = useParamSetter();
  const asOf = params.get('as_of') ?? localDay();
  const q = useReceivables(asOf);
  const report = q.data;
  const open = (number: string) => navigate(`/cashier?receipt=${encodeURIComponent(number)}`);
  const columns = [
    { title: t('cashier:receipt.number'), key: 'number', render: (_v: unknown, r: Receivable) => <OpenLink onOpen={() => open(r.number)}>{r.number}</OpenLink> },
    { title: t('cashier:receipt.customer'), key: 'customer', render: (_v: unknown, r: Receivable) => r.customer_name },
    { title: t('cashier:ageing.issuedOn'), key: 'issued', render: (_v: unknown, r: Receivable) => formatDate(r.issued_on, lang) },
    { title: t('cashier:ageing.age'), key: 'age', align: 'right' as const, render: (_v: unknown, r: Receivable) => t('cashier:ageing.days', { count: r.age_days }) },
    {
      title: t('cashier:ageing.bucket'),
      key: 'bucket',
      render: (_v: unknown, r: Receivable) => (
        <Tag color={BUCKET_TONE[r.bucket]} style={{ marginInlineEnd: 0 }}>
          {t(`cashier:ageing.buckets.${r.bucket}`)}
        </Tag>
      ),
    },
    { title: t('cashier:receipt.outstanding'), key: 'owed', align: 'right' as const, render: (_v: unknown, r: Receivable) => formatMoney(r.outstanding.amount_minor, lang, r.outstanding.currency) },
    { title: t('cashier:ageing.iou'), key: 'iou', render: (_v: unknown, r: Receivable) => (r.iou_promised_on ? formatDate(r.iou_promised_on, lang) : '—') },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form layout="inline" aria-label={t('cashier:ageing.filters')}>
          <Form.Item label={t('cashier:ageing.asOf')}>
            <DatePicker
              aria-label={t('cashier:ageing.asOf')}
              allowClear={false}
              value={dayjs(asOf)}
              onChange={(d) => {
                if (d) set({ as_of: d.format('YYYY-MM-DD') });
              }}
            />
          </Form.Item>
        </Form>
      </Card>
      {q.isError && <Alert type="error" showIcon message={t('common:error', { detail: q.error.message })} />}
      <Row gutter={[12, 12]} data-testid="buckets">
        {(report ? bucketTotals(report) : []).map((b) => (
          <Col key={b.bucket} xs={12} md={6}>
            <Card size="small" data-testid={`bucket-${b.bucket}`}>
              <Statistic title={t(`cashier:ageing.buckets.${b.bucket}`)} value={formatMoney(b.owed_minor, lang)} />
              <Typography.Text type="secondary">{t('cashier:ageing.receipts', { count: b.receipts })}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <ChaseListCard />
      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('cashier:ageing.all')}</Typography.Title>}>
        <ScrollRegion label={t('cashier:ageing.all')}>
          <Table<Receivable> size="small" rowKey="number" data-testid="receivables" loading={q.isLoading} dataSource={report?.items ?? []} pagination={false} locale={{ emptyText: t('cashier:ageing.none') }} columns={columns} />
        </ScrollRegion>
      </Card>
    </Space>
  );
}
