// The dialogs of the parts catalogue: a part added or changed (If-Match), stock received,
// a movement booked by hand (a transfer to a van, a return, an adjustment), a reorder rule
// set. Each checks what the OpenAPI document states; what only the service knows (an
// unknown location, not enough stock) comes back on its field or above the form, and
// nothing typed is cleared.
import { useEffect, useRef, useState, type ComponentRef } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import { showProblem } from './forms';
import { useLocations, useRefresh } from './queries';
import {
  LOCATION_PATTERN,
  SKU_PATTERN,
  movementBody,
  partBody,
  partValues,
  quantityProblem,
  type Location,
  type MovementKind,
  type MovementValues,
  type Part,
  type PartValues,
  type StockRule,
} from './warehouse';

/** The locations as options, vans named as vans. */
export function useLocationOptions(filter?: (l: Location) => boolean) {
  const { t } = useTranslation();
  const locations = useLocations();
  return (locations.data ?? [])
    .filter((l) => !filter || filter(l))
    .map((l) => ({ value: l.code, label: `${l.name} · ${l.code} (${t(`warehouse:locationKind.${l.kind}`)})` }));
}

const PART_FIELDS = ['sku', 'name', 'category', 'list_price', 'unit_cost', 'compatible_models', 'failure_prone', 'page_yield'];

