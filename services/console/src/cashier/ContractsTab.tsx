// Annual maintenance contracts (年保): the contracts signed, newest first, and signing a new
// one for a customer's machines in a drawer — the customer found by name, phone or serial
// (contact details masked), the machines chosen from theirs, the period, what it covers and
// the price. Refusals land on their fields and nothing typed is cleared; the send carries an
// Idempotency-Key kept while the drawer is open.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Drawer, Empty, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDate, formatMoney } from '../lib/format';
import { useSendDialog } from '../lib/sendDialog';
import { ScrollRegion } from '../lib/ScrollRegion';
import { useCan } from '../shell/permissions';
import { FULL_COVERAGE, contractBody, localDay, priceProblem, termEnd, type Contract, type ContractCoverage, type Customer } from './cashier';
import { showProblem } from './forms';
import { useContracts, useCustomerMachines, useCustomerSearch, useRefresh } from './queries';

/** What a contract covers, in words: 上门费 · 人工 · 配件 · 每 3 个月保养一次. */
export function useCoverageText() {
  const { t } = useTranslation();
  return (c: ContractCoverage) => {
    const parts = (['call_out', 'labour', 'parts'] as const).filter((k) => c[k]).map((k) => t(`cashier:contracts.covers.${k}`));
    parts.push(c.visit_every_months > 0 ? t('cashier:contracts.visitsEvery', { count: c.visit_every_months }) : t('cashier:contracts.noVisits'));
    return parts.join(' · ');
  };
}

export default function ContractsTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const q = useContracts();
  const coverageText = useCoverageText();
  const canCreate = useCan('createContract');
  const canFind = useCan('findCustomers');
  const canListMachines = useCan('listMachines');
  const canSign = canCreate && canFind && canListMachines;
  const [signing, setSigning] = useState(false);
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        {canSign && (
          <Button type="primary" onClick={() => setSigning(true)} data-testid="contract-new">
            {t('cashier:contracts.new')}
          </Button>
        )}
        <ScrollRegion label={t('cashier:tab.contracts')}>
          <Table<Contract>
            size="small"
            rowKey="id"
            data-testid="contracts"
            loading={q.isLoading}
            dataSource={q.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('cashier:contracts.none') }}
            columns={[
              { title: t('cashier:contracts.number'), key: 'number', render: (_v, c) => <Typography.Text strong>{c.number}</Typography.Text> },
              { title: t('cashier:receipt.customer'), key: 'customer', render: (_v, c) => c.customer_name },
              { title: t('cashier:contracts.machines'), key: 'machines', responsive: ['sm'], render: (_v, c) => c.machines.map((m) => `${m.brand} ${m.model} · ${m.serial}`).join('；') },
              { title: t('cashier:contracts.period'), key: 'period', render: (_v, c) => t('cashier:contracts.periodText', { from: formatDate(c.starts_on, lang), to: formatDate(c.ends_on, lang) }) },
              { title: t('cashier:contracts.coverage'), key: 'coverage', responsive: ['md'], render: (_v, c) => coverageText(c.coverage) },
              { title: t('cashier:contracts.price'), key: 'price', align: 'right', render: (_v, c) => formatMoney(c.price.amount_minor, lang, c.price.currency) },
            ]}
          />
        </ScrollRegion>
        {q.isError && <Alert type="error" showIcon message={t('common:error', { detail: q.error.message })} />}
      </Space>
      <SignContractDrawer open={signing} onClose={() => setSigning(false)} />
    </Card>
  );
}

interface SignValues {
  customer_id: string;
  district: string;
  address?: string;
  machines: string[];
  starts_on: Dayjs;
  ends_on: Dayjs;
  coverage: ContractCoverage;
  price: { amount_minor: number };
}

/** The fields a refusal may name that the drawer has. */
const SIGN_FIELDS = ['customer_id', 'district', 'address', 'machines', 'starts_on', 'ends_on', 'coverage.visit_every_months', 'price', 'price.amount_minor'];

/** The rule of a price typed in yuan: required, not negative, two decimals at most. */
export function usePriceRule() {
  const { t } = useTranslation();
  return {
    required: true,
    validator: (_r: unknown, v: number | null | undefined) => {
      const p = priceProblem(v);
      return p === null ? Promise.resolve() : Promise.reject(new Error(t(p === 'required' ? 'common:required' : p === 'negative' ? 'cashier:contracts.negative' : 'cashier:amount.decimals')));
    },
  };
}

