// The callback desk's rules that are not the server's: which queues are "mine", where a task
// stands against its due time, which caller's script a task reads, and how the desk's forms
// become requests (a callback's attempt goes to its callback, every other kind's to its
// call task; a callback answered on the phone sends the questionnaire's answers).
import type { Dayjs } from 'dayjs';
import type { components, paths } from '../api/schema';

type S = components['schemas'];
export type CallTask = S['CallTask'];
export type CallTaskKind = S['CallTaskKind'];
export type CallTaskState = S['CallTaskState'];
export type CallTaskTiming = S['CallTaskTiming'];
export type CallOutcome = S['CallOutcome'];
export type CallResult = S['CallResult'];
export type Callback = S['Callback'];
export type Questionnaire = S['Questionnaire'];
export type Question = S['Question'];
export type Answer = S['Answer'];
export type Level = S['Level'];
type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
/** The body of POST /call-tasks/{id}/attempts. */
export type RecordCallAttempt = Body<'/api/v1/call-tasks/{id}/attempts'>;
/** The body of POST /callbacks/{id}/attempts. */
export type RecordCallback = Body<'/api/v1/callbacks/{id}/attempts'>;
/** The body of POST /call-tasks/{id}/close. */
export type CloseCallTask = Body<'/api/v1/call-tasks/{id}/close'>;

export const KINDS: readonly CallTaskKind[] = ['callback', 'welcome_call', 'renewal', 'consumables_contact', 'complaint_answer', 'follow_up', 'overdue_payment'];
export const OUTCOMES: readonly CallOutcome[] = ['reached', 'busy', 'unreachable', 'refused'];
export const RESULTS: readonly CallResult[] = ['done', 'declined', 'unreachable', 'cancelled'];
export const LEVELS: readonly Level[] = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'];
export const TIMINGS: readonly CallTaskTiming[] = ['due_now', 'overdue', 'later', 'closed'];

/** The callback specialist's queue (客户回访专员), as the assignment rules name it. */
export const SPECIALIST_QUEUE = 'callback_specialist';

/** A district agent's queue (片区客服专员), as the assignment rules name it. */
export function districtQueue(district: string): string {
  return `district:${district.trim().toLowerCase()}`;
}

/** What an assignee is: a person (account id), the specialist's queue or a district's. */
export type AssigneeKind = { kind: 'specialist' } | { kind: 'district'; district: string } | { kind: 'person'; id: string };

/** How a task came to its assignee, as the service records it (`assigned_by`). */
export type AssignedHow = { how: 'source' } | { how: 'rule'; rule: number } | { how: 'default' } | { how: 'person'; id: string } | { how: 'other'; text: string };

/** Reads `assigned_by`: `source`, `rule <n>` (1-based), `default` or `by <account id>`. */
export function assignedHow(by: string): AssignedHow {
  if (by === 'source') return { how: 'source' };
  if (by === 'default') return { how: 'default' };
  const rule = /^rule (\d+)$/.exec(by);
  if (rule) return { how: 'rule', rule: Number(rule[1]) };
  if (by.startsWith('by ') && by.length > 3) return { how: 'person', id: by.slice(3) };
  return { how: 'other', text: by };
}

/** The account ids among tasks' assignees and reassigners, to be named. */
export function peopleOf(tasks: readonly { assignee: string; assigned_by?: string; closed_by?: string | null }[]): string[] {
  const ids: string[] = [];
  for (const task of tasks) {
    const a = assigneeKind(task.assignee);
    if (a.kind === 'person') ids.push(a.id);
    const how = task.assigned_by ? assignedHow(task.assigned_by) : null;
    if (how?.how === 'person') ids.push(how.id);
    if (task.closed_by) ids.push(task.closed_by);
  }
  return ids;
}

/** Reads an assignee as the queue names it. */
export function assigneeKind(assignee: string): AssigneeKind {
  if (assignee === SPECIALIST_QUEUE) return { kind: 'specialist' };
  if (assignee.startsWith('district:')) return { kind: 'district', district: assignee.slice('district:'.length) };
  return { kind: 'person', id: assignee };
}

/**
 * The queues that are the signed-in caller's own, first the default: a callback agent's is
 * the specialist's queue the rules fill, then what was given to them by name; anyone else's
 * is what was given to them by name.
 */
export function myQueues(role: string | undefined, accountId: string | undefined): string[] {
  const mine = accountId ? [accountId] : [];
  return role === 'callback_agent' ? [SPECIALIST_QUEUE, ...mine] : mine;
}

