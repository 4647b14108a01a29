import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  answerLink,
  answersFrom,
  answersSaid,
  reasonsSaid,
  assignedHow,
  assigneeKind,
  peopleOf,
  reminderFor,
  attemptRequest,
  callbackFieldPath,
  closeNeedsNote,
  closeRequest,
  countByTiming,
  districtQueue,
  escalation,
  minutesToDue,
  myQueues,
  resultsFor,
  scriptFor,
  timingRank,
  type Question,
} from './calls';

const q = (key: string, kind: Question['kind'], required = true): Question => ({ key, kind, text_zh: key, text_en: key, required, problem_persists_on_no: false });
const questionnaire = { questions: [q('machine_working', 'yes_no'), q('technician_attitude', 'rating'), q('comments', 'text', false)] };
const callbackTask = { kind: 'callback' as const, refs: { callback_id: '0190-cb' } };
const welcome = { kind: 'welcome_call' as const, refs: {} };

describe('queues', () => {
  it('gives a callback agent the specialist queue first, then their own name', () => {
    expect(myQueues('callback_agent', 'u1')).toEqual(['callback_specialist', 'u1']);
    expect(myQueues('agent', 'u2')).toEqual(['u2']);
    expect(myQueues('agent', undefined)).toEqual([]);
  });
  it('reads an assignee as the rules name it', () => {
    expect(assigneeKind('callback_specialist')).toEqual({ kind: 'specialist' });
    expect(assigneeKind('district:tianhe')).toEqual({ kind: 'district', district: 'tianhe' });
    expect(assigneeKind('0190abcd')).toEqual({ kind: 'person', id: '0190abcd' });
    expect(districtQueue('  TianHe ')).toBe('district:tianhe');
  });
});

describe('due buckets', () => {
  it('ranks due now before overdue before later before closed, and counts each', () => {
    expect(['later', 'closed', 'due_now', 'overdue'].sort((a, b) => timingRank(a as never) - timingRank(b as never))).toEqual(['due_now', 'overdue', 'later', 'closed']);
    expect(countByTiming([{ timing: 'due_now' }, { timing: 'overdue' }, { timing: 'overdue' }, { timing: 'later' }])).toEqual({ due_now: 1, overdue: 2, later: 1, closed: 0 });
  });
  it('measures the time to the due time, negative once it passed', () => {
    const now = new Date('2026-12-07T02:00:00Z');
    expect(minutesToDue('2026-12-07T03:30:00Z', now)).toBe(90);
    expect(minutesToDue('2026-12-06T02:00:00Z', now)).toBe(-1440);
  });
  it('marks an escalated task and one about to escalate', () => {
    const now = new Date('2026-12-07T02:00:00Z');
    expect(escalation({ state: 'open', escalate_at: '2026-12-07T03:00:00Z', escalated_at: null }, now)).toBe('soon');
    expect(escalation({ state: 'open', escalate_at: '2026-12-09T03:00:00Z', escalated_at: null }, now)).toBe('none');
    expect(escalation({ state: 'open', escalate_at: '2026-12-06T03:00:00Z', escalated_at: '2026-12-06T03:01:00Z' }, now)).toBe('escalated');
    expect(escalation({ state: 'closed', escalate_at: '2026-12-06T03:00:00Z', escalated_at: '2026-12-06T03:01:00Z' }, now)).toBe('none');
  });
});

describe('scripts', () => {
  it('picks the script of the kind and fills in the task', () => {
    expect(scriptFor({ kind: 'renewal', customer_name: '天河印务', reference: 'HT-1', about: 'contract ends 2027-01-31' })).toEqual({
      key: 'renewal',
      values: { customer: '天河印务', reference: 'HT-1', about: 'contract ends 2027-01-31' },
    });
    expect(scriptFor({ kind: 'consumables_contact', customer_name: ' ', reference: 'SN-1', about: 'toner' }).values.customer).toBe('—');
  });
});

