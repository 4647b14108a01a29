// One form per company setting, so that no administrator edits JSON: rows of selects and
// numbers with the limits the API states, checked as they are typed.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, must } from '../api/client';
import type { components } from '../api/schema';
import type { Lang } from '../i18n/langs';
import { formatDate, formatDateTime, formatMoney } from '../lib/format';
import { TONE } from '../lib/colors';
import { ScrollRegion } from '../lib/ScrollRegion';
import { duplicates, missingTargets, PRIORITIES, sortTargets, TIERS, type FeeSchedule, type SlaTarget } from './admin';
import { fieldsNamed, showProblem } from './forms';
import { useRefresh } from './queries';
import { SaveBar, SaveError, SettingFrame, useReplacedSetting } from './settingParts';
import { VISUALLY_HIDDEN } from '../lib/visuallyHidden';

type S = components['schemas'];
const under = (root: string) => (p: (string | number)[]) => p[0] === root;
const TICKET_TYPES: S['TicketType'][] = ['fault', 'maintenance', 'installation', 'consultation', 'consumables', 'complaint', 'return'];
const WORK_TYPES: S['WorkType'][] = ['repair', 'maintenance', 'installation', 'training'];
const WINDOWS: S['QualityWindow'][] = ['month', 'quarter', 'year'];
const KINDS: S['NotificationKind'][] = ['request_received', 'technician_booked', 'waiting_for_parts', 'work_done', 'receipt_issued', 'callback_due', 'answer_link', 'machine_received', 'ready_for_return'];
const LANGS: S['Language'][] = ['zh-CN', 'en'];

/** A whole number between `min` and `max`, said on the field. */
function useRange(min: number, max: number) {
  const { t } = useTranslation();
  return { type: 'integer' as const, min, max, message: t('admin:settings.range', { min, max }) };
}

interface SlaValues {
  targets: (Omit<SlaTarget, 'type'> & { type?: SlaTarget['type'] })[];
}

