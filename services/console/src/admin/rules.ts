// The rule settings' forms and the API's shapes: the priority rules (优先级规则) that set a new
// ticket's priority and the call assignment rules (外呼分配规则) that give a new call task to
// the callback specialist, the district agents or one account. The forms hold what a person
// picks (a machine "down / not down / either", one assignee choice and its account), the API
// what the services read; a refusal's field is moved onto the form field that holds it (a
// keyword's on the keyword list, an assignee's account on the account picker).
import type { components } from '../api/schema';
import { ApiProblem } from '../api/problem';

type S = components['schemas'];
export type PriorityRule = S['PriorityRule'];
export type AssignmentRule = S['AssignmentRule'];
export type CallTaskKind = S['CallTaskKind'];

/** The limits the services state for both rule lists (`shared/contracts`). */
export const RULE_LIMITS = {
  /** Rules in a list. */
  rules: 200,
  /** A priority rule's keywords, and each keyword's characters. */
  keywords: 50,
  keyword: 50,
  /** A priority rule's note. */
  note: 200,
  /** Each product line, brand or district of an assignment rule. */
  match: 100,
} as const;

/** "Down", "not down" or either (absent). */
export type MachineState = 'down' | 'running';

/** One priority rule as its form row holds it. */
export interface PriorityRow {
  priority: S['Priority'];
  type?: S['TicketType'];
  tier?: S['CustomerTier'];
  machine?: MachineState;
  keywords: string[];
  note: string;
}

/** Whom an assignment rule gives its tasks to, as the form's choice names it. */
export type AssigneeChoice = S['Assignee']['to'];

/** One assignment rule as its form row holds it. */
export interface CallRuleRow {
  kinds: CallTaskKind[];
  product_lines: string[];
  brands: string[];
  districts: string[];
  assignee: AssigneeChoice;
  /** The account, when `assignee` is `user`. */
  user?: string;
}

/** Words typed into a tag list, trimmed, empty ones and repeats (ignoring case) dropped. */
export function cleanList(words: string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of words ?? []) {
    const v = w.trim();
    if (v && !seen.has(v.toLowerCase())) {
      seen.add(v.toLowerCase());
      out.push(v);
    }
  }
  return out;
}

/** A priority rule as its form row shows it. */
export function priorityRow(r: PriorityRule): PriorityRow {
  return {
    priority: r.priority,
    type: r.type ?? undefined,
    tier: r.tier ?? undefined,
    machine: r.machine_down === true ? 'down' : r.machine_down === false ? 'running' : undefined,
    keywords: r.keywords ?? [],
    note: r.note ?? '',
  };
}

/** A form row as the priority rule the API stores. */
export function priorityRule(row: PriorityRow): PriorityRule {
  return {
    priority: row.priority,
    type: row.type ?? null,
    tier: row.tier ?? null,
    machine_down: row.machine === 'down' ? true : row.machine === 'running' ? false : null,
    keywords: cleanList(row.keywords),
    note: (row.note ?? '').trim(),
  };
}

/** An assignment rule as its form row shows it. */
export function callRuleRow(r: AssignmentRule): CallRuleRow {
  return {
    kinds: r.kinds ?? [],
    product_lines: r.product_lines ?? [],
    brands: r.brands ?? [],
    districts: r.districts ?? [],
    assignee: r.assignee.to,
    ...(r.assignee.to === 'user' ? { user: r.assignee.user } : {}),
  };
}

/** A form row as the assignment rule the API stores. */
export function callRule(row: CallRuleRow): AssignmentRule {
  const assignee: S['Assignee'] = row.assignee === 'user' ? { to: 'user', user: (row.user ?? '').trim() } : { to: row.assignee };
  return {
    kinds: [...new Set(row.kinds ?? [])],
    product_lines: cleanList(row.product_lines),
    brands: cleanList(row.brands),
    districts: cleanList(row.districts),
    assignee,
  };
}

/**
 * The form field that holds an API field of either rule list: an entry of a rule's list
 * (`rules[0].keywords[2]`) is on the list's field, the assignee's account
 * (`rules[1].assignee.user`) on the account picker; the rest are named alike.
 */
export function ruleFormField(field: string): string {
  return field.replace(/^(rules\[\d+\]\.(?:keywords|product_lines|brands|districts))\[\d+\]$/, '$1').replace(/^(rules\[\d+\])\.assignee\.user$/, '$1.user');
}

/** `e` with its field errors renamed to the form's fields (any other error as it is). */
export function onRuleFields(e: unknown): unknown {
  if (!(e instanceof ApiProblem) || !e.problem.errors?.length) return e;
  return new ApiProblem({ ...e.problem, errors: e.problem.errors.map((x) => ({ ...x, field: ruleFormField(x.field) })) });
}

/** Whether a form path is one of a rule's fields (the list as a whole has no field to show on). */
export function isRuleField(path: (string | number)[]): boolean {
  return path[0] === 'rules' && typeof path[1] === 'number' && path.length === 3;
}
