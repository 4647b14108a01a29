// The callback questionnaire (回访问卷) between the administrator's form and the API: the
// questions as they are asked, each level's score as a number with decimals (1.1) where the
// API keeps thousandths (1100), and the level at or below which a rating needs a follow-up.
// A question rates someone only when it is a rating, and a "no" means the problem persists
// only on a yes/no question; the form keeps what was chosen for another kind, the API gets
// neither.
import type { components } from '../api/schema';
import { ApiProblem } from '../api/problem';

type S = components['schemas'];
export type Level = S['Level'];
export type Question = S['Question'];
export type Questionnaire = S['Questionnaire'];

/** The five levels, best first (the order the API checks their scores in). */
export const LEVELS: readonly Level[] = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'];

/** A question's key, as the API states it. */
export const QUESTION_KEY = /^[a-z0-9_]{1,40}$/;

/** The limits the survey service states (`shared/contracts` survey limits). */
export const QUESTIONNAIRE_LIMITS = { questions: 30, text: 500, score: 10 } as const;

/** The questionnaire as its form holds it. */
export interface QuestionnaireValues {
  questions: Question[];
  /** Each level's score, 0–10 with up to three decimals. */
  scores: Record<Level, number | null | undefined>;
  follow_up_at: Level;
}

/** The body of a new version. */
export interface QuestionnaireBody {
  questions: Question[];
  levels: S['LevelScore'][];
  follow_up_at: Level;
}

/** The version in force, as its form shows it. */
export function questionnaireForm(q: Pick<Questionnaire, 'questions' | 'levels' | 'follow_up_at'>): QuestionnaireValues {
  const scores = Object.fromEntries(LEVELS.map((l) => [l, null])) as QuestionnaireValues['scores'];
  for (const l of q.levels) scores[l.level] = l.score_milli / 1000;
  return { questions: q.questions.map((x) => ({ ...x })), scores, follow_up_at: q.follow_up_at };
}

/** The form as the body of a new version: texts trimmed, scores in thousandths in the levels' order. */
export function questionnaireBody(v: QuestionnaireValues): QuestionnaireBody {
  return {
    questions: (v.questions ?? []).map((q) => ({
      key: q.key.trim(),
      kind: q.kind,
      text_zh: q.text_zh.trim(),
      text_en: q.text_en.trim(),
      required: !!q.required,
      problem_persists_on_no: q.kind === 'yes_no' && !!q.problem_persists_on_no,
      rates: q.kind === 'rating' ? (q.rates ?? null) : null,
    })),
    levels: LEVELS.map((level) => ({ level, score_milli: Math.round((v.scores?.[level] ?? 0) * 1000) })),
    follow_up_at: v.follow_up_at,
  };
}

/** The levels whose score is below a worse level's (each named once), for the form to say as it is typed. */
export function unorderedLevels(scores: QuestionnaireValues['scores']): Level[] {
  const out: Level[] = [];
  LEVELS.forEach((l, i) => {
    const s = scores?.[l];
    if (s === null || s === undefined) return;
    if (LEVELS.slice(i + 1).some((w) => (scores?.[w] ?? -Infinity) > s)) out.push(l);
  });
  return out;
}

/** The form field of an API field: a level's score (`levels[1].score_milli`) is that level's score field. */
export function questionnaireFormField(field: string): string {
  const m = /^levels\[(\d+)\]\.score_milli$/.exec(field);
  const level = m ? LEVELS[Number(m[1])] : undefined;
  return level ? `scores.${level}` : field;
}

/** `e` with its field errors renamed to the form's fields. */
export function onQuestionnaireFields(e: unknown): unknown {
  if (!(e instanceof ApiProblem) || !e.problem.errors?.length) return e;
  return new ApiProblem({ ...e.problem, errors: e.problem.errors.map((x) => ({ ...x, field: questionnaireFormField(x.field) })) });
}

/** Whether a form path is a field of the questionnaire's form. */
export function isQuestionnaireField(p: (string | number)[]): boolean {
  return (p[0] === 'questions' && typeof p[1] === 'number' && p.length === 3) || (p[0] === 'scores' && p.length === 2) || (p[0] === 'follow_up_at' && p.length === 1);
}
