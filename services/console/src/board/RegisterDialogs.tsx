// The register's two records: a technician's departure phoned in to the desk, and a call
// after a visit (复电). Each is an Ant Design form named like the request body, so a 422's
// field (`occurred_at`, `note`, `work_order_id`) lands on its field; what the API document
// states (a note of at most 500 characters) is checked before sending. The time is typed as
// HH:mm of the register's day in the company's time zone. A call carries an Idempotency-Key
// kept while the dialog is open, so sending again after a lost answer records nothing twice;
// a departure needs none, as the service keeps the first one of the day.
import { useEffect } from 'react';
import { Alert, App, Button, ConfigProvider, Form, Input, Modal, Select, Space, TimePicker, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import { useSendDialog } from '../lib/sendDialog';
import { showProblem } from './forms';
import { instantOn, likelyVisit, proposedTime, type RegisterRow } from './register';

/** The register's day and what the dialogs propose on it. */
export interface RegisterDay {
  /** The register's day, `YYYY-MM-DD`. */
  date: string;
  /** The company's today. */
  today: string;
  /** The company's departure time (`HH:mm:ss`). */
  departureTime: string;
}

/** Maximum length of a call's note, in characters (code points) of the trimmed text, as the service checks it. */
export const MAX_NOTE = 500;

const timeValue = (hhmm: string): Dayjs => dayjs(`2000-01-01T${hhmm}`);

/** Refreshes the register (and the board, whose work orders it reads) after a record. */
function useRefreshRegister() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: ['workorders', 'register'] });
}

interface DepartureValues {
  occurred_at: Dayjs;
}

/** Records that `row`'s technician left (`row` null: closed). */
export function DepartureDialog({ row, day, onClose }: { row: RegisterRow | null; day: RegisterDay; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshRegister();
  const [form] = Form.useForm<DepartureValues>();
  const d = useSendDialog(!!row);
  const id = row?.technician_id;
  useEffect(() => {
    if (!id) return;
    form.setFieldsValue({ occurred_at: timeValue(proposedTime(day.date, day.today, day.departureTime)) });
    // Only opening resets the form: a refusal keeps what was typed.
  }, [id, day.date, form]);

  const submit = async (v: DepartureValues) => {
    if (!row) return;
    d.setBusy(true);
    d.setError(null);
    try {
      await must(
        api.POST('/api/v1/technicians/{id}/departure', {
          params: { path: { id: row.technician_id } },
          body: { occurred_at: instantOn(day.date, v.occurred_at.format('HH:mm')) },
        }),
      );
      void message.success(t('register:departure.done', { name: row.technician_name }));
      refresh();
      onClose();
    } catch (e) {
      d.setError(showProblem(e, form, ['occurred_at'], t));
    } finally {
      d.setBusy(false);
    }
  };

  return (
    <ConfigProvider theme={{ token: { colorError: '#c41d1f' } }}>
      <Modal open={!!row} title={row ? t('register:departure.title', { name: row.technician_name }) : ''} onCancel={onClose} footer={null} destroyOnHidden data-testid="departure-dialog">
        {row && (
          <Form form={form} name="departure" layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
            {d.error && <Alert type="warning" showIcon message={d.error} style={{ marginBottom: 12 }} data-testid="departure-error" />}
            <Typography.Paragraph type="secondary">{t('register:departure.help')}</Typography.Paragraph>
            <Form.Item name="occurred_at" label={t('register:departure.occurredAt')} rules={[{ required: true, message: t('common:required') }]}>
              <TimePicker autoFocus format="HH:mm" needConfirm={false} allowClear={false} />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={d.busy} data-testid="departure-submit">
                {t('register:departure.submit')}
              </Button>
              <Button onClick={onClose}>{t('common:cancel')}</Button>
            </Space>
          </Form>
        )}
      </Modal>
    </ConfigProvider>
  );
}

interface CallValues {
  work_order_id: string;
  occurred_at: Dayjs;
  note?: string;
}

/** The select's value for a call about the day rather than one work order. */
const THE_DAY = '';

/** Records a call from `row`'s technician after a visit (`row` null: closed). */
export function CallDialog({ row, day, onClose }: { row: RegisterRow | null; day: RegisterDay; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshRegister();
  const [form] = Form.useForm<CallValues>();
  const d = useSendDialog(!!row);
  const id = row?.technician_id;
  useEffect(() => {
    if (!row) return;
    form.setFieldsValue({ work_order_id: likelyVisit(row) ?? THE_DAY, occurred_at: timeValue(proposedTime(day.date, day.today, day.departureTime)), note: '' });
    // Only opening resets the form: a refusal keeps what was typed.
  }, [id, day.date, form]);

  const submit = async (v: CallValues) => {
    if (!row) return;
    d.setBusy(true);
    d.setError(null);
    try {
      await must(
        api.POST('/api/v1/technicians/{id}/report-backs', {
          params: { path: { id: row.technician_id }, header: { 'Idempotency-Key': d.key } },
          body: {
            work_order_id: v.work_order_id === THE_DAY ? null : v.work_order_id,
            occurred_at: instantOn(day.date, v.occurred_at.format('HH:mm')),
            note: v.note?.trim() ?? '',
          },
        }),
      );
      void message.success(t('register:call.done', { name: row.technician_name }));
      refresh();
      onClose();
    } catch (e) {
      d.setError(showProblem(e, form, ['work_order_id', 'occurred_at', 'note'], t));
    } finally {
      d.setBusy(false);
    }
  };

  const options = [
    ...(row?.visits ?? []).map((v) => ({
      value: v.work_order_id,
      label: `${v.number} · ${t(`board:state.${v.status}`)} · ${v.reported_at ? t('register:drawer.reported') : t('register:drawer.notReported')}`,
    })),
    { value: THE_DAY, label: t('register:call.aboutDay') },
  ];
  return (
    <ConfigProvider theme={{ token: { colorError: '#c41d1f' } }}>
      <Modal open={!!row} title={row ? t('register:call.title', { name: row.technician_name }) : ''} onCancel={onClose} footer={null} destroyOnHidden data-testid="call-dialog">
        {row && (
          <Form form={form} name="call" layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
            {d.error && <Alert type="warning" showIcon message={d.error} style={{ marginBottom: 12 }} data-testid="call-error" />}
            <Form.Item name="work_order_id" label={t('register:call.workOrder')}>
              <Select autoFocus showSearch optionFilterProp="label" options={options} data-testid="call-work-order" />
            </Form.Item>
            <Form.Item name="occurred_at" label={t('register:call.occurredAt')} rules={[{ required: true, message: t('common:required') }]}>
              <TimePicker format="HH:mm" needConfirm={false} allowClear={false} />
            </Form.Item>
            <Form.Item
              name="note"
              label={t('register:call.note')}
              extra={t('register:call.ctrlEnter')}
              rules={[{ validator: (_r, v: string | undefined) => ([...(v ?? '').trim()].length > MAX_NOTE ? Promise.reject(new Error(t('common:tooLong', { max: MAX_NOTE }))) : Promise.resolve()) }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 6 }}
                placeholder={t('register:call.notePlaceholder')}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    form.submit();
                  }
                }}
              />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={d.busy} data-testid="call-submit">
                {t('register:call.submit')}
              </Button>
              <Button onClick={onClose}>{t('common:cancel')}</Button>
            </Space>
          </Form>
        )}
      </Modal>
    </ConfigProvider>
  );
}
