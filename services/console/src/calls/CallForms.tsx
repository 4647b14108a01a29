// The forms of one call: an attempt (a work-order callback's goes to its callback, with the
// questionnaire answered on screen when the customer was reached), closing with a result
// (a complaint answer with what was done, which resolves its follow-up), reassigning, and
// the answer link sent instead of a call. Each sends at the version read (If-Match); a 412
// says someone changed it meanwhile and offers a reload; a 422 lands on its fields; nothing
// typed is cleared by a refusal.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, DatePicker, Form, Input, Radio, Space, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Lang } from '../i18n/langs';
import { api, idempotencyKey, must } from '../api/client';
import { ApiProblem } from '../api/problem';
import { formatDateTime } from '../lib/format';
import { useSession } from '../shell/permissions';
import {
  LEVELS,
  OUTCOMES,
  SPECIALIST_QUEUE,
  answerLink,
  attemptRequest,
  callbackFieldPath,
  closeNeedsNote,
  closeRequest,
  districtQueue,
  resultsFor,
  throughCallback,
  type AttemptValues,
  type CallTask,
  type Callback,
  type CloseValues,
  type Question,
} from './calls';
import { useQuestionnaire, useRefreshCalls } from './queries';

/** How far ahead a next try may be (the server's limit). */
const MAX_DAYS = 60;

/** What a refusal means for the form: stale (412), or a text above it after its field errors went on the fields. */
function explain(e: unknown, form: FormInstance, path: (field: string) => (string | number)[] | null, t: TFunction): { stale: boolean; text: string | null } {
  if (!(e instanceof ApiProblem)) return { stale: false, text: t('common:error', { detail: e instanceof Error ? e.message : String(e) }) };
  if (e.status === 412) return { stale: true, text: null };
  const errors = e.problem.errors ?? [];
  if (e.status === 422 && errors.length > 0) {
    const other: string[] = [];
    const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
    for (const fe of errors) {
      const name = path(fe.field);
      if (!name) {
        other.push(`${fe.field}: ${fe.message}`);
        continue;
      }
      const k = name.join('.');
      const entry = byField.get(k) ?? { name, errors: [] };
      entry.errors.push(fe.message);
      byField.set(k, entry);
    }
    form.setFields([...byField.values()]);
    return { stale: false, text: other.length > 0 ? other.join('; ') : null };
  }
  return { stale: false, text: e.problem.detail || e.problem.title };
}

/** The 412 notice: someone changed the task meanwhile; reload it (what was typed stays). */
function StaleAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  const at = useRef<HTMLDivElement>(null);
  // The form's send button is below: bring the notice into sight.
  useEffect(() => {
    at.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div ref={at}>
      <Alert
        type="warning"
        showIcon
        role="alert"
        data-testid="stale"
        message={t('calls:stale')}
        action={
          <Button size="small" onClick={onReload} data-testid="reload">
            {t('calls:reload')}
          </Button>
        }
        style={{ marginBottom: 12 }}
      />
    </div>
  );
}

/** A time in the next 60 days, as the server accepts it. */
function futureRule(t: TFunction, required: boolean) {
  return {
    validator: (_r: unknown, v: Dayjs | null | undefined) => {
      if (!v) return required ? Promise.reject(new Error(t('common:required'))) : Promise.resolve();
      const ok = v.isAfter(dayjs()) && v.isBefore(dayjs().add(MAX_DAYS, 'day'));
      return ok ? Promise.resolve() : Promise.reject(new Error(t('calls:attempt.inFuture')));
    },
  };
}