describe('attempts', () => {
  const at = dayjs('2026-12-08T06:30:00Z');
  it("sends a callback's busy attempt to the callback with the agreed time", () => {
    expect(attemptRequest(callbackTask, { outcome: 'busy', next_try_at: at, note: ' 开会 ' })).toEqual({
      to: 'callback',
      body: { outcome: 'busy', note: '开会', rescheduled_to: '2026-12-08T06:30:00.000Z' },
    });
  });
  it("sends a callback's unreachable attempt without a time (the retry policy sets it)", () => {
    expect(attemptRequest(callbackTask, { outcome: 'unreachable', next_try_at: at })).toEqual({ to: 'callback', body: { outcome: 'unreachable', note: '' } });
  });
  it('sends a reached callback as completed with the questionnaire answered, in its order', () => {
    const r = attemptRequest(callbackTask, { outcome: 'reached', answers: { comments: '  很好 ', technician_attitude: 'satisfied', machine_working: false } }, questionnaire);
    expect(r).toEqual({
      to: 'callback',
      body: {
        outcome: 'completed',
        note: '',
        answers: [
          { key: 'machine_working', yes: false },
          { key: 'technician_attitude', level: 'satisfied' },
          { key: 'comments', text: '很好' },
        ],
      },
    });
  });
  it("sends other kinds' attempts to the task, the time only with busy or unreachable", () => {
    expect(attemptRequest(welcome, { outcome: 'unreachable', next_try_at: at })).toEqual({ to: 'task', body: { outcome: 'unreachable', note: '', next_try_at: '2026-12-08T06:30:00.000Z' } });
    expect(attemptRequest(welcome, { outcome: 'unreachable' })).toEqual({ to: 'task', body: { outcome: 'unreachable', note: '' } });
    expect(attemptRequest(welcome, { outcome: 'reached', next_try_at: at })).toEqual({ to: 'task', body: { outcome: 'reached', note: '' } });
    expect(attemptRequest({ kind: 'callback', refs: {} }, { outcome: 'refused' }).to).toBe('task');
  });
  it('leaves out blank and unknown answers', () => {
    expect(answersFrom(questionnaire, { comments: '   ', technician_attitude: 'bogus', machine_working: undefined })).toEqual([]);
    expect(answersFrom(questionnaire, { machine_working: true, unknown_key: 'x' })).toEqual([{ key: 'machine_working', yes: true }]);
  });
  it("puts a callback's refusal on the answer's field", () => {
    const sent = [
      { key: 'machine_working', yes: true },
      { key: 'technician_attitude', level: 'satisfied' as const },
    ];
    expect(callbackFieldPath('answers[1].level', sent)).toEqual(['answers', 'technician_attitude']);
    expect(callbackFieldPath('answers[7]', sent)).toBeNull();
    expect(callbackFieldPath('rescheduled_to', sent)).toEqual(['next_try_at']);
    expect(callbackFieldPath('note', sent)).toEqual(['note']);
    expect(callbackFieldPath('outcome', sent)).toBeNull();
  });
});

describe('closing', () => {
  it('needs what was done for a complaint answer and what was said for a decline', () => {
    expect(closeNeedsNote('complaint_answer', 'done')).toBe(true);
    expect(closeNeedsNote('renewal', 'declined')).toBe(true);
    expect(closeNeedsNote('renewal', 'done')).toBe(false);
    expect(resultsFor('complaint_answer')).toEqual(['done', 'cancelled']);
    expect(resultsFor('welcome_call')).toContain('unreachable');
  });
  it('maps the close form to its request', () => {
    expect(closeRequest({ result: 'done', note: ' 已更换搓纸轮并致歉 ' })).toEqual({ result: 'done', note: '已更换搓纸轮并致歉' });
    expect(closeRequest({ result: 'cancelled' })).toEqual({ result: 'cancelled', note: '' });
  });
  it('builds the answer link from the token', () => {
    expect(answerLink('http://127.0.0.1:8080', 'tok')).toBe('http://127.0.0.1:8080/answer.html#tok');
  });
});

