import { describe, expect, it } from 'vitest';
import { ApiProblem, fieldErrors } from '../api/problem';
import { callRule, callRuleRow, cleanList, isRuleField, onRuleFields, priorityRow, priorityRule, ruleFormField, type AssignmentRule, type PriorityRule } from './rules';

describe('priority rules between the form and the API', () => {
  it('shows a rule with its machine state as a choice and sends it back as it was', () => {
    const rule: PriorityRule = { type: 'fault', tier: 'key_account', machine_down: true, keywords: [], priority: 'p1', note: 'key account without its machine' };
    const row = priorityRow(rule);
    expect(row).toEqual({ priority: 'p1', type: 'fault', tier: 'key_account', machine: 'down', keywords: [], note: 'key account without its machine' });
    expect(priorityRule(row)).toEqual(rule);
    expect(priorityRow({ ...rule, machine_down: false }).machine).toBe('running');
  });

  it('sends a condition left empty as null and keywords trimmed, once each, without empty ones', () => {
    const sent = priorityRule({ priority: 'p2', keywords: [' 冒烟 ', 'Smoke', 'smoke', '  '], note: '  safety ' });
    expect(sent).toEqual({ priority: 'p2', type: null, tier: null, machine_down: null, keywords: ['冒烟', 'Smoke'], note: 'safety' });
  });

  it('reads a rule the API gave without keywords or conditions', () => {
    expect(priorityRow({ priority: 'p4', note: '' })).toEqual({ priority: 'p4', type: undefined, tier: undefined, machine: undefined, keywords: [], note: '' });
  });
});

describe('call assignment rules between the form and the API', () => {
  it('keeps a queue assignee as the choice alone and an account with its id', () => {
    const queue: AssignmentRule = { kinds: ['welcome_call'], product_lines: ['copier'], brands: ['Sharp'], districts: [], assignee: { to: 'district_agent' } };
    expect(callRuleRow(queue)).toEqual({ kinds: ['welcome_call'], product_lines: ['copier'], brands: ['Sharp'], districts: [], assignee: 'district_agent' });
    expect(callRule(callRuleRow(queue))).toEqual(queue);
    const one: AssignmentRule = { kinds: [], product_lines: [], brands: [], districts: ['Tianhe'], assignee: { to: 'user', user: 'u-7' } };
    expect(callRuleRow(one)).toMatchObject({ assignee: 'user', user: 'u-7' });
    expect(callRule(callRuleRow(one))).toEqual(one);
  });

  it('drops an account left over from an earlier choice and cleans the lists', () => {
    const sent = callRule({ kinds: ['renewal', 'renewal'], product_lines: [' fax '], brands: ['Sharp', 'SHARP'], districts: [''], assignee: 'callback_specialist', user: 'u-1' });
    expect(sent).toEqual({ kinds: ['renewal'], product_lines: ['fax'], brands: ['Sharp'], districts: [], assignee: { to: 'callback_specialist' } });
  });

  it('cleans a tag list the way the services compare it (ignoring case)', () => {
    expect(cleanList(undefined)).toEqual([]);
    expect(cleanList(['A', ' a', 'b '])).toEqual(['A', 'b']);
  });
});

describe('a refused rule list on the form', () => {
  it('puts an entry of a list on the list and the assignee account on its picker', () => {
    expect(ruleFormField('rules[0].keywords[2]')).toBe('rules[0].keywords');
    expect(ruleFormField('rules[3].brands[0]')).toBe('rules[3].brands');
    expect(ruleFormField('rules[1].assignee.user')).toBe('rules[1].user');
    expect(ruleFormField('rules[1].note')).toBe('rules[1].note');
    expect(ruleFormField('rules')).toBe('rules');
  });

  it('turns a 422 into field errors on the rows the form has, the count of rules above it', () => {
    const e = new ApiProblem({
      type: 'about:blank',
      title: 'Validation failed',
      status: 422,
      code: 'validation',
      detail: '',
      errors: [
        { field: 'rules[0].keywords[1]', code: 'too_long', message: 'at most 50 characters' },
        { field: 'rules[2].assignee.user', code: 'too_short', message: 'at least 1 character' },
        { field: 'rules', code: 'out_of_range', message: 'between 1 and 200 rules' },
      ],
    });
    const moved = onRuleFields(e);
    expect(moved).toBeInstanceOf(ApiProblem);
    const { fields, other } = fieldErrors((moved as ApiProblem).problem, isRuleField);
    expect(fields).toEqual([
      { name: ['rules', 0, 'keywords'], errors: ['at most 50 characters'] },
      { name: ['rules', 2, 'user'], errors: ['at least 1 character'] },
    ]);
    expect(other).toEqual(['rules: between 1 and 200 rules']);
  });

  it('leaves any other failure as it was', () => {
    const stale = new ApiProblem({ type: 'about:blank', title: 'Precondition failed', status: 412, code: 'stale', detail: '' });
    expect(onRuleFields(stale)).toBe(stale);
    const plain = new Error('offline');
    expect(onRuleFields(plain)).toBe(plain);
  });
});
