// The dialogs of a receipt: a payment (cash, bank transfer, WeChat Pay, Alipay), the
// customer's IOU (欠条) and a credit note. Each checks what the OpenAPI document states;
// what only the service knows (more than is owed, a promised day too late) comes back on
// its field, and nothing typed is cleared. Each send carries an Idempotency-Key kept while
// the dialog is open, so sending again after a lost answer records nothing twice.
import { useEffect } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import { useSendDialog } from '../lib/sendDialog';
import type { Lang } from '../i18n/langs';
import { formatMoney } from '../lib/format';
import { PAYMENT_METHODS, amountProblem, toFen, toYuan, type Invoice, type PaymentMethod } from './cashier';
import { showProblem } from './forms';
import { useRefresh } from './queries';

/** An amount in yuan, checked as the API states it (more than zero, to the fen). */
export function useAmountRule() {
  const { t } = useTranslation();
  return {
    // Marks the field as required too; the validator says why an amount is refused.
    required: true,
    validator: (_r: unknown, v: number | null | undefined) => {
      const p = amountProblem(v);
      return p === null ? Promise.resolve() : Promise.reject(new Error(t(p === 'required' ? 'common:required' : `cashier:amount.${p}`)));
    },
  };
}

interface PaymentValues {
  method: PaymentMethod;
  amount: { amount_minor: number };
  reference?: string;
}

