// How the administrator's forms show a refusal: a 422's field errors on the fields the form
// has (nothing typed is cleared; codes the console knows are said in the console's language),
// a stale version (412) as a reload to check, the rest as one text above the form.
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiProblem, fieldErrors, type FormFieldError, type Problem } from '../api/problem';
import { refusalKey } from './admin';

/** The text to show above the form for `e`, after putting its field errors on `form`; `known` says which field paths the form has. */
export function showProblem(e: unknown, form: FormInstance | null, known: (path: (string | number)[]) => boolean, t: TFunction): string | null {
  if (!(e instanceof ApiProblem)) return t('common:error', { detail: e instanceof Error ? e.message : String(e) });
  if (e.status === 412) return t('admin:stale');
  if (e.status === 422 && form) {
    const { fields, other } = refusals(e.problem, known, t);
    form.setFields(fields.map((f) => ({ name: f.name, errors: f.errors })));
    if (other.length > 0) return other.join('; ');
    return fields.length > 0 ? null : e.problem.detail || e.problem.title;
  }
  return e.problem.detail || e.problem.title;
}

/** A 422's field errors in the console's language: those on the form's fields (`known`) and
 * the rest, each said in the console's words when its code is one it knows, else as the
 * service's message. */
export function refusals(problem: Problem, known: (path: (string | number)[]) => boolean, t: TFunction): { fields: FormFieldError[]; other: string[] } {
  return fieldErrors(problem, known, (code, message) => {
    const key = refusalKey(code);
    return key ? t(key) : message;
  });
}

/** A `known` for a form whose fields are exactly `names` (dotted paths). */
export function fieldsNamed(names: string[]): (path: (string | number)[]) => boolean {
  return (p) => names.includes(p.map(String).join('.'));
}