/** The period's end must not come before its start. */
export function useEndRule(startField = 'starts_on') {
  const { t } = useTranslation();
  return ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_r: unknown, v: Dayjs | null | undefined) => {
      const start = getFieldValue(startField) as Dayjs | string | undefined;
      if (!v || !start) return Promise.resolve();
      return v.isBefore(dayjs(start), 'day') ? Promise.reject(new Error(t('cashier:contracts.endBeforeStart'))) : Promise.resolve();
    },
  });
}

function SignContractDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<SignValues>();
  const d = useSendDialog(open);
  const priceRule = usePriceRule();
  const endRule = useEndRule();
  const [text, setText] = useState('');
  const [typed, setTyped] = useState('');
  const [customer, setCustomer] = useState<Customer | null>(null);
  const found = useCustomerSearch(typed);
  const machines = useCustomerMachines(customer?.id);
  // Searched 300 ms after the last key.
  useEffect(() => {
    const h = setTimeout(() => setTyped(text), 300);
    return () => clearTimeout(h);
  }, [text]);
  useEffect(() => {
    if (!open) return;
    // Only opening starts afresh: a refusal or an expired session keeps what was typed.
    const today = localDay();
    form.resetFields();
    form.setFieldsValue({ starts_on: dayjs(today), ends_on: dayjs(termEnd(today)), coverage: FULL_COVERAGE, machines: [] });
    setCustomer(null);
    setText('');
  }, [open, form]);
  // A customer with one machine has it chosen.
  useEffect(() => {
    const items = machines.data;
    if (items && items.length === 1 && items[0] && (form.getFieldValue('machines') as string[] | undefined)?.length === 0) {
      form.setFieldsValue({ machines: [items[0].id] });
    }
  }, [machines.data, form]);
  const options = useMemo(
    () => (found.data ?? []).map((c) => ({ value: c.id, label: `${c.company} · ${c.number} · ${c.district}` })),
    [found.data],
  );

  const pick = (id: string) => {
    const c = (found.data ?? []).find((x) => x.id === id) ?? null;
    setCustomer(c);
    if (c) form.setFieldsValue({ district: c.district, machines: [] });
  };

  const submit = async (v: SignValues) => {
    if (!customer) return;
    d.setBusy(true);
    d.setError(null);
    try {
      const body = contractBody(
        { ...v, starts_on: v.starts_on.format('YYYY-MM-DD'), ends_on: v.ends_on.format('YYYY-MM-DD') },
        customer,
        machines.data ?? [],
      );
      const k = await must(api.POST('/api/v1/contracts', { params: { header: { 'Idempotency-Key': d.key } }, body }));
      void message.success(t('cashier:contracts.signed', { number: k.number, customer: k.customer_name }));
      refresh('contracts', 'renewals', 'customers');
      onClose();
    } catch (e) {
      // A refusal was answered: the corrected contract goes with a new key.
      d.failed(e);
      d.setError(showProblem(e, form, SIGN_FIELDS, t));
    } finally {
      d.setBusy(false);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('cashier:contracts.newTitle')} width={560} destroyOnHidden data-testid="contract-drawer">
      <Form form={form} name="contract" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<SignValues>) => {
          // A new start moves an end nobody has set yet to a year on.
          if (changed.starts_on && !form.isFieldTouched('ends_on')) form.setFieldsValue({ ends_on: dayjs(termEnd(changed.starts_on.format('YYYY-MM-DD'))) });
        }}
      >
        {d.error && <Alert type="warning" showIcon message={d.error} style={{ marginBottom: 12 }} role="alert" data-testid="contract-error" />}
        <Form.Item name="customer_id" label={t('cashier:contracts.customer')} extra={t('cashier:contracts.customerHelp')} rules={[{ required: true, message: t('cashier:contracts.pickCustomer') }]}>
          <Select
            showSearch
            autoFocus
            filterOption={false}
            searchValue={text}
            onSearch={setText}
            onChange={pick}
            options={options}
            loading={found.isFetching}
            placeholder={t('cashier:contracts.customerPlaceholder')}
            notFoundContent={typed.trim() ? (found.isFetching ? t('common:loading') : t('cashier:contracts.noCustomer')) : null}
            data-testid="contract-customer"
          />
        </Form.Item>
        <Form.Item name="district" label={t('cashier:contracts.district')} extra={t('cashier:contracts.districtHelp')} rules={[{ required: true, whitespace: true, message: t('common:required') }, { max: 64, message: t('common:tooLong', { max: 64 }) }]}>
          <Input maxLength={64} data-testid="contract-district" />
        </Form.Item>
        <Form.Item name="address" label={t('cashier:contracts.address')} extra={t('cashier:contracts.addressHelp')} rules={[{ max: 500, message: t('common:tooLong', { max: 500 }) }]}>
          <Input maxLength={500} data-testid="contract-address" />
        </Form.Item>
        <Form.Item name="machines" label={t('cashier:contracts.machines')} rules={[{ required: true, type: 'array', min: 1, message: t('cashier:contracts.pickMachine') }, { type: 'array', max: 50, message: t('cashier:contracts.tooManyMachines') }]}>
          {customer ? (
            (machines.data ?? []).length > 0 ? (
              <MachineChecks
                label={t('cashier:contracts.machines')}
                options={(machines.data ?? []).map((m) => ({
                  value: m.id,
                  label: `${m.brand} ${m.model} · ${m.serial}${m.warranty_end ? ` · ${t('cashier:contracts.warrantyEnd', { date: formatDate(m.warranty_end, lang) })}` : ''}${m.contract ? ` · ${t('cashier:contracts.underContract', { number: m.contract.number })}` : ''}`,
                }))}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={machines.isLoading ? t('common:loading') : t('cashier:contracts.noMachines')} />
            )
          ) : (
            <Typography.Text type="secondary">{t('cashier:contracts.customerFirst')}</Typography.Text>
          )}
        </Form.Item>
        <Space wrap size="middle">
          <Form.Item name="starts_on" label={t('cashier:contracts.startsOn')} rules={[{ required: true, message: t('common:required') }]}>
            <DatePicker allowClear={false} data-testid="contract-starts" />
          </Form.Item>
          <Form.Item name="ends_on" label={t('cashier:contracts.endsOn')} dependencies={['starts_on']} rules={[{ required: true, message: t('common:required') }, endRule]}>
            <DatePicker allowClear={false} data-testid="contract-ends" />
          </Form.Item>
        </Space>
        <CoverageFields />
        <Form.Item name={['price', 'amount_minor']} label={t('cashier:contracts.priceYuan')} rules={[priceRule]}>
          <InputNumber prefix="¥" min={0} step={100} style={{ width: 200 }} data-testid="contract-price" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={d.busy} data-testid="contract-submit">
            {t('cashier:contracts.sign')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}