/** SLA targets by priority, customer tier and optionally request type. */
export function SlaSetting() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SlaValues>();
  const minutes = useRange(1, 100000);
  const s = useReplacedSetting(
    'sla',
    () => must(api.GET('/api/v1/sla-policy')),
    (version, v: SlaValues) =>
      must(api.POST('/api/v1/sla-policy', { params: { header: { 'If-Match': `"${version}"` } }, body: { targets: v.targets.map((x) => ({ ...x, type: x.type ?? null })) } })),
    form,
    under('targets'),
    (p) => ({ targets: sortTargets(p.targets).map((x) => ({ ...x, type: x.type ?? undefined })) }),
  );
  const targets = Form.useWatch('targets', form) ?? [];
  const missing = missingTargets(targets.filter(Boolean));
  const dup = duplicates(targets.filter(Boolean), (x) => `${x.priority}/${x.tier}/${x.type ?? ''}`);
  return (
    <SettingFrame name="sla" version={s.version}>
      <Form form={form} name="sla" onFinish={(v) => void s.save(v)} disabled={s.query.isLoading}>
        <SaveError error={s.error} />
        {missing.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('admin:settings.sla.missing', { pairs: missing.join(', ') })} />}
        {dup.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('admin:settings.duplicate', { keys: dup.join(', ') })} />}
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <ScrollRegion label={t('admin:settings.sla.title')}>
              <table className="setting-rows" style={{ borderCollapse: 'collapse' }}>
                <thead>
                  <tr>
                    <th scope="col">{t('admin:settings.sla.priority')}</th>
                    <th scope="col">{t('admin:settings.sla.tier')}</th>
                    <th scope="col">{t('admin:settings.sla.type')}</th>
                    <th scope="col">{t('admin:settings.sla.firstResponse')}</th>
                    <th scope="col">{t('admin:settings.sla.resolution')}</th>
                    <th scope="col"><span style={VISUALLY_HIDDEN}>{t('admin:settings.remove')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {fields.map((f) => (
                    <tr key={f.key} data-testid="sla-row">
                      <td>
                        <Form.Item name={[f.name, 'priority']} rules={[{ required: true, message: t('common:required') }]}>
                          <Select aria-label={t('admin:settings.sla.priority')} style={{ width: 80 }} options={PRIORITIES.map((p) => ({ value: p, label: p.toUpperCase() }))} />
                        </Form.Item>
                      </td>
                      <td>
                        <Form.Item name={[f.name, 'tier']} rules={[{ required: true, message: t('common:required') }]}>
                          <Select aria-label={t('admin:settings.sla.tier')} style={{ width: 120 }} options={TIERS.map((x) => ({ value: x, label: t(`admin:tiers.${x}`) }))} />
                        </Form.Item>
                      </td>
                      <td>
                        <Form.Item name={[f.name, 'type']}>
                          <Select aria-label={t('admin:settings.sla.type')} allowClear placeholder={t('admin:settings.sla.anyType')} style={{ width: 130 }} options={TICKET_TYPES.map((x) => ({ value: x, label: t(`admin:ticketTypes.${x}`) }))} />
                        </Form.Item>
                      </td>
                      <td>
                        <Form.Item name={[f.name, 'first_response_minutes']} rules={[{ required: true, message: t('common:required') }, minutes]}>
                          <InputNumber aria-label={t('admin:settings.sla.firstResponse')} style={{ width: 120 }} addonAfter={t('admin:settings.min')} data-testid="sla-first" />
                        </Form.Item>
                      </td>
                      <td>
                        <Form.Item
                          name={[f.name, 'resolution_minutes']}
                          dependencies={[['targets', f.name, 'first_response_minutes']]}
                          rules={[
                            { required: true, message: t('common:required') },
                            minutes,
                            ({ getFieldValue }) => ({
                              validator: (_r, v: number | undefined) => {
                                const first = getFieldValue(['targets', f.name, 'first_response_minutes']) as number | undefined;
                                return v === undefined || first === undefined || v >= first ? Promise.resolve() : Promise.reject(new Error(t('admin:settings.sla.notBeforeFirst')));
                              },
                            }),
                          ]}
                        >
                          <InputNumber aria-label={t('admin:settings.sla.resolution')} style={{ width: 120 }} addonAfter={t('admin:settings.min')} />
                        </Form.Item>
                      </td>
                      <td>
                        <Button aria-label={t('admin:settings.remove')} icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Button icon={<PlusOutlined />} onClick={() => add({ priority: 'p3', tier: 'standard' })}>
                {t('admin:settings.addRow')}
              </Button>
            </ScrollRegion>
          )}
        </Form.List>
        <SaveBar busy={s.busy} onReset={s.reset} testId="sla" />
      </Form>
    </SettingFrame>
  );
}

interface QualityValues {
  thresholds: S['QualityThreshold'][];
}