describe('what the customer said', () => {
  const answers = [
    { key: 'machine_working', yes: false },
    { key: 'technician_attitude', level: 'dissatisfied' as const },
    { key: 'comments', text: '上门太慢' },
  ];
  it("reads a follow-up's reasons as the questions with their answers and the comment's text", () => {
    const said = reasonsSaid(['machine_working: no', 'technician_attitude: dissatisfied', 'comment'], questionnaire, answers);
    expect(said.map((s) => [s.question?.key ?? null, 'yes' in s ? s.yes : 'level' in s ? s.level : s.text])).toEqual([
      ['machine_working', false],
      ['technician_attitude', 'dissatisfied'],
      ['comments', '上门太慢'],
    ]);
    expect(reasonsSaid(['something new'], questionnaire)).toEqual([{ question: null, key: 'something new', text: 'something new' }]);
  });
  it('names the questions only when the answers were given against the version shown', () => {
    expect(answersSaid(answers, { ...questionnaire, version: 1 }, 1)[1]?.question?.key).toBe('technician_attitude');
    expect(answersSaid(answers, { ...questionnaire, version: 2 }, 1)[1]?.question).toBeNull();
    expect(answersSaid([{ key: 'x' }], undefined, 1)).toEqual([]);
  });
});

describe('how a task came to its assignee', () => {
  it('reads each form the service records', () => {
    expect(assignedHow('source')).toEqual({ how: 'source' });
    expect(assignedHow('default')).toEqual({ how: 'default' });
    expect(assignedHow('rule 3')).toEqual({ how: 'rule', rule: 3 });
    expect(assignedHow('by 7f0c')).toEqual({ how: 'person', id: '7f0c' });
    expect(assignedHow('rule x')).toEqual({ how: 'other', text: 'rule x' });
    expect(assignedHow('by ')).toEqual({ how: 'other', text: 'by ' });
  });

  it('names the people among assignees, reassigners and closers, never the queues', () => {
    expect(
      peopleOf([
        { assignee: 'callback_specialist', assigned_by: 'rule 1' },
        { assignee: 'district:baiyun', assigned_by: 'default' },
        { assignee: 'a1', assigned_by: 'by a2', closed_by: 'a3' },
        { assignee: 'a4', assigned_by: 'source', closed_by: null },
      ]),
    ).toEqual(['a1', 'a2', 'a3', 'a4']);
  });
});

describe('reminders of call tasks from the live stream', () => {
  const due = 'survey.call_task.due';
  const escalated = 'survey.call_task.escalated';
  it('reminds whoever the task is assigned to, and callback agents of the specialist queue', () => {
    expect(reminderFor(due, { assignee: 'a1', state: 'open' }, 'agent', 'a1')).toBe('due');
    expect(reminderFor(due, { assignee: 'a2', state: 'open' }, 'agent', 'a1')).toBeNull();
    expect(reminderFor(due, { assignee: 'callback_specialist', state: 'open' }, 'callback_agent', 'c1')).toBe('due');
    expect(reminderFor(due, { assignee: 'callback_specialist', state: 'open' }, 'agent', 'a1')).toBeNull();
    expect(reminderFor(due, { assignee: 'district:haizhu', state: 'open' }, 'callback_agent', 'c1')).toBeNull();
  });
  it('tells managers of an escalation, and nobody of a task closed meanwhile', () => {
    expect(reminderFor(escalated, { assignee: 'a1', state: 'open' }, 'manager', 'm1')).toBe('escalated');
    expect(reminderFor(escalated, { assignee: 'a1', state: 'open' }, 'agent', 'a1')).toBeNull();
    expect(reminderFor(due, { assignee: 'a1', state: 'closed' }, 'agent', 'a1')).toBeNull();
    expect(reminderFor('survey.call_task.other', { assignee: 'a1', state: 'open' }, 'agent', 'a1')).toBeNull();
  });
});
