// One call (`?task=<id>`): who to call (the customer, their phone shown on request and
// audit-logged, the machine, the ticket or work order, contract or receipt the kind has),
// the caller's script for the kind, the attempts so far, and the forms that work it: an
// attempt (for a work-order callback: the questionnaire answered on screen), closing with a
// result, reassigning, or sending the answer link instead.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Lang } from '../i18n/langs';
import { ApiProblem } from '../api/problem';
import { formatDateTime } from '../lib/format';
import { TONE } from '../lib/colors';
import { useCan, useSession } from '../shell/permissions';
import { answersSaid, peopleOf, reasonsSaid, scriptFor, throughCallback, type CallTask, type CallTaskKind, type Callback, type Said } from './calls';
import { useCallTask, useCallbackRecord, useCustomerToCall, useFollowUp, useMachine, useQuestionnaire, useTicket } from './queries';
import { assignedHowLabel, assigneeLabel, DueCell } from './CallsPage';
import { useDisplayNames } from '../lib/displayNames';
import { AnswerLinkCard, AttemptForm, CloseForm, ReassignForm } from './CallForms';

export default function CallDrawer() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = params.get('task');
  const task = useCallTask(id);
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete('task');
    setParams(next);
  };
  const title = task.data ? t('calls:drawer.title', { kind: t(`calls:kinds.${task.data.kind}`), customer: task.data.customer_name.trim() || task.data.reference }) : t('calls:drawer.loading');
  return (
    <Drawer open={!!id} onClose={close} size="large" title={title} data-testid="call-drawer" styles={{ wrapper: { maxWidth: '100vw' } }}>
      {task.isError && <Alert type="error" showIcon message={task.error instanceof ApiProblem ? task.error.problem.detail || task.error.problem.title : task.error.message} />}
      {task.data && <CallDetail task={task.data} />}
    </Drawer>
  );
}

/** Which record the reference of each kind is. */
const REFERENCE_LABEL: Record<CallTaskKind, string> = {
  callback: 'calls:drawer.workOrder',
  complaint_answer: 'calls:drawer.workOrder',
  welcome_call: 'calls:drawer.card',
  renewal: 'calls:drawer.contract',
  consumables_contact: 'calls:drawer.serial',
  follow_up: 'calls:drawer.ticket',
  overdue_payment: 'calls:drawer.receipt',
};

function CallDetail({ task }: { task: CallTask }) {
  const { t } = useTranslation();
  const viaCallback = throughCallback(task);
  const callback = useCallbackRecord(viaCallback ? task.refs.callback_id : null);
  const canRecordCallback = useCan('recordCallbackAttempt');
  const canAttempt = useCan('recordCallTaskAttempt');
  const canClose = useCan('closeCallTask');
  const canReassign = useCan('reassignCallTask');
  const canLink = useCan('issueAnswerLink');
  const open = task.state === 'open';
  const cbOpen = callback.data?.status === 'scheduled';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <WhoToCall task={task} callback={callback.data} />
      <ScriptCard task={task} />
      {task.kind === 'complaint_answer' && <FollowUpReasons id={task.refs.followup_id} callbackId={task.refs.callback_id} />}
      {callback.data?.answers && <CallbackAnswers callback={callback.data} />}
      {!open && <ClosedSummary task={task} />}
      {open && viaCallback && !canRecordCallback && <Alert type="info" showIcon message={t('calls:attempt.notAllowedCallback')} />}
      {open && (viaCallback ? canRecordCallback && callback.data && cbOpen : canAttempt) && <AttemptForm task={task} callback={callback.data} />}
      {open && viaCallback && canLink && callback.data && cbOpen && <AnswerLinkCard callback={callback.data} />}
      {open && !viaCallback && canClose && <CloseForm task={task} />}
      {open && viaCallback && <Typography.Text type="secondary">{t('calls:close.callbackCloses')}</Typography.Text>}
      {open && canReassign && <ReassignForm task={task} />}
      <Attempts task={task} callback={viaCallback ? callback.data : undefined} />
    </Space>
  );
}