/** Which reminder a call task's live event gives the signed-in caller, if any. */
export type Reminder = 'due' | 'escalated';

/**
 * The reminder `event` (`survey.call_task.due` or `.escalated`) about `task` gives the
 * caller: a task falling due reminds whoever it is assigned to (by name, or the callback
 * specialist's queue for callback agents); one that went overdue to the manager tells
 * managers. Nothing for a task closed meanwhile.
 */
export function reminderFor(event: string, task: Pick<CallTask, 'assignee' | 'state'>, role: string | undefined, accountId: string | undefined): Reminder | null {
  if (task.state !== 'open') return null;
  if (event === 'survey.call_task.due') return myQueues(role, accountId).includes(task.assignee) ? 'due' : null;
  if (event === 'survey.call_task.escalated') return role === 'manager' ? 'escalated' : null;
  return null;
}

/** Sort rank of a timing: due now first, then overdue, then later, closed last (the server's order). */
export function timingRank(t: CallTaskTiming): number {
  return TIMINGS.indexOf(t);
}

/** How many tasks of each timing a list holds (the counts above the queue). */
export function countByTiming(rows: readonly Pick<CallTask, 'timing'>[]): Record<CallTaskTiming, number> {
  const c: Record<CallTaskTiming, number> = { due_now: 0, overdue: 0, later: 0, closed: 0 };
  for (const r of rows) c[r.timing] += 1;
  return c;
}

/** Minutes from `now` to the due time: negative when it has passed. */
export function minutesToDue(dueAt: string, now: Date): number {
  return Math.round((new Date(dueAt).getTime() - now.getTime()) / 60_000);
}

/** Whether an open task has gone to the manager, or will once its escalation time passes. */
export function escalation(t: Pick<CallTask, 'state' | 'escalate_at' | 'escalated_at'>, now: Date): 'escalated' | 'soon' | 'none' {
  if (t.state !== 'open') return 'none';
  if (t.escalated_at) return 'escalated';
  const left = new Date(t.escalate_at).getTime() - now.getTime();
  return left <= 2 * 3600_000 ? 'soon' : 'none';
}

/** The caller's script of a task: its i18n key under `calls:script` and the values it fills in. */
export interface Script {
  key: CallTaskKind;
  values: { customer: string; reference: string; about: string };
}

/** The script a task's caller reads (each kind has its own; the values come from the task). */
export function scriptFor(t: Pick<CallTask, 'kind' | 'customer_name' | 'reference' | 'about'>): Script {
  return { key: t.kind, values: { customer: t.customer_name.trim() || '—', reference: t.reference, about: t.about } };
}

/** Whether a task's attempts go to its callback (the callback closes the task with it). */
export function throughCallback(t: Pick<CallTask, 'kind' | 'refs'>): boolean {
  return t.kind === 'callback' && !!t.refs.callback_id;
}

/** What the attempt form holds. */
export interface AttemptValues {
  outcome: CallOutcome;
  /** The agreed time (busy) or the next try (unreachable). */
  next_try_at?: Dayjs | null;
  note?: string;
  /** The questionnaire's answers by question key (a callback reached). */
  answers?: Record<string, boolean | Level | string | undefined>;
}

/** An attempt as a request: to the callback or to the call task. */
export type AttemptRequest = { to: 'callback'; body: RecordCallback } | { to: 'task'; body: RecordCallAttempt };

/** The answers of the questionnaire as typed: the questions answered, in its order. */
export function answersFrom(q: Pick<Questionnaire, 'questions'>, typed: AttemptValues['answers'] = {}): Answer[] {
  const out: Answer[] = [];
  for (const question of q.questions) {
    const v = typed[question.key];
    if (question.kind === 'yes_no' && typeof v === 'boolean') out.push({ key: question.key, yes: v });
    else if (question.kind === 'rating' && typeof v === 'string' && (LEVELS as readonly string[]).includes(v)) out.push({ key: question.key, level: v as Level });
    else if (question.kind === 'text' && typeof v === 'string' && v.trim()) out.push({ key: question.key, text: v.trim() });
  }
  return out;
}

/**
 * The request an attempt makes. A callback's: reached is the questionnaire answered
 * (`completed`), busy goes with the agreed time, unreachable follows the retry policy (no
 * time), refused closes it. Any other task's: the outcome with the time for busy or
 * unreachable (left out for unreachable: two working hours later).
 */
