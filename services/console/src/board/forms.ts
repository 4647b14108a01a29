// How the report-back register's forms show a refusal: a 422's field errors on the fields
// the form has (nothing typed is cleared; codes the console knows are said in the console's
// language), the rest as one text above the form.
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiProblem, fieldErrors } from '../api/problem';
import { refusalKey } from './register';

/** The text to show above the form for `e`, after putting its field errors on `form`. */
export function showProblem(e: unknown, form: FormInstance | null, known: string[], t: TFunction): string | null {
  if (!(e instanceof ApiProblem)) return t('common:error', { detail: e instanceof Error ? e.message : String(e) });
  if (e.status === 422 && form) {
    const translate = (code: string, message: string) => {
      const key = refusalKey(code);
      return key ? t(key) : message;
    };
    const { fields, other } = fieldErrors(e.problem, (p) => known.includes(p.map(String).join('.')), translate);
    form.setFields(fields.map((f) => ({ name: f.name, errors: f.errors })));
    if (other.length > 0) return other.join('; ');
    return fields.length > 0 ? null : e.problem.detail || e.problem.title;
  }
  return e.problem.detail || e.problem.title;
}
