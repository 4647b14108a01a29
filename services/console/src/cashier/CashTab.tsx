// The technicians' cash day (现金日结): per technician and day, what the visits say was
// collected against what was counted; a count is recorded once, and a variance waits for a
// manager's approval with the reason it is accepted.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useParamSetter } from '../lib/listSearch';
import { api, idempotencyKey, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDateTime, formatMoney } from '../lib/format';
import { useDisplayNames } from '../lib/displayNames';
import { TONE } from '../lib/colors';
import { useCan } from '../shell/permissions';
import { ScrollRegion } from '../lib/ScrollRegion';
import { cashStanding, localDay, toFen, variance, type CashDay } from './cashier';
import { showProblem } from './forms';
import { useAmountRule } from './ReceiptDialogs';
import { useCashDays, useRefresh } from './queries';
import { CashTag } from './tags';

export default function CashTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [params] = useSearchParams();
  const set = useParamSetter();
  const day = params.get('day') ?? localDay();
  const q = useCashDays(day);
  const name = useDisplayNames((q.data ?? []).map((r) => r.reconciliation?.approved_by));
  const canReconcile = useCan('reconcileCash');
  const canApprove = useCan('approveCashVariance');
  const [counting, setCounting] = useState<CashDay | null>(null);
  const [approving, setApproving] = useState<CashDay | null>(null);
  const m = (x: { amount_minor: number; currency: string }) => formatMoney(x.amount_minor, lang, x.currency);
  const signedMoney = (fen: number, currency: string) => (fen > 0 ? '+' : '') + formatMoney(fen, lang, currency);

  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Form layout="inline" aria-label={t('cashier:cash.filters')}>
          <Form.Item label={t('cashier:cash.day')}>
            <DatePicker
              aria-label={t('cashier:cash.day')}
              allowClear={false}
              value={dayjs(day)}
              disabledDate={(d) => d.format('YYYY-MM-DD') > localDay()}
              onChange={(d) => {
                if (d) set({ day: d.format('YYYY-MM-DD') });
              }}
              data-testid="cash-day"
            />
          </Form.Item>
        </Form>
        <ScrollRegion label={t('cashier:tab.cash')}>
          <Table<CashDay>
            size="small"
            rowKey="technician_id"
            data-testid="cash-days"
            loading={q.isLoading}
            dataSource={q.data ?? []}
            pagination={false}
            locale={{ emptyText: t('cashier:cash.none') }}
            onRow={(r) => ({ 'data-testid': `cash-${r.technician_name}` }) as React.HTMLAttributes<HTMLElement>}
            expandable={{
              expandedRowRender: (r) => (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {r.collections.map((c, i) => (
                    <li key={i}>
                      {t('cashier:cash.collection', { workOrder: c.work_order_number, receipt: c.receipt_number ?? '—', amount: m(c.amount), at: formatDateTime(c.at, lang) })}
                    </li>
                  ))}
                  {r.reconciliation?.note && <li>{t('cashier:cash.noteText', { note: r.reconciliation.note })}</li>}
                  {r.reconciliation?.approval_note && <li>{t('cashier:cash.approvalText', { note: r.reconciliation.approval_note, by: name(r.reconciliation.approved_by) })}</li>}
                </ul>
              ),
            }}
            columns={[
              { title: t('cashier:cash.technician'), key: 'name', render: (_v, r) => r.technician_name },
              { title: t('cashier:cash.collections'), key: 'count', align: 'right', responsive: ['sm'], render: (_v, r) => r.collections.length },
              { title: t('cashier:cash.expected'), key: 'expected', align: 'right', render: (_v, r) => m(r.expected) },
              { title: t('cashier:cash.counted'), key: 'counted', align: 'right', render: (_v, r) => (r.reconciliation ? m(r.reconciliation.counted) : '—') },
              {
                title: t('cashier:cash.variance'),
                key: 'variance',
                align: 'right',
                render: (_v, r) =>
                  r.reconciliation ? (
                    <span style={{ color: r.reconciliation.variance.amount_minor === 0 ? undefined : TONE.danger }} data-testid="cash-variance">
                      {signedMoney(r.reconciliation.variance.amount_minor, r.reconciliation.variance.currency)}
                    </span>
                  ) : (
                    '—'
                  ),
              },
              { title: t('cashier:cash.standing'), key: 'standing', render: (_v, r) => <CashTag standing={cashStanding(r)} /> },
              {
                title: t('cashier:actions'),
                key: 'actions',
                render: (_v, r) => (
                  <Space size={4}>
                    {canReconcile && !r.reconciliation && (
                      <Button size="small" type="primary" onClick={() => setCounting(r)} data-testid="reconcile" aria-label={t('cashier:cash.reconcileFor', { name: r.technician_name })}>
                        {t('cashier:cash.reconcile')}
                      </Button>
                    )}
                    {canApprove && r.reconciliation?.status === 'awaiting_approval' && (
                      <Button size="small" type="primary" onClick={() => setApproving(r)} data-testid="approve-variance" aria-label={t('cashier:cash.approveFor', { name: r.technician_name })}>
                        {t('cashier:cash.approve')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </ScrollRegion>
        {q.isError && <Alert type="error" showIcon message={t('common:error', { detail: q.error.message })} />}
      </Space>
      <ReconcileDialog day={counting} onClose={() => setCounting(null)} />
      <ApproveDialog day={approving} onClose={() => setApproving(null)} />
    </Card>
  );
}

interface CountValues {
  counted: { amount_minor: number };
  note?: string;
}

function ReconcileDialog({ day, onClose }: { day: CashDay | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const refresh = useRefresh();
  const amountRule = useAmountRule();
  const [form] = Form.useForm<CountValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(idempotencyKey);
  const counted = Form.useWatch(['counted', 'amount_minor'], form);
  const open = !!day;
  useEffect(() => {
    if (!open) return;
    setError(null);
    setKey(idempotencyKey());
    form.resetFields();
  }, [open, form]);
  const diff = day ? variance(day.expected.amount_minor, counted) : null;

  const submit = async (v: CountValues) => {
    if (!day) return;
    setBusy(true);
    setError(null);
    try {
      const rec = await must(
        api.POST('/api/v1/cash-reconciliations', {
          params: { header: { 'Idempotency-Key': key } },
          body: { technician_id: day.technician_id, day: day.day, counted: { amount_minor: toFen(v.counted.amount_minor), currency: day.expected.currency }, note: v.note?.trim() ?? '' },
        }),
      );
      void message.success(t(rec.status === 'balanced' ? 'cashier:cash.balancedDone' : 'cashier:cash.varianceDone', { name: day.technician_name }));
      refresh('cash-days');
      onClose();
    } catch (e) {
      setError(showProblem(e, form, ['counted', 'counted.amount_minor', 'note'], t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={day ? t('cashier:cash.reconcileTitle', { name: day.technician_name, day: day.day }) : ''} onCancel={onClose} footer={null} destroyOnHidden data-testid="reconcile-dialog">
      <Form form={form} name="reconcile" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
        {day && <Typography.Paragraph>{t('cashier:cash.expectedText', { amount: formatMoney(day.expected.amount_minor, lang, day.expected.currency), count: day.collections.length })}</Typography.Paragraph>}
        <Form.Item name={['counted', 'amount_minor']} label={t('cashier:cash.counted')} rules={[amountRule]} extra={diff !== null && day ? <span data-testid="live-variance">{t('cashier:cash.varianceText', { amount: (diff > 0 ? '+' : '') + formatMoney(diff, lang, day.expected.currency) })}</span> : undefined}>
          <InputNumber autoFocus prefix="¥" min={0} style={{ width: 180 }} data-testid="counted" />
        </Form.Item>
        <Form.Item name="note" label={t('cashier:cash.note')} rules={[{ max: 500, message: t('common:tooLong', { max: 500 }) }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="reconcile-submit">
            {t('cashier:cash.submit')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

function ApproveDialog({ day, onClose }: { day: CashDay | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(idempotencyKey);
  const open = !!day;
  useEffect(() => {
    if (!open) return;
    setError(null);
    setKey(idempotencyKey());
    form.resetFields();
  }, [open, form]);
  const rec = day?.reconciliation;
  const name = useDisplayNames([rec?.counted_by]);
  const submit = async (v: { note: string }) => {
    if (!day || !rec) return;
    setBusy(true);
    setError(null);
    try {
      await must(api.POST('/api/v1/cash-reconciliations/{id}/approval', { params: { path: { id: rec.id }, header: { 'Idempotency-Key': key } }, body: { note: v.note.trim() } }));
      void message.success(t('cashier:cash.approved', { name: day.technician_name }));
      refresh('cash-days');
      onClose();
    } catch (e) {
      setError(showProblem(e, form, ['note'], t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={day ? t('cashier:cash.approveTitle', { name: day.technician_name, day: day.day }) : ''} onCancel={onClose} footer={null} destroyOnHidden data-testid="approve-dialog">
      <Form form={form} name="approve" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
        {rec && (
          <Typography.Paragraph>
            {t('cashier:cash.approveText', { expected: formatMoney(rec.expected.amount_minor, lang, rec.expected.currency), counted: formatMoney(rec.counted.amount_minor, lang, rec.counted.currency), variance: formatMoney(rec.variance.amount_minor, lang, rec.variance.currency), by: name(rec.counted_by) })}
          </Typography.Paragraph>
        )}
        <Form.Item name="note" label={t('cashier:cash.approvalNote')} rules={[{ required: true, whitespace: true, message: t('common:required') }, { max: 500, message: t('common:tooLong', { max: 500 }) }]}>
          <Input.TextArea autoFocus rows={2} maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="approve-submit">
            {t('cashier:cash.approve')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
