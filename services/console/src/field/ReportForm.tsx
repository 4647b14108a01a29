// The visit report written on site: diagnosis, fault code from the list, parts used from the
// van (with what is on hand), meter reading, what was cleaned and adjusted, hazards, the
// outcome and the parts requested ahead for a return visit, whether another visit is needed
// (for the desk to book) and why, cash collected with the charge the receipt will make
// (priced by the server as the entries change, shown before the customer signs; offline it
// says the receipt will follow), the quotation of work that is not covered and the
// customer's answer before it is done, the customer's signature and photos of the machine and the
// fault.
// It goes into the phone's queue with its files (each uploaded first, as an attachment)
// and is sent from there (at once when online).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Select, Space, Spin, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n/langs';
import { formatMoney } from '../lib/format';
import { dropDraft, submitReport, useOnline, type Draft } from './actions';
import { labourText } from '../lib/labour';
import { chargeRequest, owedAfterCash, signatureNeeded, useCharge, type ChargePreview } from './charge';
import { fieldErrors } from '../api/problem';
import type { Day } from './data';
import { faultOptions, reportFieldPath, OUTCOMES, overVanStock, vanAvailable, type Completion, type FileRef, type QueuedAction, type Step, type VisitOutcome, type WorkOrder } from './model';
import { SignaturePad } from './SignaturePad';
import { PhotoPicker } from './PhotoPicker';
import { QuoteStep } from './QuoteStep';
import { quotationProblem } from './quote';

const BIG = { height: 48, fontSize: 16 } as const;

interface Values {
  diagnosis: string;
  fault?: string;
  parts: { sku?: string; quantity?: number }[];
  parts_consent: boolean;
  meter_reading?: number | null;
  consumables_level?: number | null;
  parts_cleaned?: string;
  adjustments?: string;
  hazards?: string;
  outcome: VisitOutcome;
  parts_needed: { sku?: string; quantity?: number }[];
  return_visit_needed: boolean;
  return_visit_note?: string;
  result?: string;
  started_at: Dayjs;
  finished_at: Dayjs;
  cash?: number | null;
  signer?: string;
  signature?: FileRef | null;
  photos: FileRef[];
}

/** The form's values from a report sent earlier (a refused one taken back). */
function valuesOf(b: Completion, files: Draft['files']): Partial<Values> {
  return {
    diagnosis: b.diagnosis,
    fault: b.fault ?? undefined,
    parts: (b.parts ?? []).map((p) => ({ sku: p.sku, quantity: p.quantity })),
    parts_consent: b.parts_consent ?? false,
    meter_reading: b.meter_reading ?? null,
    consumables_level: b.consumables_level ?? null,
    parts_cleaned: b.parts_cleaned ?? '',
    adjustments: b.adjustments ?? '',
    hazards: b.hazards ?? '',
    outcome: b.outcome ?? 'completed',
    parts_needed: (b.parts_needed ?? []).map((p) => ({ sku: p.sku, quantity: p.quantity })),
    return_visit_needed: b.return_visit_needed ?? false,
    return_visit_note: b.return_visit_note ?? '',
    result: b.result ?? '',
    started_at: dayjs(b.started_at),
    finished_at: dayjs(b.finished_at),
    cash: b.payment_collected ? b.payment_collected.amount_minor / 100 : null,
    signer: b.signature?.signer ?? '',
    signature: files?.signature ?? null,
    photos: files?.photos ?? [],
  };
}

const FIELDS = new Set(['diagnosis', 'fault', 'parts', 'parts_consent', 'meter_reading', 'consumables_level', 'parts_cleaned', 'adjustments', 'hazards', 'outcome', 'parts_needed', 'return_visit_needed', 'return_visit_note', 'result', 'started_at', 'finished_at', 'cash', 'signer', 'signature', 'photos', 'quotation']);

/** Where a refusal on `quotation` is shown: around the quotation step (it holds no value). */
function QuotationField({ children }: { children: ReactNode; value?: unknown; onChange?: unknown }) {
  return <>{children}</>;
}

