import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import type { Problem } from '../api/problem';
import { REFUSAL_CODES, refusalKey } from './admin';
import { fieldsNamed, refusals } from './forms';

// An SLA policy refused as the intake service answers it (through the gateway).
const sla: Problem = {
  type: 'urn:aftercare:problem:validation_failed',
  title: 'Validation failed',
  status: 422,
  detail: 'the request has invalid fields',
  code: 'validation_failed',
  errors: [
    { field: 'targets[1].resolution_minutes', code: 'before_first_response', message: 'the resolution target cannot be sooner than the first response' },
    { field: 'targets[2].priority', code: 'duplicate', message: 'p2/standard is given twice' },
    { field: 'effective_from', code: 'some_new_rule', message: 'a rule the console does not know yet' },
  ],
};

const onTargets = (p: (string | number)[]) => p[0] === 'targets';

describe("the administrator's refusals", () => {
  it('name a text key for every code the console says itself, none for others', () => {
    for (const code of REFUSAL_CODES) expect(refusalKey(code)).toBe(`admin:refused.${code}`);
    expect(refusalKey('some_new_rule')).toBeNull();
  });

  it('are said in Chinese on the fields they name, an unknown code in the service’s words', () => {
    const { fields, other } = refusals(sla, onTargets, i18n.getFixedT('zh-CN'));
    expect(fields).toEqual([
      { name: ['targets', 1, 'resolution_minutes'], errors: ['不能短于首次响应时限'] },
      { name: ['targets', 2, 'priority'], errors: ['重复，或已被使用'] },
    ]);
    expect(other).toEqual(['effective_from: a rule the console does not know yet']);
  });

  it('are said in English the same way', () => {
    const { fields } = refusals(sla, onTargets, i18n.getFixedT('en'));
    expect(fields.map((f) => f.errors[0])).toEqual(['Cannot be sooner than the first response', 'Given twice, or already in use']);
  });

  it('say an account form’s refusals in the console’s language, a field the form lacks above it', () => {
    const account: Problem = {
      type: 'urn:aftercare:problem:validation_failed',
      title: 'Validation failed',
      status: 422,
      detail: '',
      code: 'validation_failed',
      errors: [
        { field: 'password', code: 'weak', message: 'the password is too common' },
        { field: 'role', code: 'self', message: 'an administrator cannot change their own role' },
      ],
    };
    const zh = refusals(account, fieldsNamed(['password']), i18n.getFixedT('zh-CN'));
    expect(zh.fields).toEqual([{ name: ['password'], errors: ['密码太弱'] }]);
    expect(zh.other).toEqual(['role: 不能对自己的账号这样做']);
    const en = refusals(account, fieldsNamed(['password', 'role']), i18n.getFixedT('en'));
    expect(en.fields.map((f) => f.errors[0])).toEqual(['Too weak a password', 'Not on your own account']);
  });

  it('have their words in both languages for every code', () => {
    for (const code of REFUSAL_CODES) {
      const zh = i18n.getFixedT('zh-CN')(`admin:refused.${code}`);
      const en = i18n.getFixedT('en')(`admin:refused.${code}`);
      expect(zh).not.toBe(`refused.${code}`);
      expect(en).not.toBe(`refused.${code}`);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
