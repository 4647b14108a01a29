// Book the appointment window agreed with the customer: the day and the window's first and
// last arrival time, sent with If-Match. The keyboard path: the day has the focus, Tab to
// the times (typed as HH:mm), Tab to the button, Enter. A 412 says the work order was
// changed meanwhile and reloads it; a 422 lands on the field it names.
import { Alert, App, Button, ConfigProvider, DatePicker, Form, Modal, Space, TimePicker } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { endsAfter } from '../lib/formRules';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import { ApiProblem, fieldErrors } from '../api/problem';
import type { WorkOrder } from './board';

interface Values {
  date: Dayjs;
  from: Dayjs;
  to: Dayjs;
}

/** The instant of `time` (its hours and minutes) on `date`, in the browser's time zone. */
export function at(date: Dayjs, time: Dayjs): string {
  return date.hour(time.hour()).minute(time.minute()).second(0).millisecond(0).toISOString();
}

/** The form's fields for the request's `window.start` / `window.end`. */
const FIELD: Record<string, keyof Values> = { 'window.start': 'from', 'window.end': 'to', window: 'to' };

/** The dialog; `order` null: closed. `day` is the board's day (`YYYY-MM-DD`). */
export function BookDialog({ order, day, onClose }: { order: WorkOrder | null; day: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!order) return;
    setError(null);
    const w = order.appointment;
    form.setFieldsValue(
      w
        ? { date: dayjs(w.start), from: dayjs(w.start), to: dayjs(w.end) }
        : { date: dayjs(day), from: dayjs(day).hour(9).minute(0), to: dayjs(day).hour(12).minute(0) },
    );
  }, [order, day, form]);

  const submit = async (v: Values) => {
    if (!order) return;
    setBusy(true);
    setError(null);
    try {
      await must(
        api.POST('/api/v1/workorders/{id}/appointment', {
          params: { path: { id: order.id }, header: { 'If-Match': `"${order.version}"` } },
          body: { window: { start: at(v.date, v.from), end: at(v.date, v.to) } },
        }),
      );
      void message.success(t('board:book.done', { number: order.number }));
      void qc.invalidateQueries({ queryKey: ['workorders'] });
      onClose();
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 412) {
        setError(t('board:assign.stale'));
        void qc.invalidateQueries({ queryKey: ['workorders'] });
      } else if (e instanceof ApiProblem && e.status === 422) {
        const problem = { ...e.problem, errors: (e.problem.errors ?? []).map((x) => ({ ...x, field: FIELD[x.field] ?? x.field })) };
        const { fields, other } = fieldErrors(problem, (p) => p.length === 1 && ['date', 'from', 'to'].includes(String(p[0])));
        form.setFields(fields.map((f) => ({ name: f.name[0] as keyof Values, errors: f.errors })));
        if (other.length > 0) setError(other.join('; '));
      } else {
        setError(t('common:error', { detail: e instanceof Error ? e.message : String(e) }));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfigProvider theme={{ token: { colorError: '#c41d1f' } }}>
      <Modal
        open={!!order}
        title={order ? t('board:book.title', { number: order.number }) : ''}
        onCancel={onClose}
        footer={null}
        destroyOnHidden
        data-testid="book-dialog"
      >
        {order && (
          <Form form={form} name="book" layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
            {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} data-testid="book-error" />}
            <p>
              {order.customer_name} · {order.district}
            </p>
            <Form.Item name="date" label={t('board:book.date')} rules={[{ required: true, message: t('common:required') }]}>
              <DatePicker autoFocus allowClear={false} format="YYYY-MM-DD" />
            </Form.Item>
            <Space align="start" wrap>
              <Form.Item name="from" label={t('board:book.from')} rules={[{ required: true, message: t('common:required') }]}>
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} />
              </Form.Item>
              <Form.Item
                name="to"
                label={t('board:book.to')}
                dependencies={['from']}
                rules={[
                  { required: true, message: t('common:required') },
                  endsAfter('from', 'later-time', t('board:book.endBeforeStart')),
                ]}
              >
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} />
              </Form.Item>
            </Space>
            <Space style={{ display: 'flex' }}>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="book-submit">
                {t('board:book.submit')}
              </Button>
              <Button onClick={onClose}>{t('common:cancel')}</Button>
            </Space>
          </Form>
        )}
      </Modal>
    </ConfigProvider>
  );
}
