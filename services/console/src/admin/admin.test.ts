import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { auditQuery, calendarYears, duplicates, missingTargets, newestFirst, readablePayload, replayable, sortTargets, type DeadLetter, type SlaTarget } from './admin';

const letter = (seq: number, failed_at: number, payload_dropped = false): DeadLetter => ({
  seq,
  failed_at,
  payload_dropped,
  consumer: 'dispatch',
  subject: 'intake.ticket.opened',
  stream: 'INTAKE',
  stream_seq: seq,
  deliveries: 1,
  reason: 'not an event envelope',
  payload: '',
  event_id: null,
});

describe('the audit search', () => {
  it('sends only what is filled in, trimmed', () => {
    expect(auditQuery({})).toEqual({});
    expect(auditQuery({ account_id: ' a-1 ', action: '', object: '  ' })).toEqual({ account_id: 'a-1' });
    expect(auditQuery({ action: 'account.role', object: 'acc-7' })).toEqual({ action: 'account.role', object: 'acc-7' });
  });

  it('turns days into the instants they start and end at, the last day included', () => {
    const q = auditQuery({ from: '2026-12-01', to: '2026-12-07' });
    expect(dayjs(q.from).format('YYYY-MM-DD HH:mm')).toBe('2026-12-01 00:00');
    expect(dayjs(q.to).format('YYYY-MM-DD HH:mm')).toBe('2026-12-08 00:00');
    // An instant with its offset, as the API reads RFC 3339.
    expect(q.from).toMatch(/^2026-12-01T00:00:00[+-]\d\d:\d\d$/);
  });

  it('drops a day that is not a date', () => {
    expect(auditQuery({ from: 'yesterday' })).toEqual({});
  });
});

describe('dead letters', () => {
  it('show a JSON payload indented and anything else as it came', () => {
    expect(readablePayload('{"type":"intake.ticket.opened","data":{"priority":"p1"}}')).toBe(
      '{\n  "type": "intake.ticket.opened",\n  "data": {\n    "priority": "p1"\n  }\n}',
    );
    expect(readablePayload('not an event at all')).toBe('not an event at all');
    expect(readablePayload('')).toBe('');
  });

  it('a notification that kept no payload cannot be replayed', () => {
    expect(replayable(letter(1, 1))).toBe(true);
    expect(replayable(letter(2, 1, true))).toBe(false);
  });

  it('are listed the latest set aside first', () => {
    expect(newestFirst([letter(1, 100), letter(3, 300), letter(2, 300)]).map((d) => d.seq)).toEqual([3, 2, 1]);
  });
});

describe('SLA targets', () => {
  const target = (priority: SlaTarget['priority'], tier: SlaTarget['tier'], type: SlaTarget['type'] = null): SlaTarget => ({
    priority,
    tier,
    type,
    first_response_minutes: 30,
    resolution_minutes: 240,
  });

  it('are shown general rules first, by priority then tier, then those for one type', () => {
    const sorted = sortTargets([target('p2', 'standard'), target('p1', 'standard', 'complaint'), target('p1', 'standard'), target('p1', 'key_account')]);
    expect(sorted.map((x) => `${x.priority}/${x.tier}/${x.type ?? ''}`)).toEqual(['p1/key_account/', 'p1/standard/', 'p2/standard/', 'p1/standard/complaint']);
  });

  it('name every priority and tier without a general target', () => {
    const all = (['p1', 'p2', 'p3', 'p4'] as const).flatMap((p) => [target(p, 'key_account'), target(p, 'standard')]);
    expect(missingTargets(all)).toEqual([]);
    // A rule for one type does not cover the pair.
    const some = all.filter((x) => !(x.priority === 'p4' && x.tier === 'standard')).concat(target('p4', 'standard', 'complaint'));
    expect(missingTargets(some)).toEqual(['p4/standard']);
  });
});

describe('rows given twice', () => {
  it('are named once each', () => {
    expect(duplicates(['month', 'year', 'month', 'month'], (x) => x)).toEqual(['month']);
    expect(duplicates(['month', 'year'], (x) => x)).toEqual([]);
  });
});

describe('the calendar years', () => {
  it('are last year to two years on, with the one shown added where it is elsewhere', () => {
    expect(calendarYears(2026, 2026)).toEqual([2025, 2026, 2027, 2028]);
    expect(calendarYears(2026, 2031)).toEqual([2025, 2026, 2027, 2028, 2031]);
    expect(calendarYears(2026, 2020)).toEqual([2020, 2025, 2026, 2027, 2028]);
  });
});
