import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { inOrder } from './formRules';

describe('inOrder', () => {
  const at = (s: string) => dayjs(`2026-12-06T${s}`);
  it('needs a later time of day for a window or a shift', () => {
    expect(inOrder(at('09:00'), at('11:00'), 'later-time')).toBe(true);
    expect(inOrder(at('09:00'), at('09:00'), 'later-time')).toBe(false);
    expect(inOrder(at('16:00'), at('15:00'), 'later-time')).toBe(false);
  });
  it('allows the same day for a leave but not an earlier one', () => {
    expect(inOrder(dayjs('2026-12-12'), dayjs('2026-12-12'), 'same-or-later-day')).toBe(true);
    expect(inOrder(dayjs('2026-12-12'), dayjs('2026-12-11'), 'same-or-later-day')).toBe(false);
  });
  it('leaves a missing value to the required rule', () => {
    expect(inOrder(undefined, at('09:00'), 'later-time')).toBe(true);
    expect(inOrder(at('09:00'), undefined, 'later-time')).toBe(true);
  });
});