/** What a contract covers: call-out, labour and parts, and a maintenance visit every 0–12 months (fields `coverage.*`). */
export function CoverageFields() {
  const { t } = useTranslation();
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('cashier:contracts.coverage')}</legend>
      <Space wrap>
        {(['call_out', 'labour', 'parts'] as const).map((k) => (
          <Form.Item key={k} name={['coverage', k]} valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox data-testid={`coverage-${k}`}>{t(`cashier:contracts.covers.${k}`)}</Checkbox>
          </Form.Item>
        ))}
      </Space>
      <Form.Item name={['coverage', 'visit_every_months']} label={t('cashier:contracts.visitEvery')} extra={t('cashier:contracts.visitEveryHelp')} rules={[{ required: true, message: t('common:required') }, { type: 'integer', min: 0, max: 12, message: t('cashier:contracts.visitRange') }]}>
        <InputNumber min={0} max={12} precision={0} style={{ width: 120 }} data-testid="coverage-visits" />
      </Form.Item>
    </fieldset>
  );
}

/**
 * The customer's machines as checkboxes in a labelled group. The form item's `aria-required`
 * belongs on no group, so only its value, id and the description of its errors reach it.
 */
function MachineChecks({ label, options, value, onChange, id, ...aria }: { label: string; options: { value: string; label: string }[]; value?: string[]; onChange?: (v: string[]) => void; id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean | 'true' | 'false' }) {
  return (
    <div role="group" id={id} aria-label={label} aria-describedby={aria['aria-describedby']} aria-invalid={aria['aria-invalid']} data-testid="contract-machines">
      <Checkbox.Group value={value} onChange={(v) => onChange?.(v as string[])} options={options} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
    </div>
  );
}