/** The visit report form for a work order the technician is on site for. */
export function ReportForm({ day, order, queue, draft, onCancel, onDone }: { day: Day; order: WorkOrder; queue: QueuedAction[]; draft?: Draft | null; onCancel: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [other, setOther] = useState<string[]>([]);
  // A refused report comes back with what was typed and each problem on its field.
  useEffect(() => {
    if (!draft) return;
    form.setFieldsValue(valuesOf(draft.body, draft.files));
    // Dispatch's refusal of chargeable work without the customer's accepted quotation, in
    // the phone's language.
    const errors = draft.errors.map((e) => (e.field === 'quotation' ? { ...e, message: quotationProblem(e.code, e.message, t) } : e));
    const { fields, other: rest } = fieldErrors(
      { type: 'about:blank', title: '', status: 422, code: 'validation', errors } as Parameters<typeof fieldErrors>[0],
      (p) => FIELDS.has(String(reportFieldPath(p)[0])),
    );
    form.setFields(fields.map((f) => ({ name: reportFieldPath(f.name), errors: f.errors })) as Parameters<typeof form.setFields>[0]);
    setOther(rest);
  }, [draft, form, t]);
  const van = day.technician?.van_location ?? null;
  const machine = day.machines[order.id] ?? null;
  const partsBySku = useMemo(() => new Map(day.parts.map((p) => [p.sku, p])), [day.parts]);
  // What the van holds less what reports still waiting in the queue take from it.
  const available = (sku: string) => {
    const p = partsBySku.get(sku);
    const held = p ? vanAvailable(p, van) : 0;
    const queued = queue
      .filter((a) => a.kind === 'complete')
      .flatMap((a) => (a.body as Completion).parts ?? [])
      .filter((x) => x.sku === sku)
      .reduce((s, x) => s + x.quantity, 0);
    return Math.max(0, held - queued);
  };
  const arrived = useMemo(() => {
    const q = queue.find((a) => a.workOrderId === order.id && a.kind === 'move' && (a.body as { to: Step }).to === 'on_site');
    if (q) return (q.body as { occurred_at: string }).occurred_at;
    return [...(order.history ?? [])].reverse().find((m) => m.to === 'on_site')?.at ?? new Date().toISOString();
  }, [queue, order]);

  const parts = (Form.useWatch('parts', form) ?? []) as Values['parts'];
  const cash = Form.useWatch('cash', form) as number | null | undefined;
  const outcome = (Form.useWatch('outcome', form) ?? 'completed') as VisitOutcome;
  const returnNeeded = !!Form.useWatch('return_visit_needed', form);
  const fault = Form.useWatch('fault', form) as string | undefined;
  const usedParts = parts.filter((p) => p?.sku && p.quantity).map((p) => ({ sku: p.sku!, quantity: p.quantity! }));
  const online = useOnline();
  const startedAt = Form.useWatch('started_at', form) as Dayjs | undefined;
  const finishedAt = Form.useWatch('finished_at', form) as Dayjs | undefined;
  const wanted = chargeRequest({ started_at: startedAt?.toISOString(), finished_at: finishedAt?.toISOString(), fault: fault ?? null, parts: usedParts, outcome });
  const charge = useCharge(order.id, wanted, online);
  const cashMinor = Math.round((cash ?? 0) * 100);
  const over = overVanStock(usedParts, available);
  const chargeable = signatureNeeded(charge, cashMinor);
  const vanOptions = day.parts.map((p) => ({ value: p.sku, label: `${p.sku} · ${p.name} (${t('field:report.onHand', { count: available(p.sku) })})` }));
  const text = (max: number, required = false) => [
    ...(required ? [{ required: true, whitespace: true, message: t('field:report.required') }] : []),
    { max, message: t('field:report.tooLong', { max }) },
  ];

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const body: Completion = {
        diagnosis: v.diagnosis.trim(),
        fault: v.fault ?? null,
        parts: usedParts.map((p) => ({ sku: p.sku, quantity: p.quantity, location: van })),
        parts_consent: usedParts.length > 0 ? v.parts_consent : false,
        meter_reading: v.meter_reading ?? null,
        consumables_level: v.consumables_level ?? null,
        parts_cleaned: v.parts_cleaned?.trim() ?? '',
        adjustments: v.adjustments?.trim() ?? '',
        hazards: v.hazards?.trim() ?? '',
        outcome: v.outcome,
        parts_needed:
          v.outcome === 'waiting_for_parts' ? (v.parts_needed ?? []).filter((p) => p?.sku && p.quantity).map((p) => ({ sku: p.sku!.trim(), quantity: p.quantity! })) : [],
        return_visit_needed: !!v.return_visit_needed,
        return_visit_note: v.return_visit_needed ? (v.return_visit_note?.trim() ?? '') : '',
        result: v.result?.trim() ?? '',
        started_at: v.started_at.toISOString(),
        finished_at: v.finished_at.toISOString(),
        ...(v.cash ? { payment_collected: { amount_minor: Math.round(v.cash * 100), currency: 'CNY' } } : {}),
        // Said to the server, which then refuses the report without a drawn signature.
        chargeable,
        // The drawing's attachment id is put in when the report is sent, after its upload.
        signature: v.signer?.trim() || v.signature ? { signer: (v.signer ?? '').trim(), attachment_id: null } : null,
      };
      await submitReport(order, body, { signature: v.signature ?? null, photos: v.photos ?? [] });
      await dropDraft(order.id);
      void message.success(navigator.onLine === false ? t('field:report.queued') : t('field:report.sent'));
      onDone();
    } catch (e) {
      void message.error(String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="report"
      data-testid="report-form"
      initialValues={{ parts: [], parts_needed: [], photos: [], parts_consent: false, return_visit_needed: false, outcome: 'completed', started_at: dayjs(arrived), finished_at: dayjs() }}
      onFinish={submit}
      scrollToFirstError
      size="large"
    >
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {t('field:report.title', { number: order.number })}
      </Typography.Title>
      {other.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={other.join('; ')} data-testid="report-problems" />}
      <Form.Item name="diagnosis" label={t('field:report.diagnosis')} extra={t('field:report.diagnosisHelp')} rules={text(4000, true)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="fault" label={t('field:report.fault')}>
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('field:report.faultPlaceholder')} options={faultOptions(day.faults ?? [], lang, fault)} data-testid="fault" />
      </Form.Item>

      <Card size="small" title={t('field:report.parts')} style={{ marginBottom: 16 }}>
        {day.parts.length === 0 && <Typography.Text type="secondary">{t('field:report.noVanStock')}</Typography.Text>}
        <Form.List name="parts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'sku']} label={t('field:report.part')} style={{ flex: 1, minWidth: 0 }} rules={[{ required: true, message: t('field:report.required') }]}
                    validateStatus={over.includes(i) ? 'error' : undefined}
                    help={over.includes(i) ? t('field:report.overStock', { count: available(parts[i]?.sku ?? '') }) : undefined}
                  >
                    <Select showSearch optionFilterProp="label" options={vanOptions} data-testid={`part-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'quantity']} label={t('field:report.quantity')} style={{ width: 84 }} rules={[{ required: true, message: t('field:report.required') }]}>
                    <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} data-testid={`part-qty-${i}`} />
                  </Form.Item>
                  <Button aria-label={t('field:report.removePart')} icon={<DeleteOutlined />} onClick={() => remove(f.name)} style={{ marginTop: 36, minWidth: 44, minHeight: 44 }} />
                </Flex>
              ))}
              <Button block icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })} disabled={day.parts.length === 0} data-testid="add-part" style={BIG}>
                {t('field:report.addPart')}
              </Button>
            </>
          )}
        </Form.List>
        {usedParts.length > 0 && (
          <Form.Item name="parts_consent" valuePropName="checked" style={{ marginTop: 12, marginBottom: 0 }} rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('field:report.consentRequired')))) }]}>
            <Checkbox data-testid="parts-consent">{t('field:report.consent')}</Checkbox>
          </Form.Item>
        )}
      </Card>

      <Flex gap={8}>
        <Form.Item name="meter_reading" label={t('field:report.meter')} style={{ flex: 1 }}
          extra={machine?.last_meter_reading ? `${t('field:lastMeter')}: ${machine.last_meter_reading.reading.toLocaleString()}` : undefined}
          rules={[{ type: 'integer', min: 0, message: t('field:report.wholeNumber') }]}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} inputMode="numeric" data-testid="meter" />
        </Form.Item>
        <Form.Item name="consumables_level" label={t('field:report.consumables')} style={{ width: 130 }} rules={[{ type: 'integer', min: 0, max: 100, message: t('field:report.percent') }]}>
          <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
      </Flex>
      <Form.Item name="parts_cleaned" label={t('field:report.cleaned')} rules={text(1000)}>
        <Input />
      </Form.Item>
      <Form.Item name="adjustments" label={t('field:report.adjustments')} rules={text(1000)}>
        <Input />
      </Form.Item>
      <Form.Item name="hazards" label={t('field:report.hazards')} extra={t('field:report.hazardsHelp')} rules={text(1000)}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="outcome" label={t('field:report.outcome')} rules={[{ required: true, message: t('field:report.required') }]}>
        <Select options={OUTCOMES.map((o) => ({ value: o, label: t(`field:report.outcomes.${o}`) }))} data-testid="outcome" />
      </Form.Item>
      {outcome === 'waiting_for_parts' && (
        <Card size="small" title={t('field:report.partsNeeded')} style={{ marginBottom: 16 }}>
          <Alert type="info" showIcon message={t('field:report.returnVisit')} style={{ marginBottom: 8 }} />
          <Form.List name="parts_needed">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="start">
                    <Form.Item name={[f.name, 'sku']} label={t('field:report.sku')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('field:report.required') }, { max: 64, message: t('field:report.tooLong', { max: 64 }) }]}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'quantity']} label={t('field:report.quantity')} style={{ width: 84 }} rules={[{ required: true, message: t('field:report.required') }]}>
                      <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                    <Button aria-label={t('field:report.removePart')} icon={<DeleteOutlined />} onClick={() => remove(f.name)} style={{ marginTop: 36, minWidth: 44, minHeight: 44 }} />
                  </Flex>
                ))}
                <Button block icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })} style={BIG}>
                  {t('field:report.addPart')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
      )}
      <Form.Item name="photos" label={t('field:report.photos')} extra={t('field:report.photosHelp')}>
        <PhotoPicker />
      </Form.Item>
      <Form.Item name="result" label={t('field:report.result')} rules={text(1000)}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="return_visit_needed" valuePropName="checked" extra={t('field:report.returnNeededHelp')}>
        <Checkbox data-testid="return-visit-needed">{t('field:report.returnNeeded')}</Checkbox>
      </Form.Item>
      {returnNeeded && (
        <Form.Item name="return_visit_note" label={t('field:report.returnNote')} rules={text(1000)}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="return-visit-note" />
        </Form.Item>
      )}
      <Flex gap={8}>
        <Form.Item name="started_at" label={t('field:report.started')} style={{ flex: 1 }} rules={[{ required: true, message: t('field:report.required') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name="finished_at" label={t('field:report.finished')} style={{ flex: 1 }} dependencies={['started_at']}
          rules={[
            { required: true, message: t('field:report.required') },
            ({ getFieldValue }) => ({
              validator: (_, v: Dayjs | undefined) => (!v || !getFieldValue('started_at') || !v.isBefore(getFieldValue('started_at')) ? Promise.resolve() : Promise.reject(new Error(t('field:report.finishedBeforeStart')))),
            }),
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
      </Flex>

      <Card size="small" title={t('field:report.charge.title')} style={{ marginBottom: 16 }} data-testid="charge-preview">
        {charge.kind === 'incomplete' && <Typography.Text type="secondary">{t('field:report.charge.incomplete')}</Typography.Text>}
        {charge.kind === 'offline' && <Alert type="warning" showIcon message={t('field:report.charge.offline')} data-testid="charge-offline" />}
        {charge.kind === 'pricing' && (
          <Flex gap={8} align="center" data-testid="charge-pricing">
            <Spin size="small" />
            <span>{t('field:report.charge.pricing')}</span>
          </Flex>
        )}
        {charge.kind === 'failed' && <Alert type="error" showIcon message={t('field:report.charge.failed')} data-testid="charge-failed" />}
        {charge.kind === 'priced' && <ChargeLines preview={charge.preview} partName={(sku) => partsBySku.get(sku)?.name ?? sku} />}
        {outcome === 'completed' || outcome === 'could_not_fix' ? (
          <Form.Item name="quotation" style={{ marginBottom: 0 }} data-testid="quotation-field">
            <QuotationField>
              <QuoteStep
                workOrderId={order.id}
                preview={charge.kind === 'priced' && outcome === 'completed' ? charge.preview : null}
                request={outcome === 'completed' ? wanted : null}
                online={online}
                lang={lang}
                onRefused={() => form.setFieldsValue({ outcome: 'could_not_fix' })}
              />
            </QuotationField>
          </Form.Item>
        ) : null}
        <Form.Item name="cash" label={t('field:report.cash')} style={{ marginBottom: 4, marginTop: 8 }}
          rules={[{ validator: (_, v: number | null | undefined) => (v == null || (v >= 0 && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6) ? Promise.resolve() : Promise.reject(new Error(t('field:report.amount')))) }]}
        >
          <InputNumber min={0} precision={2} step={1} style={{ width: '100%' }} inputMode="decimal" data-testid="cash" />
        </Form.Item>
        {cashMinor > 0 && charge.kind === 'priced' && (
          <Flex justify="space-between">
            <span>{owedAfterCash(charge.preview.total_charged.amount_minor, cashMinor) < 0 ? t('field:report.charge.overpaid') : t('field:report.charge.owed')}</span>
            <span data-testid="charge-owed">{formatMoney(Math.abs(owedAfterCash(charge.preview.total_charged.amount_minor, cashMinor)), lang)}</span>
          </Flex>
        )}
      </Card>

      <Form.Item name="signer" label={t('field:report.signer')} dependencies={['signature']}
        rules={[
          { max: 100, message: t('field:report.tooLong', { max: 100 }) },
          ({ getFieldValue }) => ({
            validator: (_, v: string | undefined) => ((getFieldValue('signature') || chargeable) && !v?.trim() ? Promise.reject(new Error(t('field:report.required'))) : Promise.resolve()),
          }),
        ]}
      >
        <Input autoComplete="off" data-testid="signer" />
      </Form.Item>
      <Form.Item name="signature" label={t('field:report.signature')}
        rules={[{ validator: (_, v: FileRef | null | undefined) => (chargeable && !v ? Promise.reject(new Error(t('field:report.signatureRequired'))) : Promise.resolve()) }]}
      >
        <SignaturePad />
      </Form.Item>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button type="primary" htmlType="submit" block size="large" style={BIG} loading={busy} data-testid="report-submit">
          {t('field:report.submit')}
        </Button>
        <Button block size="large" style={BIG} onClick={onCancel}>
          {t('common:cancel')}
        </Button>
      </Space>
    </Form>
  );
}

/** The receipt's lines as priced: what each is for, why it is covered or charged, what it
 * charges, and the total with the tax it contains. */
function ChargeLines({ preview, partName }: { preview: ChargePreview; partName: (sku: string) => string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const money = (m: { amount_minor: number; currency: string }) => formatMoney(m.amount_minor, lang, m.currency);
  if (!preview.receipt) return <Alert type="info" showIcon message={t('field:report.charge.noReceipt')} data-testid="charge-no-receipt" />;
  return (
    <>
      {preview.lines.map((l, i) => (
        <Flex key={i} justify="space-between" gap={8} align="baseline" data-testid="charge-line">
          <span>
            {l.kind === 'part' ? t('field:report.charge.parts', { name: partName(l.sku ?? ''), qty: l.quantity }) : l.kind === 'labour' ? (labourText(l, t, lang)?.title ?? t('field:report.charge.labour')) : t('field:report.charge.callOut')}{' '}
            <Tag color={l.coverage === 'chargeable' ? undefined : 'green'}>{t(`field:report.charge.coverage.${l.coverage}`)}</Tag>
            {l.discount && l.discount.amount_minor > 0 && <Typography.Text type="secondary">{t('field:report.charge.discount', { amount: money(l.discount) })}</Typography.Text>}
            {labourText(l, t, lang) && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }} data-testid="charge-labour-basis">
                {labourText(l, t, lang)?.basis}
              </Typography.Text>
            )}
          </span>
          <span>
            {l.charged.amount_minor !== l.amount.amount_minor && <Typography.Text delete type="secondary">{money(l.amount)}</Typography.Text>} {money(l.charged)}
          </span>
        </Flex>
      ))}
      <Flex justify="space-between" style={{ fontSize: 18, fontWeight: 600, marginTop: 4 }}>
        <span>{t('field:report.charge.total')}</span>
        <span data-testid="charge-total">{money(preview.total_charged)}</span>
      </Flex>
      <Typography.Text type="secondary">{t('field:report.charge.tax', { amount: money(preview.tax_included) })}</Typography.Text>
    </>
  );
}