/** How many repeats of a model's fault or part in a window raise a quality warning. */
export function QualitySetting() {
  const { t } = useTranslation();
  const [form] = Form.useForm<QualityValues>();
  const count = useRange(2, 10000);
  const s = useReplacedSetting(
    'quality',
    () => must(api.GET('/api/v1/quality-thresholds')),
    (version, v: QualityValues) => must(api.POST('/api/v1/quality-thresholds', { params: { header: { 'If-Match': `"${version}"` } }, body: { thresholds: v.thresholds } })),
    form,
    under('thresholds'),
    (q) => ({ thresholds: q.thresholds }),
  );
  const rows = (Form.useWatch('thresholds', form) ?? []).filter(Boolean);
  const dup = duplicates(rows, (x) => t(`admin:windows.${x.window}`));
  return (
    <SettingFrame name="quality" version={s.version}>
      <Form form={form} name="quality" layout="inline" onFinish={(v) => void s.save(v)} disabled={s.query.isLoading} style={{ display: 'block' }}>
        <SaveError error={s.error} />
        {dup.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('admin:settings.duplicate', { keys: dup.join(', ') })} />}
        <Form.List name="thresholds">
          {(fields, { add, remove }) => (
            <Space direction="vertical">
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap data-testid="quality-row">
                  <Form.Item name={[f.name, 'window']} label={t('admin:settings.quality.window')} rules={[{ required: true, message: t('common:required') }]}>
                    <Select style={{ width: 120 }} options={WINDOWS.map((w) => ({ value: w, label: t(`admin:windows.${w}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'count']} label={t('admin:settings.quality.count')} rules={[{ required: true, message: t('common:required') }, count]}>
                    <InputNumber style={{ width: 120 }} data-testid="quality-count" />
                  </Form.Item>
                  <Button aria-label={t('admin:settings.remove')} icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              {fields.length < WINDOWS.length && (
                <Button icon={<PlusOutlined />} onClick={() => add({ window: WINDOWS.find((w) => !rows.some((r) => r.window === w)) ?? 'month', count: 3 })}>
                  {t('admin:settings.addRow')}
                </Button>
              )}
            </Space>
          )}
        </Form.List>
        <div>
          <SaveBar busy={s.busy} onReset={s.reset} testId="quality" />
        </div>
      </Form>
    </SettingFrame>
  );
}

interface DurationValues {
  rules: S['DurationRule'][];
}

/** How long a visit takes by kind of work, and for one model. */
export function DurationsSetting() {
  const { t } = useTranslation();
  const [form] = Form.useForm<DurationValues>();
  const minutes = useRange(5, 720);
  const s = useReplacedSetting(
    'durations',
    () => must(api.GET('/api/v1/duration-defaults')),
    (version, v: DurationValues) =>
      must(
        api.POST('/api/v1/duration-defaults', {
          params: { header: { 'If-Match': `"${version}"` } },
          body: { rules: v.rules.map((r) => ({ ...r, model: r.model?.trim() ? r.model.trim() : null })) },
        }),
      ),
    form,
    under('rules'),
    (d) => ({ rules: d.rules }),
  );
  const rows = (Form.useWatch('rules', form) ?? []).filter(Boolean);
  const dup = duplicates(rows, (x) => `${t(`admin:workTypes.${x.work_type}`)}${x.model?.trim() ? ' · ' + x.model.trim().toLowerCase() : ''}`);
  return (
    <SettingFrame name="durations" version={s.version}>
      <Form form={form} name="durations" layout="inline" onFinish={(v) => void s.save(v)} disabled={s.query.isLoading} style={{ display: 'block' }}>
        <SaveError error={s.error} />
        {dup.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('admin:settings.duplicate', { keys: dup.join(', ') })} />}
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <Space direction="vertical">
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'work_type']} label={t('admin:settings.durations.workType')} rules={[{ required: true, message: t('common:required') }]}>
                    <Select style={{ width: 130 }} options={WORK_TYPES.map((w) => ({ value: w, label: t(`admin:workTypes.${w}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'model']} label={t('admin:settings.durations.model')} rules={[{ max: 100, message: t('common:tooLong', { max: 100 }) }]}>
                    <Input style={{ width: 160 }} placeholder={t('admin:settings.durations.anyModel')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'minutes']} label={t('admin:settings.durations.minutes')} rules={[{ required: true, message: t('common:required') }, minutes]}>
                    <InputNumber style={{ width: 110 }} addonAfter={t('admin:settings.min')} />
                  </Form.Item>
                  <Button aria-label={t('admin:settings.remove')} icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ work_type: 'repair', minutes: 60 })}>
                {t('admin:settings.addRow')}
              </Button>
            </Space>
          )}
        </Form.List>
        <div>
          <SaveBar busy={s.busy} onReset={s.reset} testId="durations" />
        </div>
      </Form>
    </SettingFrame>
  );
}

interface TemplateValues {
  texts: Record<string, string>;
}

const templateKey = (kind: string, language: string) => `${kind}__${language.replace('-', '_')}`;