/** Records a payment of what a receipt owes. */
export function PaymentDialog({ invoice, onClose }: { invoice: Invoice | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<PaymentValues>();
  const d = useSendDialog(!!invoice);
  const amountRule = useAmountRule();
  const id = invoice?.id;
  useEffect(() => {
    if (!invoice) return;
    form.setFieldsValue({ method: 'cash', amount: { amount_minor: toYuan(invoice.outstanding.amount_minor) }, reference: '' });
    // Only opening resets the form: a refusal keeps what was typed.
  }, [id, form]);

  const submit = async (v: PaymentValues) => {
    if (!invoice) return;
    d.setBusy(true);
    d.setError(null);
    try {
      await must(
        api.POST('/api/v1/invoices/{id}/payments', {
          params: { path: { id: invoice.id }, header: { 'Idempotency-Key': d.key } },
          body: { method: v.method, amount: { amount_minor: toFen(v.amount.amount_minor), currency: invoice.outstanding.currency }, reference: v.reference?.trim() ?? '' },
        }),
      );
      void message.success(t('cashier:payment.done', { number: invoice.number }));
      refresh('invoices', 'invoice', 'receivables', 'cash-days');
      onClose();
    } catch (e) {
      d.failed(e);
      d.setError(showProblem(e, form, ['method', 'amount', 'amount.amount_minor', 'reference'], t));
    } finally {
      d.setBusy(false);
    }
  };

  return (
    <Modal open={!!invoice} title={invoice ? t('cashier:payment.title', { number: invoice.number }) : ''} onCancel={onClose} footer={null} destroyOnHidden data-testid="payment-dialog">
      <Form form={form} name="payment" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        {d.error && <Alert type="warning" showIcon message={d.error} style={{ marginBottom: 12 }} role="alert" data-testid="payment-error" />}
        {invoice && (
          <Typography.Paragraph>
            {t('cashier:payment.owed', { amount: formatMoney(invoice.outstanding.amount_minor, lang, invoice.outstanding.currency) })}
          </Typography.Paragraph>
        )}
        <Form.Item name="method" required label={t('cashier:payment.method')}>
          <Radio.Group options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`cashier:methods.${m}`) }))} />
        </Form.Item>
        <Form.Item name={['amount', 'amount_minor']} label={t('cashier:payment.amount')} rules={[amountRule]}>
          <InputNumber autoFocus prefix="¥" step={1} style={{ width: 180 }} data-testid="payment-amount" />
        </Form.Item>
        <Form.Item name="reference" label={t('cashier:payment.reference')} extra={t('cashier:payment.referenceHelp')} rules={[{ max: 100, message: t('common:tooLong', { max: 100 }) }]}>
          <Input maxLength={100} data-testid="payment-reference" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={d.busy} data-testid="payment-submit">
            {t('cashier:payment.submit')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

interface IouValues {
  signed_by: string;
  promised_on: Dayjs;
}

/** Records the customer's signed IOU for what a receipt owes, with the promised day. */
export function IouDialog({ invoice, onClose }: { invoice: Invoice | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<IouValues>();
  const d = useSendDialog(!!invoice);
  const id = invoice?.id;
  useEffect(() => {
    if (!invoice) return;
    form.resetFields();
  }, [id, form]);

  const submit = async (v: IouValues) => {
    if (!invoice) return;
    d.setBusy(true);
    d.setError(null);
    try {
      await must(
        api.POST('/api/v1/invoices/{id}/iou', {
          params: { path: { id: invoice.id }, header: { 'Idempotency-Key': d.key } },
          body: { signed_by: v.signed_by.trim(), promised_on: v.promised_on.format('YYYY-MM-DD') },
        }),
      );
      void message.success(t('cashier:iou.done', { number: invoice.number }));
      refresh('invoices', 'invoice', 'receivables');
      onClose();
    } catch (e) {
      d.failed(e);
      d.setError(showProblem(e, form, ['signed_by', 'promised_on'], t));
    } finally {
      d.setBusy(false);
    }
  };

  return (
    <Modal open={!!invoice} title={invoice ? t('cashier:iou.dialogTitle', { number: invoice.number }) : ''} onCancel={onClose} footer={null} destroyOnHidden data-testid="iou-dialog">
      <Form form={form} name="iou" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        {d.error && <Alert type="warning" showIcon message={d.error} style={{ marginBottom: 12 }} role="alert" />}
        <Form.Item name="signed_by" label={t('cashier:iou.signedBy')} rules={[{ required: true, whitespace: true, message: t('common:required') }, { max: 100, message: t('common:tooLong', { max: 100 }) }]}>
          <Input autoFocus maxLength={100} />
        </Form.Item>
        <Form.Item name="promised_on" label={t('cashier:iou.promisedOn')} extra={t('cashier:iou.promisedHelp')} rules={[{ required: true, message: t('common:required') }]}>
          <DatePicker />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={d.busy} data-testid="iou-submit">
            {t('cashier:iou.submit')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

interface CreditValues {
  amount: { amount_minor: number };
  reason: string;
}

/** Issues a credit note (红字冲销) against a receipt: at most what it still owes. */
export function CreditNoteDialog({ invoice, onClose }: { invoice: Invoice | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<CreditValues>();
  const d = useSendDialog(!!invoice);
  const amountRule = useAmountRule();
  const id = invoice?.id;
  useEffect(() => {
    if (!invoice) return;
    form.resetFields();
  }, [id, form]);

  const submit = async (v: CreditValues) => {
    if (!invoice) return;
    d.setBusy(true);
    d.setError(null);
    try {
      const note = await must(
        api.POST('/api/v1/invoices/{id}/credit-notes', {
          params: { path: { id: invoice.id }, header: { 'Idempotency-Key': d.key } },
          body: { amount: { amount_minor: toFen(v.amount.amount_minor), currency: invoice.outstanding.currency }, reason: v.reason.trim() },
        }),
      );
      void message.success(t('cashier:credit.done', { number: note.number }));
      refresh('invoices', 'invoice', 'receivables');
      onClose();
    } catch (e) {
      d.failed(e);
      d.setError(showProblem(e, form, ['amount', 'amount.amount_minor', 'reason'], t));
    } finally {
      d.setBusy(false);
    }
  };

  return (
    <Modal open={!!invoice} title={invoice ? t('cashier:credit.title', { number: invoice.number }) : ''} onCancel={onClose} footer={null} destroyOnHidden data-testid="credit-dialog">
      <Form form={form} name="credit" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        {d.error && <Alert type="warning" showIcon message={d.error} style={{ marginBottom: 12 }} role="alert" />}
        {invoice && <Typography.Paragraph>{t('cashier:credit.help', { amount: formatMoney(invoice.outstanding.amount_minor, lang, invoice.outstanding.currency) })}</Typography.Paragraph>}
        <Form.Item name={['amount', 'amount_minor']} label={t('cashier:payment.amount')} rules={[amountRule]}>
          <InputNumber autoFocus prefix="¥" step={1} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('cashier:credit.reason')} rules={[{ required: true, whitespace: true, message: t('common:required') }, { max: 500, message: t('common:tooLong', { max: 500 }) }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={d.busy} data-testid="credit-submit">
            {t('cashier:credit.submit')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
