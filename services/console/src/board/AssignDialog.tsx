// Assign or reassign a work order by hand: technician, reason, submit. The keyboard path:
// the technician select has the focus, type to filter, Enter, Tab, the reason, Enter.
import { Alert, App, Button, ConfigProvider, Form, Input, Modal, Select, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { InputRef, RefSelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import { ApiProblem, fieldErrors } from '../api/problem';
import type { Technician, WorkOrder } from './board';

interface Values {
  technician_id?: string;
  reason: string;
}

/** The dialog; `order` null: closed. `technicianId` preselects a technician (a drop on a lane). */
export function AssignDialog({ order, technicianId, technicians, day, onClose }: {
  order: WorkOrder | null;
  technicianId: string | undefined;
  technicians: Technician[];
  day: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<InputRef>(null);
  const selectRef = useRef<RefSelectProps>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (order) {
      setError(null);
      form.setFieldsValue({ technician_id: technicianId, reason: '' });
    }
  }, [order, technicianId, form]);

  const submit = async (v: Values) => {
    if (!order) return;
    setBusy(true);
    setError(null);
    try {
      await must(
        api.POST('/api/v1/workorders/{id}/assign', {
          params: { path: { id: order.id }, header: { 'If-Match': `"${order.version}"` } },
          body: { technician_id: v.technician_id ?? null, reason: v.reason.trim() },
        }),
      );
      void message.success(t('board:assign.done', { number: order.number }));
      void qc.invalidateQueries({ queryKey: ['workorders'] });
      onClose();
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 412) {
        setError(t('board:assign.stale'));
        void qc.invalidateQueries({ queryKey: ['workorders'] });
      } else if (e instanceof ApiProblem && e.status === 422) {
        const { fields, other } = fieldErrors(e.problem, (p) => p[0] === 'reason' || p[0] === 'technician_id');
        form.setFields(fields.map((f) => ({ name: f.name[0] as keyof Values, errors: f.errors })));
        if (other.length > 0) setError(other.join('; '));
      } else {
        setError(t('common:error', { detail: e instanceof Error ? e.message : String(e) }));
      }
    } finally {
      setBusy(false);
    }
  };

  const options = technicians
    .filter((x) => x.active)
    .map((x) => ({
      value: x.id,
      label: `${x.name} · ${x.district}${x.leave.some((l) => l.from <= day && day <= l.to) ? ' · ' + t('board:lane.onLeave') : ''}`,
    }));

  // Field errors in a red dark enough for WCAG AA contrast on white.
  return (
    <ConfigProvider theme={{ token: { colorError: '#c41d1f' } }}>
    <Modal
      open={!!order}
      title={order ? t('board:assign.title', { number: order.number }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterOpenChange={(open) => {
        // Focus the technician unless the keyboard already moved on inside the dialog.
        const a = document.activeElement;
        if (open && !(a instanceof HTMLInputElement && a.closest('.ant-modal'))) selectRef.current?.focus();
      }}
      data-testid="assign-dialog"
    >
      {order && (
        <Form form={form} name="assign" layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
          {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} data-testid="assign-error" />}
          <p>
            {order.customer_name} · {order.district}
          </p>
          <Form.Item name="technician_id" label={t('board:assign.technician')} extra={t('board:assign.auto')}>
            <Select
              ref={selectRef}
              autoFocus
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={options}
              placeholder={t('board:assign.auto')}
              onSelect={() => setTimeout(() => reasonRef.current?.focus(), 0)}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('board:assign.reason')}
            rules={[
              { required: true, whitespace: true, message: t('common:required') },
              { max: 500, message: t('common:tooLong', { max: 500 }) },
            ]}
          >
            <Input maxLength={500} ref={reasonRef} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="assign-submit">
              {t('board:assign.submit')}
            </Button>
            <Button onClick={onClose}>{t('common:cancel')}</Button>
          </Space>
        </Form>
      )}
    </Modal>
    </ConfigProvider>
  );
}
