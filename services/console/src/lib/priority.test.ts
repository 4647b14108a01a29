import { describe, expect, it } from 'vitest';
import { previewPriority } from './priority';
import type { components } from '../api/schema';

// The intake service's default rules (services/intake/src/domain/priority.rs).
const rules: components['schemas']['PriorityRule'][] = [
  { keywords: ['冒烟', '起火', 'smoke', 'fire'], priority: 'p1', note: 'safety' },
  { type: 'fault', machine_down: true, tier: 'key_account', priority: 'p1', note: 'key account without its machine' },
  { type: 'fault', machine_down: true, priority: 'p1', note: 'machine down' },
  { type: 'complaint', priority: 'p2', note: 'a complaint is answered within a working day' },
  { type: 'fault', tier: 'key_account', priority: 'p2', note: 'key account fault' },
  { type: 'fault', priority: 'p2', note: 'fault' },
  { type: 'maintenance', priority: 'p3', note: 'planned work' },
];

describe('the priority preview', () => {
  const base = { type: 'fault' as const, symptom: '复印件有黑线', machineDown: false, tier: 'standard' as const };
  it('takes the first rule whose every condition holds, with its note', () => {
    expect(previewPriority(rules, base)).toEqual({ priority: 'p2', rule: { index: 5, note: 'fault' } });
    expect(previewPriority(rules, { ...base, tier: 'key_account' }).rule?.note).toBe('key account fault');
    expect(previewPriority(rules, { ...base, machineDown: true }).rule?.note).toBe('machine down');
    expect(previewPriority(rules, { ...base, machineDown: true, tier: 'key_account' }).rule?.index).toBe(1);
  });
  it('matches keywords in any case anywhere in the symptom', () => {
    expect(previewPriority(rules, { ...base, type: 'consultation', symptom: 'There is SMOKE coming out' })).toEqual({ priority: 'p1', rule: { index: 0, note: 'safety' } });
    expect(previewPriority(rules, { ...base, type: 'consultation', symptom: '机器冒烟了' }).priority).toBe('p1');
  });
  it('gives P4 when no rule matches', () => {
    expect(previewPriority(rules, { ...base, type: 'consultation' })).toEqual({ priority: 'p4', rule: null });
  });
});
