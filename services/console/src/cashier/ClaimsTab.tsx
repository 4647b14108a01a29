// Manufacturer claims (厂家索赔) per brand through their states: a draft gathers the lines
// the brand's warranty covered, is submitted with the brand's fields, then approved or
// rejected by the brand and finally paid. Each move sends the version read (If-Match).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDateTime, formatMoney } from '../lib/format';
import { useCan } from '../shell/permissions';
import { ScrollRegion } from '../lib/ScrollRegion';
import { CLAIM_STATES, nextClaimStates, toFen, type Claim, type ClaimStatus } from './cashier';
import { showProblem } from './forms';
import { useAmountRule } from './ReceiptDialogs';
import { useClaims, useRefresh } from './queries';
import { ClaimTag } from './tags';

export default function ClaimsTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as ClaimStatus | null) ?? undefined;
  const brand = params.get('brand') ?? '';
  const [text, setText] = useState(brand);
  const q = useClaims(status, brand);
  const canMove = useCan('transitionClaim');
  const [step, setStep] = useState<{ claim: Claim; to: ClaimStatus } | null>(null);
  const set = (k: string, v: string | undefined) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    setParams(p);
  };
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Form layout="inline" aria-label={t('cashier:claims.filters')} style={{ rowGap: 8 }}>
          <Form.Item label={t('cashier:claims.brand')} htmlFor="claim-brand">
            <Input.Search id="claim-brand" allowClear value={text} onChange={(e) => setText(e.target.value)} onSearch={(v) => set('brand', v.trim() || undefined)} enterButton={t('common:search')} style={{ width: 'min(260px, calc(100vw - 120px))' }} />
          </Form.Item>
          <Form.Item label={t('cashier:claims.state')}>
            <Select
              aria-label={t('cashier:claims.state')}
              allowClear
              style={{ width: 140 }}
              placeholder={t('cashier:receipts.allStates')}
              value={status}
              onChange={(v) => set('status', v)}
              options={CLAIM_STATES.map((s) => ({ value: s, label: t(`cashier:claims.states.${s}`) }))}
            />
          </Form.Item>
        </Form>
        <ScrollRegion label={t('cashier:tab.claims')}>
          <Table<Claim>
            size="small"
            rowKey="id"
            data-testid="claims"
            loading={q.isLoading}
            dataSource={q.data ?? []}
            pagination={false}
            locale={{ emptyText: t('cashier:claims.none') }}
            expandable={{
              expandedRowRender: (c) => (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {c.lines.map((l, i) => (
                    <li key={i}>
                      {l.receipt_number} · {l.machine.model} {l.machine.serial} · {l.description} × {l.quantity} · {formatMoney(l.amount.amount_minor, lang, l.amount.currency)}
                    </li>
                  ))}
                  {Object.entries(c.fields ?? {}).map(([k, v]) => (
                    <li key={k}>
                      {k}: {v}
                    </li>
                  ))}
                  {c.note && <li>{t('cashier:claims.noteText', { note: c.note })}</li>}
                </ul>
              ),
            }}
            columns={[
              { title: t('cashier:claims.number'), key: 'number', render: (_v, c) => <Typography.Text strong>{c.number}</Typography.Text> },
              { title: t('cashier:claims.brand'), key: 'brand', render: (_v, c) => c.brand },
              { title: t('cashier:claims.lines'), key: 'lines', align: 'right', render: (_v, c) => c.lines.length },
              { title: t('cashier:claims.total'), key: 'total', align: 'right', render: (_v, c) => formatMoney(c.total.amount_minor, lang, c.total.currency) },
              { title: t('cashier:claims.paid'), key: 'paid', align: 'right', render: (_v, c) => (c.paid ? formatMoney(c.paid.amount_minor, lang, c.paid.currency) : '—') },
              { title: t('cashier:claims.state'), key: 'status', render: (_v, c) => <ClaimTag status={c.status} /> },
              { title: t('cashier:claims.updated'), key: 'updated', responsive: ['md'], render: (_v, c) => formatDateTime(c.updated_at, lang) },
              ...(canMove
                ? [
                    {
                      title: t('cashier:actions'),
                      key: 'actions',
                      render: (_v: unknown, c: Claim) => (
                        <Space size={4} wrap>
                          {nextClaimStates(c.status).map((to) => (
                            <Button key={to} size="small" danger={to === 'rejected'} onClick={() => setStep({ claim: c, to })} data-testid={`claim-${to}`}>
                              {t(`cashier:claims.step.${to}`)}
                            </Button>
                          ))}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </ScrollRegion>
        {q.isError && <Alert type="error" showIcon message={t('common:error', { detail: q.error.message })} />}
      </Space>
      <StepDialog step={step} onClose={() => setStep(null)} />
    </Card>
  );
}

interface StepValues {
  note?: string;
  amount?: { amount_minor: number };
}

function StepDialog({ step, onClose }: { step: { claim: Claim; to: ClaimStatus } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const amountRule = useAmountRule();
  const [form] = Form.useForm<StepValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = !!step;
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form]);
  const submit = async (v: StepValues) => {
    if (!step) return;
    setBusy(true);
    setError(null);
    try {
      const c = await must(
        api.POST('/api/v1/claims/{id}/transitions', {
          params: { path: { id: step.claim.id }, header: { 'If-Match': `"${step.claim.version}"` } },
          body: { to: step.to, note: v.note?.trim() ?? '', ...(step.to === 'paid' && v.amount ? { amount: { amount_minor: toFen(v.amount.amount_minor), currency: step.claim.total.currency } } : {}) },
        }),
      );
      void message.success(t('cashier:claims.moved', { number: c.number, state: t(`cashier:claims.states.${c.status}`) }));
      refresh('claims');
      onClose();
    } catch (e) {
      setError(showProblem(e, form, ['note', 'amount', 'amount.amount_minor'], t));
      refresh('claims');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={step ? t('cashier:claims.stepTitle', { number: step.claim.number, step: t(`cashier:claims.step.${step.to}`) }) : ''} onCancel={onClose} footer={null} destroyOnHidden data-testid="claim-dialog">
      <Form form={form} name="claim" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
        {step?.to === 'paid' && (
          <Form.Item name={['amount', 'amount_minor']} label={t('cashier:claims.paidAmount')} rules={[amountRule]}>
            <InputNumber autoFocus prefix="¥" style={{ width: 180 }} />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t('cashier:claims.note')}
          rules={[...(step?.to === 'rejected' ? [{ required: true, whitespace: true, message: t('common:required') }] : []), { max: 500, message: t('common:tooLong', { max: 500 }) }]}
        >
          <Input.TextArea autoFocus={step?.to !== 'paid'} rows={2} maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" danger={step?.to === 'rejected'} htmlType="submit" loading={busy} data-testid="claim-submit">
            {step ? t(`cashier:claims.step.${step.to}`) : ''}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