function WhoToCall({ task, callback }: { task: CallTask; callback: Callback | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const name = useDisplayNames(peopleOf([task]));
  const [reveal, setReveal] = useState(false);
  const customer = useCustomerToCall(task.refs.customer_id, reveal);
  const machine = useMachine(task.refs.machine_id);
  const ticket = useTicket(task.refs.ticket_id);
  const first = useRef<HTMLButtonElement>(null);
  // The keyboard path goes on from the drawer's first action once it has slid in.
  useEffect(() => {
    const id = setTimeout(() => first.current?.focus(), 350);
    return () => clearTimeout(id);
  }, [task.id]);
  const items = [
    { key: 'customer', label: t('calls:drawer.customer'), children: `${task.customer_name.trim() || '—'}${task.district ? ` · ${task.district}` : ''}` },
    {
      key: 'phone',
      label: t('calls:drawer.phone'),
      children: !task.refs.customer_id ? (
        <Typography.Text type="secondary">{t('calls:drawer.noCustomer')}</Typography.Text>
      ) : !reveal ? (
        <Space direction="vertical" size={0}>
          <Button ref={first} icon={<PhoneOutlined />} onClick={() => setReveal(true)} data-testid="show-phone">
            {t('calls:drawer.showPhone')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('calls:drawer.showPhoneHelp')}
          </Typography.Text>
        </Space>
      ) : customer.isLoading ? (
        t('common:loading')
      ) : customer.isError ? (
        <Typography.Text type="danger">{customer.error.message}</Typography.Text>
      ) : (
        <Space direction="vertical" size={0} data-testid="phones">
          {(customer.data?.contacts ?? []).flatMap((c) =>
            c.phones.map((p) => (
              <span key={`${c.name}-${p}`}>
                {c.name} · <a href={`tel:${p.replace(/[^0-9+]/g, '')}`}>{p}</a>
              </span>
            )),
          )}
          {(customer.data?.contacts ?? []).every((c) => c.phones.length === 0) && t('calls:drawer.noPhone')}
        </Space>
      ),
    },
    { key: 'reference', label: t(REFERENCE_LABEL[task.kind]), children: <Typography.Text strong>{task.reference}</Typography.Text> },
    ...(machine.data ? [{ key: 'machine', label: t('calls:drawer.machine'), children: `${machine.data.brand} ${machine.data.model} · ${machine.data.serial}` }] : []),
    ...(ticket.data && task.kind !== 'follow_up' ? [{ key: 'ticket', label: t('calls:drawer.ticket'), children: `${ticket.data.number} · ${ticket.data.symptom}` }] : []),
    ...(ticket.data && task.kind === 'follow_up' ? [{ key: 'ticket', label: t('calls:drawer.about'), children: ticket.data.symptom }] : []),
    ...(callback ? [{ key: 'technician', label: t('calls:drawer.technician'), children: `${callback.technician_name} · ${callback.team}` }] : []),
    { key: 'about', label: t('calls:drawer.about'), children: task.about || '—' },
    { key: 'due', label: t('calls:drawer.due'), children: <DueCell task={task} lang={lang} /> },
    { key: 'escalate', label: t('calls:drawer.escalateAt'), children: formatDateTime(task.escalate_at, lang) },
    { key: 'assignee', label: t('calls:col.assignee'), children: `${assigneeLabel(task.assignee, me?.account_id, t, name)} (${assignedHowLabel(task.assigned_by, me?.account_id, t, name)})` },
  ];
  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>{t('calls:drawer.who')}</Typography.Title>}>
      <Descriptions size="small" column={1} items={items} data-testid="who-to-call" />
    </Card>
  );
}

function ScriptCard({ task }: { task: CallTask }) {
  const { t } = useTranslation();
  const s = scriptFor(task);
  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>{t('calls:drawer.script')}</Typography.Title>} data-testid="script">
      <Typography.Paragraph strong>{t(`calls:script.${s.key}.opening`, s.values)}</Typography.Paragraph>
      <Typography.Paragraph>{t(`calls:script.${s.key}.body`, s.values)}</Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t(`calls:script.${s.key}.closing`, s.values)}</Typography.Paragraph>
    </Card>
  );
}

/** One thing the customer said: the question in the console's language (its key when unknown), then the answer. */
function SaidLine({ said }: { said: Said }) {
  const { t, i18n } = useTranslation();
  const q = said.question ? (i18n.language === 'en' ? said.question.text_en : said.question.text_zh) : said.key;
  const answer = 'yes' in said ? (said.yes ? t('calls:questionnaire.yes') : t('calls:questionnaire.no')) : 'level' in said ? t(`calls:questionnaire.levels.${said.level}`) : said.text;
  return (
    <div>
      {q}: <Typography.Text strong>{answer}</Typography.Text>
    </div>
  );
}

