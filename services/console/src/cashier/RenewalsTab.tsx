// The renewal pipeline (续保): contracts and warranties coming to their end, listed two
// months ahead and followed up weekly; an outcome (renewed on the old terms, or declined
// with what the customer said) is recorded at the version read (If-Match).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useParamSetter } from '../lib/listSearch';
import { api, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDate, formatMoney } from '../lib/format';
import { TONE } from '../lib/colors';
import { useCan } from '../shell/permissions';
import { ScrollRegion } from '../lib/ScrollRegion';
import type { Renewal, RenewalStatus } from './cashier';
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
}

function OutcomeDialog({ renewal, onClose }: { renewal: Renewal | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<OutcomeValues>();
  const outcome = Form.useWatch('outcome', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = !!renewal;
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue({ outcome: 'renewed', note: '' });
  }, [open, form]);
  const submit = async (v: OutcomeValues) => {
    if (!renewal) return;
    setBusy(true);
    setError(null);
    try {
      await must(
        api.POST('/api/v1/renewals/{id}/outcome', {
          params: { path: { id: renewal.id }, header: { 'If-Match': `"${renewal.version}"` } },
          body: { outcome: v.outcome, note: v.note?.trim() ?? '' },
        }),
      );
      void message.success(t('cashier:renewals.recorded', { source: renewal.source }));
      refresh('renewals');
      onClose();
    } catch (e) {
      setError(showProblem(e, form, ['outcome', 'note'], t));
      refresh('renewals');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={renewal ? t('cashier:renewals.recordTitle', { source: renewal.source, customer: renewal.customer_name }) : ''} onCancel={onClose} footer={null} destroyOnHidden data-testid="renewal-dialog">
      <Form form={form} name="renewal" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
        <Form.Item name="outcome" required label={t('cashier:renewals.outcome')} extra={outcome === 'renewed' ? t('cashier:renewals.renewedHelp') : undefined}>
          <Radio.Group optionType="button" options={(['renewed', 'declined'] as const).map((o) => ({ value: o, label: t(`cashier:renewals.states.${o}`) }))} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('cashier:renewals.note')}
          rules={[...(outcome === 'declined' ? [{ required: true, whitespace: true, message: t('common:required') }] : []), { max: 500, message: t('common:tooLong', { max: 500 }) }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common:save')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