function SectionTitle({ children }: { children: string }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

/** Records one call attempt; a reached work-order callback is its questionnaire answered. */
export function AttemptForm({ task, callback }: { task: CallTask; callback: Callback | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCalls();
  const viaCallback = throughCallback(task);
  const questionnaire = useQuestionnaire(viaCallback);
  const [form] = Form.useForm<AttemptValues>();
  const outcome = Form.useWatch('outcome', form);
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const askTime = outcome === 'busy' || (outcome === 'unreachable' && !viaCallback);
  const showQuestions = viaCallback && outcome === 'reached';

  const submit = async (v: AttemptValues) => {
    setBusy(true);
    setError(null);
    const req = attemptRequest(task, v, questionnaire.data);
    const sent = req.to === 'callback' ? (req.body.answers ?? []) : [];
    try {
      if (req.to === 'callback') {
        if (!callback) return;
        await must(api.POST('/api/v1/callbacks/{id}/attempts', { params: { path: { id: callback.id }, header: { 'If-Match': `"${callback.version}"` } }, body: req.body }));
      } else {
        await must(api.POST('/api/v1/call-tasks/{id}/attempts', { params: { path: { id: task.id }, header: { 'If-Match': `"${task.version}"` } }, body: req.body }));
      }
      void message.success(t('calls:attempt.recorded', { outcome: t(`calls:outcome.${v.outcome}`) }));
      form.resetFields();
      setStale(false);
      refresh();
    } catch (e) {
      const path = (field: string) =>
        req.to === 'callback' ? callbackFieldPath(field, sent) : field === 'next_try_at' || field === 'note' || field === 'outcome' ? [field] : null;
      const r = explain(e, form, path, t);
      setStale(r.stale);
      setError(r.text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={<SectionTitle>{t('calls:attempt.title')}</SectionTitle>} data-testid="attempt-card">
      <Form form={form} name="attempt" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)} scrollToFirstError>
        {stale && (
          <StaleAlert
            onReload={() => {
              setStale(false);
              refresh();
            }}
          />
        )}
        {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="outcome" label={t('calls:attempt.outcome')} rules={[{ required: true, message: t('common:required') }]} extra={outcome === 'reached' && !viaCallback ? t('calls:attempt.reachedHelp') : outcome === 'unreachable' && viaCallback ? t('calls:attempt.callbackRetryHelp') : undefined}>
          <Radio.Group optionType="button" options={OUTCOMES.map((o) => ({ value: o, label: <span data-testid={`outcome-${o}`}>{t(`calls:outcome.${o}`)}</span> }))} />
        </Form.Item>
        {askTime && (
          <Form.Item
            name="next_try_at"
            label={outcome === 'busy' ? t('calls:attempt.agreedAt') : t('calls:attempt.nextTryAt')}
            extra={outcome === 'unreachable' ? t('calls:attempt.nextTryHelp') : undefined}
            required={outcome === 'busy'}
            rules={[futureRule(t, outcome === 'busy')]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format="YYYY-MM-DD HH:mm"
              aria-label={outcome === 'busy' ? t('calls:attempt.agreedAt') : t('calls:attempt.nextTryAt')}
              disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(MAX_DAYS, 'day'), 'day')}
              style={{ width: 220 }}
              data-testid="next-try"
            />
          </Form.Item>
        )}
        {showQuestions && questionnaire.data && <Questions questions={questionnaire.data.questions} version={questionnaire.data.version} />}
        <Form.Item name="note" label={t('calls:attempt.note')} rules={[{ max: 500, message: t('common:tooLong', { max: 500 }) }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="attempt-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="record-attempt">
          {t('calls:attempt.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** The questionnaire of the version in force, asked in its order, in the console's language. */
function Questions({ questions, version }: { questions: Question[]; version: number }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  return (
    <fieldset data-testid="questionnaire" style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: '8px 12px 0', marginBottom: 16 }}>
      <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', marginBottom: 4 }}>{t('calls:questionnaire.title', { version })}</legend>
      {questions.map((q, i) => {
        const label = `${i + 1}. ${zh ? q.text_zh : q.text_en}`;
        const rules = q.required ? [{ required: true, message: t('calls:questionnaire.required') }] : [];
        if (q.kind === 'yes_no')
          return (
            <Form.Item key={q.key} name={['answers', q.key]} label={label} rules={rules}>
              <Radio.Group
                options={[
                  { value: true, label: t('calls:questionnaire.yes') },
                  { value: false, label: t('calls:questionnaire.no') },
                ]}
                data-testid={`q-${q.key}`}
              />
            </Form.Item>
          );
        if (q.kind === 'rating')
          return (
            <Form.Item key={q.key} name={['answers', q.key]} label={label} rules={rules}>
              <Radio.Group options={LEVELS.map((l) => ({ value: l, label: t(`calls:questionnaire.levels.${l}`) }))} data-testid={`q-${q.key}`} />
            </Form.Item>
          );
        return (
          <Form.Item key={q.key} name={['answers', q.key]} label={label} rules={[...rules, { max: 2000, message: t('common:tooLong', { max: 2000 }) }]}>
            <Input.TextArea rows={2} maxLength={2000} data-testid={`q-${q.key}`} />
          </Form.Item>
        );
      })}
    </fieldset>
  );
}

/** Closes a task with its result; a complaint answer says what was done (it resolves the follow-up). */
export function CloseForm({ task }: { task: CallTask }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCalls();
  const [form] = Form.useForm<CloseValues>();
  const result = Form.useWatch('result', form) ?? 'done';
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needsNote = closeNeedsNote(task.kind, result);
  const submit = async (v: CloseValues) => {
    setBusy(true);
    setError(null);
    try {
      await must(api.POST('/api/v1/call-tasks/{id}/close', { params: { path: { id: task.id }, header: { 'If-Match': `"${task.version}"` } }, body: closeRequest(v) }));
      void message.success(t('calls:close.closed'));
      setStale(false);
      refresh();
    } catch (e) {
      const r = explain(e, form, (f) => (f === 'note' || f === 'result' ? [f] : null), t);
      setStale(r.stale);
      setError(r.text);
    } finally {
      setBusy(false);
    }
  };
  const noteLabel = task.kind === 'complaint_answer' ? t('calls:close.complaintNote') : result === 'declined' ? t('calls:close.declinedNote') : t('calls:close.note');
  return (
    <Card size="small" title={<SectionTitle>{t('calls:close.title')}</SectionTitle>} data-testid="close-card">
      <Form form={form} name="close" layout="vertical" requiredMark="optional" initialValues={{ result: 'done' }} onFinish={(v) => void submit(v)}>
        {stale && (
          <StaleAlert
            onReload={() => {
              setStale(false);
              refresh();
            }}
          />
        )}
        {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="result" label={t('calls:close.result')} rules={[{ required: true, message: t('common:required') }]}>
          <Radio.Group optionType="button" options={resultsFor(task.kind).map((r) => ({ value: r, label: <span data-testid={`result-${r}`}>{t(`calls:close.results.${r}`)}</span> }))} />
        </Form.Item>
        <Form.Item
          name="note"
          label={noteLabel}
          rules={[...(needsNote ? [{ required: true, whitespace: true, message: t('common:required') }] : []), { max: 500, message: t('common:tooLong', { max: 500 }) }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="close-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="close-task">
          {t('calls:close.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** Gives the task to another person or queue (callback agents and managers). */
export function ReassignForm({ task }: { task: CallTask }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const refresh = useRefreshCalls();
  const [form] = Form.useForm<{ assignee: string }>();
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const suggestions = [SPECIALIST_QUEUE, ...(task.district ? [districtQueue(task.district)] : []), ...(me?.account_id ? [me.account_id] : [])].filter((a) => a !== task.assignee);
  const submit = async (v: { assignee: string }) => {
    setBusy(true);
    setError(null);
    try {
      const to = v.assignee.trim();
      await must(api.POST('/api/v1/call-tasks/{id}/assignee', { params: { path: { id: task.id }, header: { 'If-Match': `"${task.version}"` } }, body: { assignee: to } }));
      void message.success(t('calls:reassign.done', { to }));
      form.resetFields();
      setStale(false);
      refresh();
    } catch (e) {
      const r = explain(e, form, (f) => (f === 'assignee' ? [f] : null), t);
      setStale(r.stale);
      setError(r.text);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={<SectionTitle>{t('calls:reassign.title')}</SectionTitle>} data-testid="reassign-card">
      <Form form={form} name="reassign" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        {stale && (
          <StaleAlert
            onReload={() => {
              setStale(false);
              refresh();
            }}
          />
        )}
        {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
        <Form.Item
          name="assignee"
          label={t('calls:reassign.to')}
          extra={t('calls:assigneePlaceholder')}
          rules={[
            { required: true, whitespace: true, message: t('common:required') },
            { max: 100, message: t('common:tooLong', { max: 100 }) },
          ]}
        >
          <AutoComplete options={suggestions.map((s) => ({ value: s }))} style={{ maxWidth: 320 }} data-testid="reassign-to" />
        </Form.Item>
        <Button htmlType="submit" loading={busy} data-testid="reassign">
          {t('calls:reassign.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** Sends the customer a single-use answer link instead of the call; the link is shown once. */
export function AnswerLinkCard({ callback }: { callback: Callback }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const refresh = useRefreshCalls();
  // One key per callback while this drawer is open: a retried send is not a second link.
  const key = useRef(idempotencyKey());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<{ url: string; expires: string } | null>(null);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await must(api.POST('/api/v1/callbacks/{id}/answer-link', { params: { path: { id: callback.id }, header: { 'Idempotency-Key': key.current } } }));
      setLink({ url: answerLink(window.location.origin, r.token), expires: r.expires_at });
      refresh();
    } catch (e) {
      setError(e instanceof ApiProblem ? e.problem.detail || e.problem.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={<SectionTitle>{t('calls:link.title')}</SectionTitle>} data-testid="link-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('calls:link.help')}</Typography.Text>
        {error && <Alert type="error" showIcon role="alert" message={error} />}
        {link ? (
          <Alert
            type="success"
            showIcon
            data-testid="answer-link"
            message={t('calls:link.sent', { at: formatDateTime(link.expires, lang) })}
            description={<Typography.Text copyable={{ text: link.url, tooltips: [t('calls:link.copy'), t('calls:link.copied')] }}>{link.url}</Typography.Text>}
          />
        ) : (
          <Button onClick={() => void send()} loading={busy} data-testid="send-link">
            {t('calls:link.send')}
          </Button>
        )}
      </Space>
    </Card>
  );
}