/** The texts customers are sent, one per kind of message and language. */
export function TemplatesSetting() {
  const { t } = useTranslation();
  const [form] = Form.useForm<TemplateValues>();
  const s = useReplacedSetting(
    'templates',
    () => must(api.GET('/api/v1/notification-templates')),
    (version, v: TemplateValues) =>
      must(
        api.POST('/api/v1/notification-templates', {
          params: { header: { 'If-Match': `"${version}"` } },
          body: { templates: KINDS.flatMap((kind) => LANGS.map((language) => ({ kind, language, text: (v.texts[templateKey(kind, language)] ?? '').trim() }))) },
        }),
      ),
    form,
    () => false,
    (n) => ({ texts: Object.fromEntries(n.templates.map((x) => [templateKey(x.kind, x.language), x.text])) }),
  );
  return (
    <SettingFrame name="templates" version={s.version}>
      <Typography.Paragraph type="secondary">{t('admin:settings.templates.placeholders')}</Typography.Paragraph>
      <Form form={form} name="templates" layout="vertical" onFinish={(v) => void s.save(v)} disabled={s.query.isLoading}>
        <SaveError error={s.error} />
        {KINDS.map((kind) => (
          <fieldset key={kind} style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
            <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>{t(`admin:kinds.${kind}`)}</legend>
            {LANGS.map((language) => (
              <Form.Item
                key={language}
                name={['texts', templateKey(kind, language)]}
                label={t(`admin:languages.${language.replace('-', '_')}`)}
                rules={[{ required: true, whitespace: true, message: t('common:required') }, { max: 500, message: t('common:tooLong', { max: 500 }) }]}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} showCount />
              </Form.Item>
            ))}
          </fieldset>
        ))}
        <SaveBar busy={s.busy} onReset={s.reset} testId="templates" />
      </Form>
    </SettingFrame>
  );
}

/** The fee schedules: every version with the day it applies from (versions never change). */
export function FeeSchedulesSetting() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const list = useQuery({ queryKey: ['setting', 'fees'], queryFn: async () => (await must(api.GET('/api/v1/fee-schedules'))).items });
  const today = dayjs().format('YYYY-MM-DD');
  const rows = [...(list.data ?? [])].sort((a, b) => b.version - a.version);
  const inForce = rows.find((r) => r.effective_from <= today)?.version;
  return (
    <SettingFrame name="fees" version={inForce}>
      <ScrollRegion label={t('admin:settings.history')}>
        <Table<FeeSchedule>
          size="small"
          rowKey="version"
          pagination={false}
          loading={list.isLoading}
          dataSource={rows}
          data-testid="fee-history"
          columns={[
            { title: t('admin:settings.versionCol'), key: 'v', render: (_v, r) => r.version },
            {
              title: t('admin:settings.from'),
              key: 'from',
              render: (_v, r) => (
                <Space>
                  {formatDate(r.effective_from, lang)}
                  {r.version === inForce && <Tag color={TONE.success}>{t('admin:settings.inForce')}</Tag>}
                  {r.effective_from > today && <Tag color={TONE.info}>{t('admin:settings.upcoming')}</Tag>}
                </Space>
              ),
            },
            { title: t('admin:settings.fees.labour'), key: 'labour', align: 'right', render: (_v, r) => formatMoney(r.terms.labour_per_hour_minor, lang, r.terms.currency) },
            { title: t('admin:settings.fees.discount'), key: 'discount', align: 'right', render: (_v, r) => `${(r.terms.key_account_discount_bp ?? 0) / 100}%` },
            { title: t('admin:settings.by'), key: 'by', render: (_v, r) => r.created_by },
            { title: t('admin:settings.at'), key: 'at', render: (_v, r) => formatDateTime(r.created_at, lang) },
          ]}
        />
      </ScrollRegion>
    </SettingFrame>
  );
}