export function attemptRequest(t: Pick<CallTask, 'kind' | 'refs'>, v: AttemptValues, q?: Pick<Questionnaire, 'questions'>): AttemptRequest {
  const note = v.note?.trim() ?? '';
  const at = v.next_try_at ? v.next_try_at.toISOString() : null;
  if (throughCallback(t)) {
    const outcome = v.outcome === 'reached' ? 'completed' : v.outcome;
    return {
      to: 'callback',
      body: {
        outcome,
        note,
        ...(outcome === 'completed' && q ? { answers: answersFrom(q, v.answers) } : {}),
        ...(outcome === 'busy' ? { rescheduled_to: at } : {}),
      },
    };
  }
  return {
    to: 'task',
    body: { outcome: v.outcome, note, ...((v.outcome === 'busy' || v.outcome === 'unreachable') && at ? { next_try_at: at } : {}) },
  };
}

/**
 * Where a callback's refusal lands on the desk's form: its answers' fields
 * (`answers[2].level` is the third question's answer as sent) and the agreed time.
 */
export function callbackFieldPath(field: string, sent: readonly Answer[]): (string | number)[] | null {
  if (field === 'rescheduled_to') return ['next_try_at'];
  if (field === 'note') return ['note'];
  const m = /^answers\[(\d+)\](?:\.\w+)?$/.exec(field);
  if (m) {
    const a = sent[Number(m[1])];
    return a ? ['answers', a.key] : null;
  }
  return null;
}

/** What the close form holds. */
export interface CloseValues {
  result: CallResult;
  note?: string;
}

/** Whether closing a task of `kind` needs a note: a complaint answer says what was done (it resolves the follow-up). */
export function closeNeedsNote(kind: CallTaskKind, result: CallResult): boolean {
  return kind === 'complaint_answer' || result === 'declined';
}

/** The close form as a request. */
export function closeRequest(v: CloseValues): CloseCallTask {
  return { result: v.result, note: v.note?.trim() ?? '' };
}

/** The results a task of `kind` is closed with: a complaint answer is done or cancelled. */
export function resultsFor(kind: CallTaskKind): readonly CallResult[] {
  return kind === 'complaint_answer' ? ['done', 'cancelled'] : RESULTS;
}

/** The link a customer answers a callback at, from the token the server gave once. */
export function answerLink(origin: string, token: string): string {
  return `${origin}/answer.html#${token}`;
}

/** A follow-up's reason or a recorded answer, ready to be said: the question, then the answer. */
export type Said =
  | { question: Question | null; key: string; level: Level }
  | { question: Question | null; key: string; yes: boolean }
  | { question: Question | null; key: string; text: string };

/**
 * A follow-up's reasons as the customer gave them: `<key>: <level>` and `<key>: no` become
 * the question with its answer, and `comment` the text answers of the callback.
 */
export function reasonsSaid(reasons: readonly string[], q: Pick<Questionnaire, 'questions'> | undefined, answers: readonly Answer[] = []): Said[] {
  const question = (key: string) => q?.questions.find((x) => x.key === key) ?? null;
  const out: Said[] = [];
  for (const r of reasons) {
    if (r === 'comment') {
      for (const a of answers) if (a.text) out.push({ question: question(a.key), key: a.key, text: a.text });
      continue;
    }
    const m = /^([a-z0-9_]+): ([a-z_]+)$/.exec(r);
    if (m?.[1] && m[2] === 'no') out.push({ question: question(m[1]), key: m[1], yes: false });
    else if (m?.[1] && (LEVELS as readonly string[]).includes(m[2] ?? '')) out.push({ question: question(m[1]), key: m[1], level: m[2] as Level });
    else out.push({ question: null, key: r, text: r });
  }
  return out;
}

/** Recorded answers, each with its question when the questionnaire shown is the version they were given against. */
export function answersSaid(answers: readonly Answer[], q: Pick<Questionnaire, 'questions' | 'version'> | undefined, version: number): Said[] {
  const same = q && q.version === version ? q : undefined;
  const question = (key: string) => same?.questions.find((x) => x.key === key) ?? null;
  return answers.flatMap((a): Said[] => {
    if (typeof a.yes === 'boolean') return [{ question: question(a.key), key: a.key, yes: a.yes }];
    if (a.level) return [{ question: question(a.key), key: a.key, level: a.level }];
    if (a.text) return [{ question: question(a.key), key: a.key, text: a.text }];
    return [];
  });
}
