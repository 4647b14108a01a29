// The renewal pipeline (续保): contracts and warranties coming to their end, listed two
// months ahead and followed up weekly; an outcome is recorded at the version read
// (If-Match): renewed — the next contract from the day after the old end, at the renewal
// price (the ending contract's, which the cashier may change; a warranty's first contract is
// given one), for a year or to the day chosen, covering what it covered — or declined with
// what the customer said.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useParamSetter } from '../lib/listSearch';
import { api, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDate, formatMoney } from '../lib/format';
import { TONE } from '../lib/colors';
import { useCan } from '../shell/permissions';
import { ScrollRegion } from '../lib/ScrollRegion';
import { localDay, renewalTerms, toFen, toYuan, type ContractCoverage, type Renewal, type RenewalStatus } from './cashier';
import { CoverageFields, useCoverageText, useEndRule, usePriceRule } from './ContractsTab';
import { showProblem } from './forms';
import { useRefresh, useRenewals } from './queries';

const RENEWAL_TONE: Record<RenewalStatus, string | undefined> = { open: TONE.info, renewed: TONE.success, declined: TONE.danger, lapsed: undefined };

export default function RenewalsTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [params] = useSearchParams();
  const set = useParamSetter();
  const status = (params.get('status') as RenewalStatus | null) ?? 'open';
  const q = useRenewals(status);
  const canRecord = useCan('recordRenewalOutcome');
  const [deciding, setDeciding] = useState<Renewal | null>(null);
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Form layout="inline" aria-label={t('cashier:renewals.filters')}>
          <Form.Item label={t('cashier:renewals.state')}>
            <Select
              aria-label={t('cashier:renewals.state')}
              style={{ width: 140 }}
              value={status}
              onChange={(v) => {
                set({ status: v });
              }}
              options={(['open', 'renewed', 'declined', 'lapsed'] as const).map((s) => ({ value: s, label: t(`cashier:renewals.states.${s}`) }))}
            />
          </Form.Item>
        </Form>
        <ScrollRegion label={t('cashier:tab.renewals')}>
          <Table<Renewal>
            size="small"
            rowKey="id"
            data-testid="renewals"
            loading={q.isLoading}
            dataSource={q.data ?? []}
            pagination={false}
            locale={{ emptyText: t('cashier:renewals.none') }}
            columns={[
              { title: t('cashier:renewals.source'), key: 'source', render: (_v, r) => `${t(`cashier:renewals.kinds.${r.kind}`)} · ${r.source}` },
              { title: t('cashier:receipt.customer'), key: 'customer', render: (_v, r) => r.customer_name },
              { title: t('cashier:renewals.endsOn'), key: 'ends', render: (_v, r) => formatDate(r.ends_on, lang) },
              { title: t('cashier:renewals.next'), key: 'next', responsive: ['sm'], render: (_v, r) => formatDate(r.next_follow_up, lang) },
              { title: t('cashier:renewals.followUps'), key: 'followups', align: 'right', responsive: ['md'], render: (_v, r) => r.follow_ups },
              { title: t('cashier:renewals.price'), key: 'price', align: 'right', render: (_v, r) => (r.price ? formatMoney(r.price.amount_minor, lang, r.price.currency) : '—') },
              {
                title: t('cashier:renewals.state'),
                key: 'status',
                render: (_v, r) => (
                  <Tag color={RENEWAL_TONE[r.status]} style={{ marginInlineEnd: 0 }}>
                    {t(`cashier:renewals.states.${r.status}`)}
                  </Tag>
                ),
              },
              ...(canRecord
                ? [
                    {
                      title: t('cashier:actions'),
                      key: 'actions',
                      render: (_v: unknown, r: Renewal) =>
                        r.status === 'open' ? (
                          <Button size="small" onClick={() => setDeciding(r)} data-testid="renewal-outcome">
                            {t('cashier:renewals.record')}
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
      <OutcomeDialog renewal={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
}

interface OutcomeValues {
  outcome: 'renewed' | 'declined';
  note?: string;
  ends_on?: Dayjs;
  price?: { amount_minor: number | null };
  coverage?: ContractCoverage;
}

/** The fields a refusal may name that the dialog has. */
const OUTCOME_FIELDS = ['outcome', 'note', 'ends_on', 'price', 'price.amount_minor', 'coverage.visit_every_months'];

function OutcomeDialog({ renewal, onClose }: { renewal: Renewal | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<OutcomeValues>();
  const outcome = Form.useWatch('outcome', form);
  const priceRule = usePriceRule();
  const coverageText = useCoverageText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = !!renewal;
  const terms = renewal ? renewalTerms(renewal, localDay()) : null;
  const endRule = useEndRule('starts_on');
  const id = renewal?.id;
  useEffect(() => {
    if (!renewal || !terms) return;
    // Only opening fills the form: a refusal keeps what was typed.
    setError(null);
    form.setFieldsValue({
      outcome: 'renewed',
      note: '',
      ends_on: dayjs(terms.ends_on),
      price: { amount_minor: terms.price ? toYuan(terms.price.amount_minor) : null },
      coverage: terms.coverage,
    });
  }, [id, form]);
  const submit = async (v: OutcomeValues) => {
    if (!renewal) return;
    setBusy(true);
    setError(null);
    try {
      const renewed =
        v.outcome === 'renewed' && v.ends_on && v.coverage && v.price && v.price.amount_minor !== null
          ? {
              ends_on: v.ends_on.format('YYYY-MM-DD'),
              price: { amount_minor: toFen(v.price.amount_minor), currency: renewal.price?.currency ?? 'CNY' },
              coverage: { call_out: !!v.coverage.call_out, labour: !!v.coverage.labour, parts: !!v.coverage.parts, visit_every_months: v.coverage.visit_every_months },
            }
          : {};
      const r = await must(
        api.POST('/api/v1/renewals/{id}/outcome', {
          params: { path: { id: renewal.id }, header: { 'If-Match': `"${renewal.version}"` } },
          body: { outcome: v.outcome, note: v.note?.trim() ?? '', ...renewed },
        }),
      );
      void message.success(r.renewed_by ? t('cashier:renewals.renewed', { source: renewal.source, number: r.renewed_by }) : t('cashier:renewals.recorded', { source: renewal.source }));
      refresh('renewals', 'contracts');
      onClose();
    } catch (e) {
      setError(showProblem(e, form, OUTCOME_FIELDS, t));
      refresh('renewals');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} width={600} title={renewal ? t('cashier:renewals.recordTitle', { source: renewal.source, customer: renewal.customer_name }) : ''} onCancel={onClose} footer={null} destroyOnHidden data-testid="renewal-dialog">
      <Form form={form} name="renewal" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" data-testid="renewal-error" />}
        {renewal && (
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }} data-testid="renewal-ending">
            <Descriptions.Item label={t('cashier:contracts.machines')}>{renewal.machines.map((m) => `${m.brand} ${m.model} · ${m.serial}`).join('；')}</Descriptions.Item>
            <Descriptions.Item label={t('cashier:renewals.endsOn')}>{formatDate(renewal.ends_on, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('cashier:renewals.renewalPrice')}>
              {renewal.price ? t('cashier:renewals.renewalPriceText', { price: formatMoney(renewal.price.amount_minor, lang, renewal.price.currency) }) : t('cashier:renewals.noPrice')}
            </Descriptions.Item>
            {renewal.coverage && <Descriptions.Item label={t('cashier:contracts.coverage')}>{coverageText(renewal.coverage)}</Descriptions.Item>}
          </Descriptions>
        )}
        <Form.Item name="outcome" required label={t('cashier:renewals.outcome')}>
          <Radio.Group optionType="button" options={(['renewed', 'declined'] as const).map((o) => ({ value: o, label: t(`cashier:renewals.states.${o}`) }))} />
        </Form.Item>
        {outcome === 'renewed' && terms && (
          <>
            <Space wrap size="middle" align="start">
              <Form.Item required label={t('cashier:contracts.startsOn')} extra={t('cashier:renewals.startsHelp')}>
                <DatePicker value={dayjs(terms.starts_on)} disabled data-testid="renewal-starts" />
              </Form.Item>
              {/* The start is the server's; the end is checked against it. */}
              <Form.Item name="starts_on" hidden initialValue={terms.starts_on}>
                <Input />
              </Form.Item>
              <Form.Item name="ends_on" label={t('cashier:contracts.endsOn')} rules={[{ required: true, message: t('common:required') }, endRule]}>
                <DatePicker allowClear={false} data-testid="renewal-ends" />
              </Form.Item>
            </Space>
            <Form.Item name={['price', 'amount_minor']} label={t('cashier:renewals.newPrice')} extra={renewal?.price ? t('cashier:renewals.priceHelp') : t('cashier:renewals.warrantyPriceHelp')} rules={[priceRule]}>
              <InputNumber prefix="¥" min={0} step={100} style={{ width: 200 }} data-testid="renewal-price" />
            </Form.Item>
            <CoverageFields />
          </>
        )}
        <Form.Item
          name="note"
          label={t('cashier:renewals.note')}
          rules={[...(outcome === 'declined' ? [{ required: true, whitespace: true, message: t('common:required') }] : []), { max: 500, message: t('common:tooLong', { max: 500 }) }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="renewal-note" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="renewal-submit">
            {outcome === 'renewed' ? t('cashier:renewals.renew') : t('common:save')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