function FollowUpReasons({ id, callbackId }: { id: string | null | undefined; callbackId: string | null | undefined }) {
  const { t } = useTranslation();
  const f = useFollowUp(id);
  const cb = useCallbackRecord(callbackId);
  const q = useQuestionnaire(!!id);
  if (!f.data) return null;
  const version = cb.data?.answers?.questionnaire_version;
  const said = reasonsSaid(f.data.reasons, q.data && q.data.version === version ? q.data : undefined, cb.data?.answers?.answers);
  return (
    <Alert
      type={f.data.status === 'resolved' ? 'success' : 'warning'}
      showIcon
      data-testid="followup"
      message={`${t('calls:drawer.followUp')} · ${t(`calls:drawer.followUpState.${f.data.status}`)}`}
      description={
        <>
          {said.map((x, i) => (
            <SaidLine key={`${x.key}-${i}`} said={x} />
          ))}
          {f.data.resolution && <div>{f.data.resolution}</div>}
        </>
      }
    />
  );
}

function CallbackAnswers({ callback }: { callback: Callback }) {
  const { t } = useTranslation();
  const a = callback.answers;
  const q = useQuestionnaire(!!a);
  if (!a) return null;
  return (
    <Alert
      type="success"
      showIcon
      data-testid="callback-answers"
      message={t('calls:questionnaire.answered', { version: a.questionnaire_version, channel: t(`calls:questionnaire.channels.${a.channel}`) })}
      description={answersSaid(a.answers, q.data, a.questionnaire_version).map((x) => (
        <SaidLine key={x.key} said={x} />
      ))}
    />
  );
}

function ClosedSummary({ task }: { task: CallTask }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const name = useDisplayNames([task.closed_by]);
  const lang = i18n.language as Lang;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="closed"
      message={`${t('calls:closedAlready')} · ${task.result ? t(`calls:close.results.${task.result}`) : ''}`}
      description={
        <>
          {task.result_note && <div>{task.result_note}</div>}
          <div>{t('calls:drawer.closedBy', { by: task.closed_by === me?.account_id ? t('calls:assignees.me') : (task.closed_by ? name(task.closed_by) : '—'), at: formatDateTime(task.closed_at, lang) })}</div>
        </>
      }
    />
  );
}

/** One attempt as the list shows it, from the task or (for a work-order callback) its callback. */
interface AttemptRow {
  at: string;
  outcome: 'reached' | 'completed' | 'busy' | 'unreachable' | 'refused';
  by: string;
  note: string;
  next?: string | null;
}

function Attempts({ task, callback }: { task: CallTask; callback: Callback | undefined }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const lang = i18n.language as Lang;
  const tone = { reached: TONE.success, completed: TONE.success, busy: TONE.warning, unreachable: TONE.danger, refused: TONE.danger } as const;
  const rows: AttemptRow[] = callback
    ? callback.attempts.map((a) => ({ at: a.at, outcome: a.outcome, by: a.actor, note: a.note, next: a.next_due_at }))
    : task.attempts.map((a) => ({ at: a.at, outcome: a.outcome, by: a.by, note: a.note, next: a.next_try_at }));
  const name = useDisplayNames(rows.map((r) => r.by));
  const who = (by: string) => (by === me?.account_id ? t('calls:assignees.me') : name(by));
  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>{t('calls:drawer.attempts')}</Typography.Title>}>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calls:drawer.noAttempts')} />
      ) : (
        <List
          size="small"
          data-testid="attempts"
          dataSource={[...rows].reverse()}
          renderItem={(a) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space wrap>
                  <Tag color={tone[a.outcome]}>{t(`calls:outcome.${a.outcome}`)}</Tag>
                  <span>{formatDateTime(a.at, lang)}</span>
                  <Typography.Text type="secondary">{who(a.by)}</Typography.Text>
                </Space>
                {a.next && <span>{t('calls:drawer.nextTry', { at: formatDateTime(a.next, lang) })}</span>}
                {a.note && <span>{a.note}</span>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
