// How the cashier's forms show a refusal: a 422's field errors on the fields the form has
// (nothing typed is cleared; codes the console knows are said in the console's language),
// the rest as one text above the form.
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiProblem, fieldErrors } from '../api/problem';

/** The refusal codes of billing's answers to the cashier's forms that the console says in its own words. */
export const REFUSAL_CODES = ['more_than_owed', 'required', 'too_long', 'before_start', 'out_of_range', 'negative', 'not_a_draft'] as const;

/** A refusal in the console's words when its code is one it knows, else the service's message. */
export function refusalText(code: string, message: string, t: TFunction): string {
  if (code === 'more_than_owed') return t('cashier:moreThanOwed');
  return (REFUSAL_CODES as readonly string[]).includes(code) ? t(`cashier:refused.${code}`) : message;
}

/** The text to show above the form for `e`, after putting its field errors on `form`. */
export function showProblem(e: unknown, form: FormInstance | null, known: string[], t: TFunction): string | null {
  if (!(e instanceof ApiProblem)) return t('common:error', { detail: e instanceof Error ? e.message : String(e) });
  if (e.status === 412) return t('cashier:stale');
  if (e.status === 422 && form) {
    const { fields, other } = fieldErrors(e.problem, (p) => known.includes(p.map(String).join('.')), (code, message) => refusalText(code, message, t));
    form.setFields(fields.map((f) => ({ name: f.name, errors: f.errors })));
    if (other.length > 0) return other.join('; ');
    return fields.length > 0 ? null : e.problem.detail || e.problem.title;
  }
  return e.problem.detail || e.problem.title;
}
