import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, List, Row, Select, Space, Typography, type InputRef } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, must } from '../api/client';
import { ApiProblem, fieldErrors } from '../api/problem';
import type { components } from '../api/schema';
import { previewPriority } from '../lib/priority';
import { useCan } from '../shell/permissions';
import { useFaq, useMachines, usePriorityRules, useProductLines, useRevealedCustomer, type Customer, type FaqArticle, type Ticket } from './queries';

type OpenTicket = components['schemas']['OpenTicket'];

/** The form's values; names follow the request body so server errors land on the field. */
export interface TicketFormValues {
  channel: OpenTicket['channel'];
  type: OpenTicket['type'];
  symptom: string;
  machine_down: boolean;
  customer: { name: string; phone: string; district: string; address: string };
  /** A machine id of the customer's, `new` or `none`. */
  machine: string;
  /** Why the machine is returned (returns only). */
  return_reason?: OpenTicket['return_reason'];
  new_machine: { product_line: string; brand: string; model: string; serial: string };
}

const CHANNELS: OpenTicket['channel'][] = ['phone', 'web', 'email', 'chat', 'walk_in', 'dealer_drop_off'];
const TYPES: OpenTicket['type'][] = ['fault', 'maintenance', 'installation', 'consultation', 'consumables', 'complaint', 'return'];
const PHONE = /^[\d\s+\-()]{5,32}$/;
const RETURN_REASONS: NonNullable<OpenTicket['return_reason']>[] = ['defective', 'not_as_described', 'doesnt_know_how_to_use', 'changed_mind'];

/** Where a server field error goes in this form. */
export function formPath(field: (string | number)[], machineChoice: string): (string | number)[] | null {
  const [head, ...rest] = field;
  if (head === 'machine') return rest.length === 0 || machineChoice !== 'new' ? ['machine'] : ['new_machine', ...rest];
  if (head === 'customer' && rest.length === 1) return field;
  if (head === 'symptom' || head === 'channel' || head === 'type' || head === 'machine_down' || head === 'return_reason') return [head];
  return null;
}

