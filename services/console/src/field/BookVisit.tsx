// Booking the appointment agreed with the customer for one of the technician's own work
// orders: above all the return visit (the work order a "waiting for parts" report opened),
// agreed on site or on the phone. The day and the window's first and last arrival time;
// the window goes into the phone's queue like every action (Idempotency-Key, If-Match) and
// shows at once.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, Tag, TimePicker, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { endsAfter } from '../lib/formRules';
import { companyDate, formatDate } from '../lib/format';
import type { Lang } from '../i18n/langs';
import { bookVisit } from './actions';
import { optimisticAppointment, windowProblem, type QueuedAction, type WorkOrder } from './model';

const BIG = { height: 48, fontSize: 16 } as const;

interface Values {
  date: Dayjs;
  from: Dayjs;
  to: Dayjs;
}

/** The instant of `time` (hours and minutes) on `date`, in the phone's time zone. */
function at(date: Dayjs, time: Dayjs): string {
  return date.hour(time.hour()).minute(time.minute()).second(0).millisecond(0).toISOString();
}

function hhmm(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : 'zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' }).format(new Date(iso));
}

/** The appointment card of a work order's page, with the form to book one. */
export function BookVisit({ order, queue }: { order: WorkOrder; queue: QueuedAction[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const shown = optimisticAppointment(order, queue);
  const queued = queue.some((a) => a.workOrderId === order.id && a.kind === 'book');
  const returnVisit = !!order.revisit_of;

  const submit = async (v: Values) => {
    const window = { start: at(v.date, v.from), end: at(v.date, v.to) };
    const problem = windowProblem(window, Date.now());
    if (problem) {
      form.setFields([{ name: 'to', errors: [t(`field:book.${problem}`)] }]);
      return;
    }
    setBusy(true);
    try {
      await bookVisit(order, window);
      void message.success(navigator.onLine === false ? t('field:book.queued') : t('field:book.sent'));
      setOpen(false);
    } catch (e) {
      void message.error(String(e));
    } finally {
      setBusy(false);
    }
  };

  const start = shown ? dayjs(shown.start) : dayjs().add(1, 'day').hour(9).minute(0);
  return (
    <Card size="small" title={returnVisit ? t('field:book.returnTitle') : t('field:book.title')} data-testid="book-visit">
      {returnVisit && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('field:book.returnHelp')}
        </Typography.Paragraph>
      )}
      <div style={{ marginBottom: 8 }} data-testid="book-current">
        {shown ? (
          <Typography.Text strong>{t('field:book.current', { date: formatDate(companyDate(new Date(shown.start)), lang), from: hhmm(shown.start, lang), to: hhmm(shown.end, lang) })}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('field:noWindow')}</Typography.Text>
        )}
        {queued && <Tag color="#0958d9" style={{ marginInlineStart: 8 }}>{t('field:book.waiting')}</Tag>}
      </div>
      {!open ? (
        <Button block size="large" style={BIG} icon={<CalendarOutlined />} data-testid="book-open" onClick={() => {
          form.setFieldsValue({ date: start.startOf('day'), from: start, to: shown ? dayjs(shown.end) : start.add(2, 'hour') });
          setOpen(true);
        }}>
          {shown ? t('field:book.change') : t('field:book.book')}
        </Button>
      ) : (
        <Form<Values> form={form} name="book" layout="vertical" size="large" onFinish={(v) => void submit(v)} requiredMark="optional">
          <Form.Item name="date" label={t('field:book.date')} rules={[{ required: true, message: t('field:report.required') }]}>
            <DatePicker allowClear={false} format="YYYY-MM-DD" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
          <Flex gap={8}>
            <Form.Item name="from" label={t('field:book.from')} style={{ flex: 1 }} rules={[{ required: true, message: t('field:report.required') }]}>
              <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="to"
              label={t('field:book.to')}
              style={{ flex: 1 }}
              dependencies={['from']}
              rules={[{ required: true, message: t('field:report.required') }, endsAfter('from', 'later-time', t('field:book.endBeforeStart'))]}
            >
              <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" size="large" style={{ ...BIG, flex: 1 }} loading={busy} data-testid="book-submit">
              {t('field:book.submit')}
            </Button>
            <Button size="large" style={BIG} onClick={() => setOpen(false)}>
              {t('common:cancel')}
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
