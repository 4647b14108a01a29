// Manufacturer claims (厂家索赔) per brand through their states: a draft gathers the lines
// the brand's warranty covered, is submitted with the brand's fields, then approved or
// rejected by the brand and finally paid. Each move sends the version read (If-Match). A
// draft's fields are filled in on a form showing those its brand requires (the claim
// requirements setting), checked before anything is sent and refused on their fields.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDateTime, formatMoney } from '../lib/format';
import { useCan } from '../shell/permissions';
import { ScrollRegion } from '../lib/ScrollRegion';
import { ApiProblem } from '../api/problem';
import { CLAIM_STATES, claimFieldOf, claimFieldRows, claimFieldsBody, nextClaimStates, toFen, type Claim, type ClaimFieldRow, type ClaimStatus } from './cashier';
import { refusalText, showProblem } from './forms';
import { useAmountRule } from './ReceiptDialogs';
import { useClaimRequirements, useClaims, useRefresh } from './queries';
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
  const canSetFields = useCan('setClaimFields');
  const canReadRequirements = useCan('listClaimRequirements');
  const canFill = canSetFields && canReadRequirements;
  const [step, setStep] = useState<{ claim: Claim; to: ClaimStatus } | null>(null);
  // The claim being filled in, by id: the drawer reads its latest version from the list.
  const [filling, setFilling] = useState<{ id: string; submit: boolean } | null>(null);
  const fillingClaim = filling ? (q.data ?? []).find((c) => c.id === filling.id) ?? null : null;
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
                          {c.status === 'draft' && canFill && (
                            <Button size="small" onClick={() => setFilling({ id: c.id, submit: false })} data-testid="claim-fields">
                              {t('cashier:claims.fill')}
                            </Button>
                          )}
                          {nextClaimStates(c.status).map((to) => (
                            <Button
                              key={to}
                              size="small"
                              danger={to === 'rejected'}
                              // Submitting goes through the brand's fields when they may be filled in here.
                              onClick={() => (to === 'submitted' && canFill ? setFilling({ id: c.id, submit: true }) : setStep({ claim: c, to }))}
                              data-testid={`claim-${to}`}
                            >
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
      <ClaimFieldsDrawer claim={fillingClaim} submit={filling?.submit ?? false} onClose={() => setFilling(null)} />
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

interface FieldValues {
  fields: Record<string, string | undefined>;
  note?: string;
}

/**
 * A draft claim's brand fields: those its brand requires (read from the claim requirements
 * setting) marked and required, then any others it has. Saving stores them at the version
 * read; submitting saves them and submits the claim, so a field the brand requires is refused
 * on that field (by the form before sending, by the server when the setting changed).
 */
function ClaimFieldsDrawer({ claim, submit, onClose }: { claim: Claim | null; submit: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const requirements = useClaimRequirements(!!claim);
  const [form] = Form.useForm<FieldValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<ClaimFieldRow[]>([]);
  const [pending, setPending] = useState<{ name: ['fields', string]; errors: string[] }[]>([]);
  const open = !!claim;
  const id = claim?.id;
  const ready = !!requirements.data;
  useEffect(() => {
    if (!claim || !requirements.data) return;
    // Filled when it opens (and once the brand's requirements arrive), never on a reload
    // after a refusal: what was typed stays.
    const r = claimFieldRows(claim, requirements.data);
    setRows(r);
    setError(null);
    form.resetFields();
    form.setFieldsValue({ fields: Object.fromEntries(r.map((x) => [x.name, x.value])), note: '' });
  }, [id, ready, form]);

  const send = async (v: FieldValues) => {
    if (!claim) return;
    setBusy(true);
    setError(null);
    let version = claim.version;
    try {
      const saved = await must(
        api.POST('/api/v1/claims/{id}/fields', {
          params: { path: { id: claim.id }, header: { 'If-Match': `"${version}"` } },
          body: { fields: claimFieldsBody(rows, v.fields ?? {}) },
        }),
      );
      version = saved.version;
      if (submit) {
        const c = await must(
          api.POST('/api/v1/claims/{id}/transitions', {
            params: { path: { id: claim.id }, header: { 'If-Match': `"${version}"` } },
            body: { to: 'submitted', note: v.note?.trim() ?? '' },
          }),
        );
        void message.success(t('cashier:claims.moved', { number: c.number, state: t(`cashier:claims.states.${c.status}`) }));
      } else {
        void message.success(t('cashier:claims.fieldsSaved', { number: saved.number }));
      }
      refresh('claims');
      onClose();
    } catch (e) {
      setError(claimProblem(e));
      refresh('claims');
    } finally {
      setBusy(false);
    }
  };

  // A refusal naming `fields.<name>` goes on that field (any case); a field the brand came to
  // require after the form opened is added to it with its refusal; the rest as the cashier's
  // forms show them.
  const claimProblem = (e: unknown): string | null => {
    if (!(e instanceof ApiProblem) || e.status !== 422) return showProblem(e, form, ['note'], t);
    const placed = new Map<string, string[]>();
    const added: ClaimFieldRow[] = [];
    const other: string[] = [];
    for (const x of e.problem.errors ?? []) {
      let name = claimFieldOf(x.field, [...rows, ...added]);
      if (!name && x.field.startsWith('fields.') && x.field.length > 'fields.'.length) {
        name = x.field.slice('fields.'.length);
        added.push({ name, required: x.code === 'required', value: '' });
      }
      const text = x.code === 'required' && name ? t('cashier:claims.fieldRequired', { brand: claim?.brand ?? '' }) : refusalText(x.code, x.message, t);
      if (name) placed.set(name, [...(placed.get(name) ?? []), text]);
      else if (x.field === 'note') form.setFields([{ name: 'note', errors: [text] }]);
      else other.push(`${x.field}: ${text}`);
    }
    if (added.length > 0) setRows((r) => [...r, ...added]);
    // Set once the fields are drawn (an added one is not yet).
    setPending([...placed].map(([n, errors]) => ({ name: ['fields', n] as ['fields', string], errors })));
    if (other.length > 0) return other.join('; ');
    return placed.size > 0 ? null : e.problem.detail || e.problem.title;
  };
  useEffect(() => {
    if (pending.length === 0) return;
    form.setFields(pending);
    setPending([]);
  }, [pending, rows, form]);

  const required = rows.filter((r) => r.required);
  return (
    <Drawer open={open} onClose={onClose} width={520} destroyOnHidden title={claim ? t(submit ? 'cashier:claims.submitTitle' : 'cashier:claims.fieldsTitle', { number: claim.number, brand: claim.brand }) : ''} data-testid="claim-fields-drawer">
      {requirements.isError && <Alert type="error" showIcon message={t('common:error', { detail: requirements.error.message })} />}
      <Form form={form} name="claim-fields" layout="vertical" requiredMark="optional" onFinish={(v) => void send(v)}>
        {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" data-testid="claim-fields-error" />}
        <Typography.Paragraph type="secondary" data-testid="claim-requires">
          {required.length > 0 ? t('cashier:claims.requires', { brand: claim?.brand ?? '', fields: required.map((r) => r.name).join(t('cashier:claims.listSeparator')) }) : t('cashier:claims.requiresNothing', { brand: claim?.brand ?? '' })}
        </Typography.Paragraph>
        {rows.map((r, i) => (
          <Form.Item
            key={r.name}
            name={['fields', r.name]}
            label={
              <span>
                {r.name} {r.required && <Tag style={{ marginInlineStart: 4 }}>{t('cashier:claims.brandRequires', { brand: claim?.brand ?? '' })}</Tag>}
              </span>
            }
            rules={[...(r.required ? [{ required: true, whitespace: true, message: t('cashier:claims.fieldRequired', { brand: claim?.brand ?? '' }) }] : []), { max: 500, message: t('common:tooLong', { max: 500 }) }]}
          >
            <Input autoFocus={i === 0} maxLength={500} data-testid={`claim-field-${i}`} />
          </Form.Item>
        ))}
        {submit && (
          <Form.Item name="note" label={t('cashier:claims.note')} rules={[{ max: 500, message: t('common:tooLong', { max: 500 }) }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!ready} data-testid="claim-fields-submit">
            {submit ? t('cashier:claims.step.submitted') : t('common:save')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
