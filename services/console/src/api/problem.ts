// RFC 9457 problems as the gateway sends them, and their field errors as form errors.
import type { components } from './schema';

/** A problem+json answer. */
export type Problem = components['schemas']['Problem'];

/** An API call that answered with a problem. */
export class ApiProblem extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

/** Reads whatever an error answer carried as a problem (a proxy's HTML page included). */
export function asProblem(error: unknown, status: number): Problem {
  if (error && typeof error === 'object' && 'status' in error && 'title' in error) {
    return error as Problem;
  }
  return { type: 'about:blank', title: 'HTTP ' + status, status, detail: String(error ?? ''), code: 'http_' + status };
}

/** A form field error: the field's path in the form and the messages to show. */
export interface FormFieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * Turns `errors[].field` (JSON paths such as `customer.phone` or `contacts[0].name`) into
 * form paths; forms name their fields like the request body, so the server's error lands
 * on the field the agent typed in. `known` decides which paths the form has; the others
 * are returned separately to be shown above the form.
 */
export function fieldErrors(
  problem: Problem,
  known: (path: (string | number)[]) => boolean,
  translate: (code: string, message: string) => string = (_c, m) => m,
): { fields: FormFieldError[]; other: string[] } {
  const fields: FormFieldError[] = [];
  const other: string[] = [];
  for (const e of problem.errors ?? []) {
    const path = e.field
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .filter(Boolean)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    if (path.length > 0 && known(path)) {
      const existing = fields.find((f) => f.name.join('.') === path.join('.'));
      const text = translate(e.code, e.message);
      if (existing) existing.errors.push(text);
      else fields.push({ name: path, errors: [text] });
    } else {
      other.push(`${e.field}: ${translate(e.code, e.message)}`);
    }
  }
  return { fields, other };
}
