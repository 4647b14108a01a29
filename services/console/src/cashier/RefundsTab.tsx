// Refunds (退款) for approved returns: due first, then paid; paying one records how and how
// much at the version read (If-Match), once.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useParamSetter } from '../lib/listSearch';
import { api, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDateTime, formatMoney } from '../lib/format';
import { TONE } from '../lib/colors';
import { useCan } from '../shell/permissions';
import { ScrollRegion } from '../lib/ScrollRegion';
import { PAYMENT_METHODS, toFen, type PaymentMethod, type Refund, type RefundStatus } from './cashier';
import { showProblem } from './forms';
import { useAmountRule } from './ReceiptDialogs';
import { useRefresh, useRefunds } from './queries';

export default function RefundsTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [params] = useSearchParams();
  const set = useParamSetter();
  const status = (params.get('status') as RefundStatus | null) ?? 'due';
  const q = useRefunds(status);
  const canPay = useCan('payRefund');
  const [paying, setPaying] = useState<Refund | null>(null);
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Form layout="inline" aria-label={t('cashier:refunds.filters')}>
          <Form.Item label={t('cashier:refunds.state')}>
            <Select
              aria-label={t('cashier:refunds.state')}
              style={{ width: 140 }}
              value={status}
              onChange={(v) => {
                set({ status: v });
              }}
              options={(['due', 'paid'] as const).map((s) => ({ value: s, label: t(`cashier:refunds.states.${s}`) }))}
            />
          </Form.Item>
        </Form>
        <ScrollRegion label={t('cashier:tab.refunds')}>
          <Table<Refund>
            size="small"
            rowKey="id"
            data-testid="refunds"
            loading={q.isLoading}
            dataSource={q.data ?? []}
            pagination={false}
            locale={{ emptyText: t('cashier:refunds.none') }}
            columns={[
              { title: t('cashier:refunds.ticket'), key: 'ticket', render: (_v, r) => r.ticket_number },
              { title: t('cashier:receipt.customer'), key: 'customer', render: (_v, r) => r.customer_name },
              { title: t('cashier:refunds.machine'), key: 'machine', render: (_v, r) => `${r.machine.brand} ${r.machine.model} · ${r.machine.serial}` },
              { title: t('cashier:refunds.reason'), key: 'reason', render: (_v, r) => t(`cashier:refunds.reasons.${r.reason}`) },
              { title: t('cashier:refunds.approvedAt'), key: 'approved', responsive: ['md'], render: (_v, r) => formatDateTime(r.approved_at, lang) },
              {
                title: t('cashier:refunds.state'),
                key: 'status',
                render: (_v, r) => (
                  <Tag color={r.status === 'paid' ? TONE.success : TONE.warning} style={{ marginInlineEnd: 0 }}>
                    {t(`cashier:refunds.states.${r.status}`)}
                  </Tag>
                ),
              },
              { title: t('cashier:refunds.amount'), key: 'amount', align: 'right', render: (_v, r) => (r.amount ? `${formatMoney(r.amount.amount_minor, lang, r.amount.currency)} · ${r.method ? t(`cashier:methods.${r.method}`) : ''}` : '—') },
              ...(canPay
                ? [
                    {
                      title: t('cashier:actions'),
                      key: 'actions',
                      render: (_v: unknown, r: Refund) =>
                        r.status === 'due' ? (
                          <Button size="small" type="primary" onClick={() => setPaying(r)} data-testid="pay-refund">
                            {t('cashier:refunds.pay')}
                          </Button>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        </ScrollRegion>
        {q.isError && <Alert type="error" showIcon message={t('common:error', { detail: q.error.message })} />}
      </Space>
      <PayRefundDialog refund={paying} onClose={() => setPaying(null)} />
    </Card>
  );
}

interface PayValues {
  method: PaymentMethod;
  amount: { amount_minor: number };
  reference?: string;
}

function PayRefundDialog({ refund, onClose }: { refund: Refund | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const amountRule = useAmountRule();
  const [form] = Form.useForm<PayValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = !!refund;
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue({ method: 'bank_transfer', amount: { amount_minor: undefined as unknown as number }, reference: '' });
  }, [open, form]);
  const submit = async (v: PayValues) => {
    if (!refund) return;
    setBusy(true);
    setError(null);
    try {
      await must(
        api.POST('/api/v1/refunds/{id}/payment', {
          params: { path: { id: refund.id }, header: { 'If-Match': `"${refund.version}"` } },
          body: { method: v.method, amount: { amount_minor: toFen(v.amount.amount_minor), currency: 'CNY' }, reference: v.reference?.trim() ?? '' },
        }),
      );
      void message.success(t('cashier:refunds.paid', { ticket: refund.ticket_number }));
      refresh('refunds');
      onClose();
    } catch (e) {
      setError(showProblem(e, form, ['method', 'amount', 'amount.amount_minor', 'reference'], t));
      refresh('refunds');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={refund ? t('cashier:refunds.payTitle', { ticket: refund.ticket_number }) : ''} onCancel={onClose} footer={null} destroyOnHidden data-testid="refund-dialog">
      <Form form={form} name="refund" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
        <Form.Item name="method" required label={t('cashier:payment.method')}>
          <Radio.Group options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`cashier:methods.${m}`) }))} />
        </Form.Item>
        <Form.Item name={['amount', 'amount_minor']} label={t('cashier:payment.amount')} rules={[amountRule]}>
          <InputNumber autoFocus prefix="¥" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="reference" label={t('cashier:payment.reference')} rules={[{ max: 100, message: t('common:tooLong', { max: 100 }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('cashier:refunds.pay')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