/** Adds a part (`part` null) or changes one. */
export function PartDialog({ open, part, onClose, onSaved }: { open: boolean; part: Part | null; onClose: () => void; onSaved: (sku: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<PartValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const category = Form.useWatch('category', form);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue(part ? partValues(part) : { sku: '', name: '', category: 'spare_part', list_price: { amount_minor: 0 }, compatible_models: [], failure_prone: 0 });
    // Only opening resets the form: a refusal keeps what was typed.
  }, [open, part?.sku, form]);

  const submit = async (v: PartValues) => {
    setBusy(true);
    setError(null);
    try {
      const body = partBody({ ...v, sku: part?.sku ?? v.sku });
      if (part) {
        const { sku: _sku, ...rest } = body;
        await must(api.POST('/api/v1/parts/{sku}', { params: { path: { sku: part.sku }, header: { 'If-Match': `"${part.version}"` } }, body: rest }));
      } else {
        await must(api.POST('/api/v1/parts', { body }));
      }
      void message.success(t(part ? 'warehouse:part.updated' : 'warehouse:part.created', { sku: body.sku }));
      refresh('parts', 'part');
      onSaved(body.sku);
    } catch (e) {
      setError(showProblem(e, form, PART_FIELDS, t));
      if (part) refresh('part');
    } finally {
      setBusy(false);
    }
  };

  const required = { required: true, whitespace: true, message: t('common:required') };
  return (
    <Modal open={open} title={part ? t('warehouse:part.editTitle', { sku: part.sku }) : t('warehouse:part.newTitle')} onCancel={onClose} footer={null} destroyOnHidden width={640} data-testid="part-dialog">
      <Form form={form} name="part" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} data-testid="part-error" role="alert" />}
        <Space align="start" wrap>
          <Form.Item name="sku" label={t('warehouse:part.sku')} extra={t('warehouse:part.skuHelp')} rules={[required, { pattern: SKU_PATTERN, message: t('warehouse:part.skuPattern') }]}>
            <Input autoFocus={!part} disabled={!!part} maxLength={64} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="name" label={t('warehouse:part.name')} rules={[required, { max: 200, message: t('common:tooLong', { max: 200 }) }]}>
            <Input autoFocus={!!part} maxLength={200} style={{ width: 320 }} />
          </Form.Item>
        </Space>
        <Form.Item name="category" label={t('warehouse:part.category')}>
          <Radio.Group
            options={(['spare_part', 'consumable'] as const).map((c) => ({ value: c, label: t(`warehouse:category.${c}`) }))}
          />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name={['list_price', 'amount_minor']} label={t('warehouse:part.listPrice')} rules={[{ required: true, message: t('common:required') }, { type: 'number', min: 0, message: t('warehouse:part.notNegative') }]}>
            <InputNumber prefix="¥" precision={2} step={1} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name={['unit_cost', 'amount_minor']} label={t('warehouse:part.unitCost')} rules={[{ type: 'number', min: 0, message: t('warehouse:part.notNegative') }]}>
            <InputNumber prefix="¥" precision={2} step={1} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="failure_prone" label={t('warehouse:part.failureProne')} rules={[{ type: 'integer', min: 0, max: 5, message: t('warehouse:part.failureRange') }]}>
            <InputNumber style={{ width: 120 }} />
          </Form.Item>
        </Space>
        {category === 'consumable' && (
          <Form.Item
            name="page_yield"
            label={t('warehouse:part.pageYield')}
            rules={[
              { required: true, message: t('warehouse:part.pageYieldRequired') },
              { type: 'integer', min: 100, max: 10_000_000, message: t('warehouse:part.pageYieldRange') },
            ]}
          >
            <InputNumber style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="compatible_models" label={t('warehouse:part.models')} extra={t('warehouse:part.modelsHelp')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} open={false} suffixIcon={null} aria-label={t('warehouse:part.models')} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="part-submit">
            {t('common:save')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

interface ReceiveValues {
  quantity: number;
  location: string;
  reference?: string;
}

/** Books stock received into a location (a delivery note as the reference). */
export function ReceiveDialog({ part, onClose }: { part: Part | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const options = useLocationOptions((l) => l.kind !== 'van');
  const [form] = Form.useForm<ReceiveValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const quantity = useRef<ComponentRef<typeof InputNumber>>(null);
  const sku = part?.sku;
  useEffect(() => {
    if (!sku) return;
    setError(null);
    form.setFieldsValue({ quantity: undefined, location: 'main', reference: '' });
  }, [sku, form]);

  const submit = async (v: ReceiveValues) => {
    if (!part) return;
    setBusy(true);
    setError(null);
    try {
      await must(api.POST('/api/v1/parts/{sku}/receipts', { params: { path: { sku: part.sku } }, body: { quantity: v.quantity, location: v.location, reference: v.reference?.trim() ?? '' } }));
      void message.success(t('warehouse:receive.done', { count: v.quantity, sku: part.sku }));
      refresh('parts', 'part');
      onClose();
    } catch (e) {
      setError(showProblem(e, form, ['quantity', 'location', 'reference'], t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!part}
      title={part ? t('warehouse:receive.title', { sku: part.sku }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterOpenChange={(open) => {
        // The quantity has the focus once the dialog is open, unless the keyboard moved on inside it.
        const a = document.activeElement;
        if (open && !(a instanceof HTMLInputElement && a.closest('.ant-modal'))) quantity.current?.focus();
      }}
      data-testid="receive-dialog"
    >
      <Form form={form} name="receive" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
        <Space align="start" wrap>
          <Form.Item
            name="quantity"
            label={t('warehouse:receive.quantity')}
            rules={[
              { required: true, message: t('common:required') },
              { type: 'integer', min: 1, max: 100_000, message: t('warehouse:quantityRange') },
            ]}
          >
            <InputNumber ref={quantity} autoFocus style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="location" label={t('warehouse:receive.location')} rules={[{ required: true, message: t('common:required') }]}>
            <Select showSearch options={options} style={{ width: 260 }} aria-label={t('warehouse:receive.location')} />
          </Form.Item>
        </Space>
        <Form.Item name="reference" label={t('warehouse:receive.reference')} rules={[{ max: 200, message: t('common:tooLong', { max: 200 }) }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="receive-submit">
            {t('warehouse:receive.submit')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

/** Books a transfer (to a van and back), a return (a removed part kept for the claim) or an adjustment. */
export function MovementDialog({ part, kind, onClose }: { part: Part | null; kind: MovementKind; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const locations = useLocations();
  const options = useLocationOptions();
  const [form] = Form.useForm<MovementValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = Form.useWatch('kind', form) ?? kind;
  const sku = part?.sku;
  useEffect(() => {
    if (!sku) return;
    setError(null);
    const firstVan = locations.data?.find((l) => l.kind === 'van')?.code;
    form.setFieldsValue({
      kind,
      location: kind === 'return' ? 'workshop' : 'main',
      to: kind === 'transfer' ? firstVan : undefined,
      quantity: undefined,
      removed_part: kind === 'return',
      reason: '',
      reference: '',
    });
  }, [sku, kind, form]);

  const submit = async (v: MovementValues) => {
    if (!part) return;
    setBusy(true);
    setError(null);
    try {
      await must(api.POST('/api/v1/parts/{sku}/movements', { params: { path: { sku: part.sku } }, body: movementBody(v) }));
      void message.success(t('warehouse:move.done', { sku: part.sku }));
      refresh('parts', 'part');
      onClose();
    } catch (e) {
      setError(showProblem(e, form, ['kind', 'location', 'to', 'quantity', 'removed_part', 'reason', 'reference'], t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={!!part} title={part ? t('warehouse:move.title', { sku: part.sku }) : ''} onCancel={onClose} footer={null} destroyOnHidden width={600} data-testid="move-dialog">
      <Form form={form} name="move" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" data-testid="move-error" />}
        <Form.Item name="kind" label={t('warehouse:move.kind')}>
          <Radio.Group optionType="button" options={(['transfer', 'return', 'adjustment'] as const).map((k) => ({ value: k, label: t(`warehouse:move.kinds.${k}`) }))} />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="location" label={chosen === 'transfer' ? t('warehouse:move.from') : chosen === 'return' ? t('warehouse:move.into') : t('warehouse:move.at')} rules={[{ required: true, message: t('common:required') }]}>
            <Select showSearch options={options} style={{ width: 250 }} aria-label={t('warehouse:move.location')} />
          </Form.Item>
          {chosen === 'transfer' && (
            <Form.Item
              name="to"
              label={t('warehouse:move.to')}
              dependencies={['location']}
              rules={[
                { required: true, message: t('common:required') },
                ({ getFieldValue }) => ({
                  validator: (_r, value: string | undefined) => (value && value === getFieldValue('location') ? Promise.reject(new Error(t('warehouse:move.samePlace'))) : Promise.resolve()),
                }),
              ]}
            >
              <Select showSearch options={options} style={{ width: 250 }} aria-label={t('warehouse:move.to')} />
            </Form.Item>
          )}
        </Space>
        <Space align="start" wrap>
          <Form.Item
            name="quantity"
            label={chosen === 'adjustment' ? t('warehouse:move.change') : t('warehouse:move.quantity')}
            extra={chosen === 'adjustment' ? t('warehouse:move.changeHelp') : undefined}
            dependencies={['kind']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, value: number | null | undefined) => {
                  const p = quantityProblem(getFieldValue('kind') as MovementKind, value);
                  return p === null ? Promise.resolve() : Promise.reject(new Error(p === 'required' ? t('common:required') : t(chosen === 'adjustment' ? 'warehouse:move.changeRange' : 'warehouse:quantityRange')));
                },
              }),
            ]}
          >
            <InputNumber style={{ width: 140 }} />
          </Form.Item>
          {chosen === 'return' && (
            <Form.Item name="removed_part" label={t('warehouse:move.removedPartLabel')} valuePropName="checked">
              <Checkbox>{t('warehouse:move.removedPart')}</Checkbox>
            </Form.Item>
          )}
        </Space>
        <Form.Item name="reason" label={t('warehouse:move.reason')} rules={[required(t), { max: 500, message: t('common:tooLong', { max: 500 }) }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="reference" label={t('warehouse:move.reference')} extra={t('warehouse:move.referenceHelp')} rules={[{ max: 200, message: t('common:tooLong', { max: 200 }) }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="move-submit">
            {t('warehouse:move.submit')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

function required(t: (k: string) => string) {
  return { required: true, whitespace: true, message: t('common:required') };
}

interface RuleValues {
  location: string;
  reorder_point: number;
  min: number;
  max: number;
}

/** Sets a part's reorder point and min/max at a location. */
export function RuleDialog({ part, rule, onClose }: { part: Part | null; rule: StockRule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const options = useLocationOptions();
  const [form] = Form.useForm<RuleValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sku = part?.sku;
  useEffect(() => {
    if (!sku) return;
    setError(null);
    form.setFieldsValue(rule ? { location: rule.location, reorder_point: rule.reorder_point, min: rule.min, max: rule.max } : { location: 'main', reorder_point: undefined, min: undefined, max: undefined });
  }, [sku, rule?.location, form]);

  const submit = async (v: RuleValues) => {
    if (!part) return;
    setBusy(true);
    setError(null);
    try {
      await must(api.POST('/api/v1/parts/{sku}/rules', { params: { path: { sku: part.sku } }, body: { sku: part.sku, location: v.location, reorder_point: v.reorder_point, min: v.min, max: v.max } }));
      void message.success(t('warehouse:rule.saved', { sku: part.sku }));
      refresh('part', 'purchases');
      onClose();
    } catch (e) {
      setError(showProblem(e, form, ['location', 'reorder_point', 'min', 'max'], t));
    } finally {
      setBusy(false);
    }
  };
  const count = (max = 1_000_000) => [{ required: true, message: t('common:required') }, { type: 'integer' as const, min: 0, max, message: t('warehouse:rule.countRange') }];
  return (
    <Modal open={!!part} title={part ? t('warehouse:rule.title', { sku: part.sku }) : ''} onCancel={onClose} footer={null} destroyOnHidden data-testid="rule-dialog">
      <Form form={form} name="rule" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
        <Form.Item name="location" label={t('warehouse:rule.location')} rules={[{ required: true, message: t('common:required') }, { pattern: LOCATION_PATTERN, message: t('warehouse:rule.locationPattern') }]}>
          <Select showSearch options={options} disabled={!!rule} aria-label={t('warehouse:rule.location')} />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="reorder_point" label={t('warehouse:rule.reorderPoint')} rules={count()}>
            <InputNumber autoFocus style={{ width: 130 }} />
          </Form.Item>
          <Form.Item
            name="min"
            label={t('warehouse:rule.min')}
            dependencies={['reorder_point']}
            rules={[
              ...count(),
              ({ getFieldValue }) => ({
                validator: (_r, v: number | undefined) => (v === undefined || v === null || v <= (getFieldValue('reorder_point') ?? v) ? Promise.resolve() : Promise.reject(new Error(t('warehouse:rule.minOrder')))),
              }),
            ]}
          >
            <InputNumber style={{ width: 130 }} />
          </Form.Item>
          <Form.Item
            name="max"
            label={t('warehouse:rule.max')}
            dependencies={['reorder_point']}
            rules={[
              ...count(),
              ({ getFieldValue }) => ({
                validator: (_r, v: number | undefined) => (v === undefined || v === null || v > (getFieldValue('reorder_point') ?? -1) ? Promise.resolve() : Promise.reject(new Error(t('warehouse:rule.maxOrder')))),
              }),
            ]}
          >
            <InputNumber style={{ width: 130 }} />
          </Form.Item>
        </Space>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="rule-submit">
            {t('common:save')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