/** The new ticket form: known caller or new, a machine of theirs or a new one, FAQ suggestions. */
export function NewTicketForm({ customer, onOpened, symptomRef }: { customer: Customer | null; onOpened: (t: Ticket) => void; symptomRef: React.RefObject<InputRef | null> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<TicketFormValues>();
  const [other, setOther] = useState<string[]>([]);
  const machines = useMachines(customer?.id);
  const lines = useProductLines();
  const symptom = Form.useWatch('symptom', form) ?? '';
  const machineChoice = Form.useWatch('machine', form) ?? 'none';
  const chosen = machines.data?.items.find((m) => m.id === machineChoice);
  const productLine = chosen?.product_line ?? (machineChoice === 'new' ? form.getFieldValue(['new_machine', 'product_line']) : undefined);
  const faq = useFaq(symptom, productLine);
  const rules = usePriorityRules(useCan('getPriorityRules'));
  const ticketType = Form.useWatch('type', form) ?? 'fault';
  const machineDown = Form.useWatch('machine_down', form) ?? false;
  const preview = rules.data
    ? previewPriority(rules.data.rules, { type: ticketType, symptom, machineDown, tier: customer?.tier ?? 'standard' })
    : null;
  const key = useRef(idempotencyKey());

  // A newly picked caller fills the customer fields (from the record unmasked for this
  // ticket) and picks their first machine.
  const revealed = useRevealedCustomer(customer?.id);
  useEffect(() => {
    const c = revealed.data;
    if (!c || c.id !== customer?.id) return;
    const contact = c.contacts[0];
    form.setFieldsValue({
      customer: { name: c.company, phone: contact?.phones[0] ?? '', district: c.district, address: c.address },
    });
  }, [revealed.data, customer, form]);
  useEffect(() => {
    const first = machines.data?.items[0];
    if (customer && first && form.getFieldValue('machine') === 'none') form.setFieldValue('machine', first.id);
  }, [machines.data, customer, form]);

  const build = (v: TicketFormValues): OpenTicket => {
    const m = machines.data?.items.find((x) => x.id === v.machine);
    return {
      channel: v.channel,
      type: v.type,
      symptom: v.symptom.trim(),
      machine_down: v.machine_down,
      ...(v.type === 'return' && v.return_reason ? { return_reason: v.return_reason } : {}),
      customer: { name: v.customer.name.trim(), phone: v.customer.phone.trim(), district: v.customer.district.trim(), address: (v.customer.address ?? '').trim() },
      ...(customer ? { customer_id: customer.id } : {}),
      machine: m
        ? { product_line: m.product_line, brand: m.brand, model: m.model, serial: m.serial, purchase_date: m.purchase_date ?? null }
        : v.machine === 'new'
          ? { ...v.new_machine, purchase_date: null }
          : null,
    };
  };

  const open = useMutation({
    mutationFn: async ({ values, article }: { values: TicketFormValues; article?: FaqArticle }) => {
      const ticket = await must(api.POST('/api/v1/tickets', { body: build(values), params: { header: { 'Idempotency-Key': key.current } } }));
      if (!article) return { ticket, article };
      const moved = await must(
        api.POST('/api/v1/tickets/{id}/transitions', {
          params: { path: { id: ticket.id }, header: { 'If-Match': `"${ticket.version}"` } },
          body: { to: 'resolved_remotely', faq_article_id: article.id, resolution: article.answer },
        }),
      );
      return { ticket: moved, article };
    },
    onSuccess: ({ ticket, article }) => {
      key.current = idempotencyKey();
      setOther([]);
      void qc.invalidateQueries({ queryKey: ['tickets'] });
      void message.success(
        article
          ? t('desk:ticket.resolvedRemotely', { number: ticket.number, article: article.number })
          : t('desk:ticket.created', { number: ticket.number, priority: t(`desk:priority.${ticket.priority}`) }),
      );
      form.setFieldsValue({ symptom: '', machine_down: false });
      onOpened(ticket);
    },
    onError: (e) => {
      if (!(e instanceof ApiProblem)) {
        setOther([String(e)]);
        return;
      }
      const choice = form.getFieldValue('machine') as string;
      // Known codes are said in the agent's language; others keep the service's words.
      const translate = (code: string, text: string) => (code === 'required' ? t('common:required') : text);
      const { fields, other: rest } = fieldErrors(e.problem, (p) => formPath(p, choice) !== null, translate);
      form.setFields(fields.map((f) => ({ name: (formPath(f.name, choice) ?? f.name) as never, errors: f.errors })));
      setOther(fields.length === 0 && rest.length === 0 ? [e.problem.detail] : rest);
    },
  });

  const submit = (article?: FaqArticle) =>
    form
      .validateFields()
      .then((values) => open.mutate({ values, ...(article ? { article } : {}) }))
      .catch(() => setOther([t('desk:ticket.fixErrors')]));

  const req = { required: true, whitespace: true, message: t('common:required') };
  const max = (n: number) => ({ max: n, message: t('common:tooLong', { max: n }) });
  return (
    <Card title={t('desk:ticket.newTitle')} size="small">
      <Form<TicketFormValues>
        form={form}
        name="ticket"
        layout="vertical"
        initialValues={{ channel: 'phone', type: 'fault', symptom: '', machine_down: false, machine: 'none', customer: { name: '', phone: '', district: '', address: '' }, new_machine: { product_line: 'copier', brand: '', model: '', serial: '' } }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
        onFinish={() => void submit()}
      >
        {other.length > 0 && <Alert type="error" showIcon role="alert" title={other.join('；')} style={{ marginBottom: 12 }} data-testid="form-errors" />}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="channel" label={t('desk:ticket.channel')} rules={[req]}>
              <Select options={CHANNELS.map((c) => ({ value: c, label: t(`desk:channel.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="type" label={t('desk:ticket.type')} rules={[req]}>
              <Select options={TYPES.map((c) => ({ value: c, label: t(`desk:type.${c}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        {ticketType === 'return' && (
          <Form.Item name="return_reason" label={t('desk:ticket.returnReason')}>
            <Select allowClear options={RETURN_REASONS.map((r) => ({ value: r, label: t(`desk:returnReason.${r}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="symptom" label={t('desk:ticket.symptom')} rules={[req, max(4000)]}>
          <Input.TextArea ref={symptomRef} rows={3} data-testid="symptom" />
        </Form.Item>
        <Form.Item name="machine" label={t('desk:ticket.machine')}>
          <Select
            data-testid="machine"
            options={[
              ...(machines.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.brand} ${m.model} · ${m.serial}` })),
              { value: 'new', label: t('desk:ticket.newMachine') },
              { value: 'none', label: t('desk:ticket.noMachine') },
            ]}
          />
        </Form.Item>
        {machineChoice === 'new' && (
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name={['new_machine', 'product_line']} label={t('desk:ticket.productLine')} rules={[req]}>
                <Select options={(lines.data?.items ?? []).map((l) => ({ value: l.name, label: l.name }))} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['new_machine', 'brand']} label={t('desk:ticket.brand')} rules={[req, max(100)]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['new_machine', 'model']} label={t('desk:ticket.model')} rules={[req, max(100)]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['new_machine', 'serial']} label={t('desk:ticket.serial')} rules={[req, max(100)]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="machine_down" valuePropName="checked">
          <Checkbox>{t('desk:ticket.machineDown')}</Checkbox>
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name={['customer', 'name']} label={t('desk:ticket.customerName')} rules={[req, max(200)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['customer', 'phone']}
              label={t('desk:ticket.phone')}
              rules={[req, { pattern: PHONE, message: t('common:badPhone') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['customer', 'district']} label={t('desk:ticket.district')} rules={[req, max(64)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['customer', 'address']} label={t('desk:ticket.address')} rules={[max(500)]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        {preview && (
          <Typography.Paragraph data-testid="priority-preview">
            <Typography.Text strong>{t(`desk:priority.${preview.priority}`)}</Typography.Text>
            {' · '}
            {preview.rule ? t('desk:ticket.priorityNote', { rule: preview.rule.note || `#${preview.rule.index + 1}` }) : t('desk:ticket.priorityDefault')}
          </Typography.Paragraph>
        )}
        <Button type="primary" htmlType="submit" loading={open.isPending} data-testid="submit-ticket">
          {t('desk:ticket.submit')}
        </Button>
      </Form>
      <Typography.Title level={2} style={{ fontSize: 15, marginTop: 16 }}>
        {t('desk:ticket.faq')}
      </Typography.Title>
      <List
        size="small"
        data-testid="faq"
        dataSource={faq.data?.items ?? []}
        locale={{ emptyText: t('desk:ticket.noFaq') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="use" size="small" onClick={() => void submit(a)}>
                {t('desk:ticket.resolveWith')}
              </Button>,
            ]}
          >
            <Space direction="vertical" size={0}>
              <Typography.Text strong>
                {a.number} · {a.question}
              </Typography.Text>
              <Typography.Text type="secondary">{a.answer}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