/** Product lines with their warranty and return window. */
export function ProductLinesSetting() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const list = useQuery({ queryKey: ['setting', 'product-lines'], queryFn: async () => (await must(api.GET('/api/v1/product-lines'))).items });
  const [form] = Form.useForm<S['ProductLine']>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const months = useRange(0, 120);
  const days = useRange(0, 365);
  const save = async (v: S['ProductLine']) => {
    setBusy(true);
    setError(null);
    try {
      await must(api.POST('/api/v1/product-lines', { params: { header: { 'Idempotency-Key': idempotencyKey() } }, body: { ...v, name: v.name.trim().toLowerCase() } }));
      void message.success(t('admin:settings.product-lines.saved', { name: v.name.trim().toLowerCase() }));
      form.resetFields();
      refresh('setting');
    } catch (e) {
      setError(showProblem(e, form, fieldsNamed(['name', 'warranty_months', 'return_days']), t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <SettingFrame name="product-lines">
      <Table<S['ProductLine']>
        size="small"
        rowKey="name"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        onRow={(r) => ({ onClick: () => form.setFieldsValue(r) })}
        columns={[
          { title: t('admin:settings.product-lines.name'), key: 'name', render: (_v, r) => r.name },
          { title: t('admin:settings.product-lines.warranty'), key: 'w', align: 'right', render: (_v, r) => t('admin:settings.months', { count: r.warranty_months }) },
          { title: t('admin:settings.product-lines.returns'), key: 'r', align: 'right', render: (_v, r) => t('admin:settings.days', { count: r.return_days }) },
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        {t('admin:settings.product-lines.edit')}
      </Typography.Title>
      <Form form={form} name="product-line" layout="inline" onFinish={(v) => void save(v)} style={{ rowGap: 8 }}>
        <SaveError error={error} />
        <Form.Item name="name" label={t('admin:settings.product-lines.name')} rules={[{ required: true, whitespace: true, message: t('common:required') }, { max: 64, message: t('common:tooLong', { max: 64 }) }]}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="warranty_months" label={t('admin:settings.product-lines.warranty')} rules={[{ required: true, message: t('common:required') }, months]}>
          <InputNumber style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="return_days" label={t('admin:settings.product-lines.returns')} rules={[{ required: true, message: t('common:required') }, days]}>
          <InputNumber style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('admin:settings.save')}
          </Button>
        </Form.Item>
      </Form>
    </SettingFrame>
  );
}

/** What each brand requires on a manufacturer claim before it is submitted. */
export function ClaimRequirementsSetting() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const list = useQuery({ queryKey: ['setting', 'claims'], queryFn: async () => (await must(api.GET('/api/v1/claim-requirements'))).items });
  const [form] = Form.useForm<S['ClaimRequirements']>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (v: S['ClaimRequirements']) => {
    setBusy(true);
    setError(null);
    try {
      await must(
        api.POST('/api/v1/claim-requirements', {
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
          body: { brand: v.brand.trim(), required_fields: (v.required_fields ?? []).map((f) => f.trim()).filter(Boolean) },
        }),
      );
      void message.success(t('admin:settings.claims.saved', { brand: v.brand.trim() }));
      form.resetFields();
      refresh('setting');
    } catch (e) {
      setError(showProblem(e, form, (p) => p[0] === 'brand' || p[0] === 'required_fields', t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <SettingFrame name="claims">
      <Table<S['ClaimRequirements']>
        size="small"
        rowKey="brand"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        onRow={(r) => ({ onClick: () => form.setFieldsValue(r) })}
        columns={[
          { title: t('admin:settings.claims.brand'), key: 'brand', render: (_v, r) => r.brand },
          { title: t('admin:settings.claims.fields'), key: 'fields', render: (_v, r) => r.required_fields.map((f) => <Tag key={f}>{f}</Tag>) },
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        {t('admin:settings.claims.edit')}
      </Typography.Title>
      <Form form={form} name="claim-requirements" layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 560 }}>
        <SaveError error={error} />
        <Form.Item name="brand" label={t('admin:settings.claims.brand')} rules={[{ required: true, whitespace: true, message: t('common:required') }, { max: 64, message: t('common:tooLong', { max: 64 }) }]}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="required_fields"
          label={t('admin:settings.claims.fields')}
          extra={t('admin:settings.claims.fieldsHelp')}
          rules={[
            { type: 'array', max: 50, message: t('admin:settings.claims.tooMany') },
            { validator: (_r, v: string[] | undefined) => ((v ?? []).every((f) => f.trim().length <= 64) ? Promise.resolve() : Promise.reject(new Error(t('common:tooLong', { max: 64 })))) },
          ]}
        >
          <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} aria-label={t('admin:settings.claims.fields')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('admin:settings.save')}
        </Button>
      </Form>
    </SettingFrame>
  );
}
