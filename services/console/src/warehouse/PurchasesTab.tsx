// Purchase requests through their states: reorder proposals (drafts from the reorder points,
// forecast plans or asked by hand) approved by a manager, ordered with the supplier's
// reference, received (the receipt is booked) or cancelled; each step sent with If-Match.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDateTime } from '../lib/format';
import { TONE } from '../lib/colors';
import { useCan, useSession } from '../shell/permissions';
import { showProblem } from './forms';
import { ScrollRegion } from '../lib/ScrollRegion';
import { MoreButton } from '../lib/ListParts';
import { useLocationOptions } from './PartDialogs';
import { usePurchases, useRefresh } from './queries';
import { SKU_PATTERN, purchaseSteps, type PurchaseRequest, type PurchaseStatus } from './warehouse';

const VIEWS: (PurchaseStatus | 'all')[] = ['draft', 'approved', 'ordered', 'received', 'cancelled', 'all'];

/** Tag colours of the states (dark tones: white text at AA contrast). */
export const PURCHASE_TONE: Record<PurchaseStatus, string | undefined> = {
  draft: TONE.warning,
  approved: TONE.info,
  ordered: TONE.info,
  received: TONE.success,
  cancelled: undefined,
};

export default function PurchasesTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const canMove = useCan('movePurchaseRequest');
  const canCreate = useCan('createPurchaseRequest');
  const [view, setView] = useState<PurchaseStatus | 'all'>('draft');
  const q = usePurchases(view === 'all' ? undefined : view);
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  const [step, setStep] = useState<{ pr: PurchaseRequest; to: PurchaseStatus } | null>(null);
  const [creating, setCreating] = useState(false);

  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', width: '100%' }}>
          {/* On a phone the states scroll sideways instead of running off the screen. */}
          <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
            <Segmented
              aria-label={t('warehouse:purchase.views')}
              data-testid="purchase-views"
              value={view}
              options={VIEWS.map((v) => ({ value: v, label: t(`warehouse:purchase.view.${v}`) }))}
              onChange={(v) => setView(v as PurchaseStatus | 'all')}
            />
          </div>
          {canCreate && (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-purchase">
              {t('warehouse:purchase.new')}
            </Button>
          )}
        </div>
        {view === 'draft' && <Typography.Text type="secondary">{t('warehouse:purchase.draftHelp')}</Typography.Text>}
        <ScrollRegion label={t('warehouse:tab.purchases')}>
          <Table<PurchaseRequest>
            size="small"
            rowKey="id"
            data-testid="purchases"
            loading={q.isLoading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('warehouse:purchase.none') }}
            onRow={(r) => ({ 'data-testid': `pr-${r.number}` }) as React.HTMLAttributes<HTMLElement>}
            footer={() => (
              <Space>
                <span>{t('warehouse:purchase.total', { count: rows.length })}</span>
                <MoreButton query={q} />
              </Space>
            )}
            columns={[
              { title: t('warehouse:purchase.number'), key: 'number', render: (_v, r) => <Typography.Text strong>{r.number}</Typography.Text> },
              { title: t('warehouse:part.sku'), key: 'sku', render: (_v, r) => r.sku },
              { title: t('warehouse:stock.location'), key: 'location', render: (_v, r) => r.location },
              { title: t('warehouse:purchase.quantity'), key: 'quantity', align: 'right', render: (_v, r) => r.quantity },
              { title: t('warehouse:purchase.reason'), key: 'reason', render: (_v, r) => <Tag>{t(`warehouse:purchase.reasons.${r.reason}`)}</Tag> },
              { title: t('warehouse:purchase.basis'), key: 'basis', render: (_v, r) => <span style={{ whiteSpace: 'normal', display: 'inline-block', maxWidth: 320 }}>{r.basis}</span> },
              {
                title: t('warehouse:purchase.status'),
                key: 'status',
                render: (_v, r) => (
                  <Tag color={PURCHASE_TONE[r.status]} data-testid="pr-status">
                    {t(`warehouse:purchase.states.${r.status}`)}
                  </Tag>
                ),
              },
              { title: t('warehouse:purchase.orderReference'), key: 'ref', render: (_v, r) => r.order_reference ?? '—' },
              { title: t('warehouse:purchase.createdAt'), key: 'created', render: (_v, r) => formatDateTime(r.created_at, lang) },
              ...(canMove
                ? [
                    {
                      title: t('warehouse:actions'),
                      key: 'actions',
                      render: (_v: unknown, r: PurchaseRequest) => (
                        <Space size={4} wrap>
                          {purchaseSteps(r.status, me?.role).map((to) => (
                            <Button key={to} size="small" danger={to === 'cancelled'} type={to === 'approved' ? 'primary' : 'default'} onClick={() => setStep({ pr: r, to })} data-testid={`pr-${to}`}>
                              {t(`warehouse:purchase.step.${to}`)}
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
      <NewPurchaseDialog open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}

function StepDialog({ step, onClose }: { step: { pr: PurchaseRequest; to: PurchaseStatus } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ reference?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { reference?: string }) => {
    if (!step) return;
    setBusy(true);
    setError(null);
    try {
      const pr = await must(
        api.POST('/api/v1/purchase-requests/{id}/transitions', {
          params: { path: { id: step.pr.id }, header: { 'If-Match': `"${step.pr.version}"` } },
          body: { to: step.to, reference: v.reference?.trim() ?? '' },
        }),
      );
      void message.success(t('warehouse:purchase.moved', { number: pr.number, state: t(`warehouse:purchase.states.${pr.status}`) }));
      refresh('purchases', 'parts', 'part');
      onClose();
    } catch (e) {
      setError(showProblem(e, form, ['reference'], t));
      refresh('purchases');
    } finally {
      setBusy(false);
    }
  };
  const needsReference = step?.to === 'ordered';
  return (
    <Modal
      open={!!step}
      title={step ? t('warehouse:purchase.stepTitle', { number: step.pr.number, step: t(`warehouse:purchase.step.${step.to}`) }) : ''}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      footer={null}
      destroyOnHidden
      data-testid="pr-dialog"
    >
      {step && (
        <Form form={form} name="prstep" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
          {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
          <Typography.Paragraph>
            {t('warehouse:purchase.stepSummary', { quantity: step.pr.quantity, sku: step.pr.sku, location: step.pr.location })}
          </Typography.Paragraph>
          {step.to === 'received' && <Typography.Paragraph type="secondary">{t('warehouse:purchase.receiveHelp')}</Typography.Paragraph>}
          {(needsReference || step.to === 'received') && (
            <Form.Item
              name="reference"
              label={needsReference ? t('warehouse:purchase.supplierReference') : t('warehouse:purchase.deliveryReference')}
              rules={[...(needsReference ? [{ required: true, whitespace: true, message: t('common:required') }] : []), { max: 200, message: t('common:tooLong', { max: 200 }) }]}
            >
              <Input autoFocus maxLength={200} />
            </Form.Item>
          )}
          <Space>
            <Button type="primary" danger={step.to === 'cancelled'} htmlType="submit" loading={busy} autoFocus={!needsReference && step.to !== 'received'} data-testid="pr-submit">
              {t(`warehouse:purchase.step.${step.to}`)}
            </Button>
            <Button onClick={onClose}>{t('common:cancel')}</Button>
          </Space>
        </Form>
      )}
    </Modal>
  );
}

interface NewValues {
  sku: string;
  location: string;
  quantity: number;
  basis: string;
}

function NewPurchaseDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const options = useLocationOptions((l) => l.kind !== 'van');
  const [form] = Form.useForm<NewValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: NewValues) => {
    setBusy(true);
    setError(null);
    try {
      const pr = await must(api.POST('/api/v1/purchase-requests', { body: { sku: v.sku.trim(), location: v.location, quantity: v.quantity, basis: v.basis.trim() } }));
      void message.success(t('warehouse:purchase.createdMessage', { number: pr.number }));
      refresh('purchases');
      form.resetFields();
      onClose();
    } catch (e) {
      setError(showProblem(e, form, ['sku', 'location', 'quantity', 'basis'], t));
    } finally {
      setBusy(false);
    }
  };
  const required = { required: true, whitespace: true, message: t('common:required') };
  return (
    <Modal open={open} title={t('warehouse:purchase.newTitle')} onCancel={onClose} footer={null} destroyOnHidden data-testid="new-purchase-dialog">
      <Form form={form} name="newpr" layout="vertical" requiredMark="optional" initialValues={{ location: 'main' }} onFinish={(v) => void submit(v)}>
        {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
        <Space align="start" wrap>
          <Form.Item name="sku" label={t('warehouse:part.sku')} rules={[required, { pattern: SKU_PATTERN, message: t('warehouse:part.skuPattern') }]}>
            <Input autoFocus maxLength={64} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="location" label={t('warehouse:stock.location')} rules={[{ required: true, message: t('common:required') }]}>
            <Select showSearch options={options} style={{ width: 220 }} aria-label={t('warehouse:stock.location')} />
          </Form.Item>
          <Form.Item
            name="quantity"
            label={t('warehouse:purchase.quantity')}
            rules={[
              { required: true, message: t('common:required') },
              { type: 'integer', min: 1, max: 100_000, message: t('warehouse:quantityRange') },
            ]}
          >
            <InputNumber style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item name="basis" label={t('warehouse:purchase.basis')} rules={[required, { max: 500, message: t('common:tooLong', { max: 500 }) }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="new-purchase-submit">
            {t('warehouse:purchase.create')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
