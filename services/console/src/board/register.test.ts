import { describe, expect, it } from 'vitest';
import { companyTime, filterRows, instantOn, likelyVisit, proposedTime, readFilter, recordable, refusalKey, summarise, type RegisterRow, type RegisterVisit } from './register';

const visit = (number: string, reported: boolean): RegisterVisit => ({
  work_order_id: `wo-${number}`,
  number,
  status: reported ? 'completed' : 'on_site',
  started_at: '2026-12-07T01:00:00Z',
  ...(reported ? { reported_at: '2026-12-07T03:00:00Z', reported_by: 'work_order' as const } : {}),
});

const row = (name: string, district: string, departure: RegisterRow['departure'], visits: RegisterVisit[] = []): RegisterRow => ({
  date: '2026-12-07',
  technician_id: `t-${name}`,
  technician_name: name,
  district,
  on_leave: departure === 'not_due',
  departure,
  late_minutes: departure === 'late' ? 25 : 0,
  visits,
  reported_back: visits.filter((v) => v.reported_at).length,
  not_reported_back: visits.filter((v) => !v.reported_at).length,
  calls: [],
});

const rows = [
  row('李伟', 'tianhe', 'late', [visit('W1', true), visit('W2', false)]),
  row('王芳', 'panyu', 'on_time', [visit('W3', true)]),
  row('张敏', 'yuexiu', 'not_due'),
  row('Zhao Min', 'Tianhe', 'missing'),
];

describe('the register filters in the address', () => {
  it('reads the states it knows, the unreported switch and the search', () => {
    expect(readFilter(new URLSearchParams('state=late,bogus,missing&unreported=1&q=%20li%20'))).toEqual({ states: ['late', 'missing'], unreported: true, q: 'li' });
    expect(readFilter(new URLSearchParams(''))).toEqual({ states: [], unreported: false, q: '' });
  });

  it('lets through the rows in the chosen states, with a visit not reported back, matching name or district in any case', () => {
    const names = (f: Parameters<typeof filterRows>[1]) => filterRows(rows, f).map((r) => r.technician_name);
    expect(names({ states: [], unreported: false, q: '' })).toEqual(['李伟', '王芳', '张敏', 'Zhao Min']);
    expect(names({ states: ['late', 'missing'], unreported: false, q: '' })).toEqual(['李伟', 'Zhao Min']);
    expect(names({ states: [], unreported: true, q: '' })).toEqual(['李伟']);
    expect(names({ states: [], unreported: false, q: 'tianhe' })).toEqual(['李伟', 'Zhao Min']);
    expect(names({ states: [], unreported: false, q: '王' })).toEqual(['王芳']);
    expect(names({ states: ['on_time'], unreported: true, q: '' })).toEqual([]);
  });
});

describe('the day at a glance', () => {
  it('counts technicians per departure state and the visits not reported back', () => {
    expect(summarise(rows)).toEqual({ states: { missing: 1, late: 1, on_time: 1, pending: 0, not_due: 1 }, visits: 3, notReportedBack: 1 });
  });
});

describe('recording on the register', () => {
  it('proposes the first visit not reported back, else a call about the day', () => {
    expect(likelyVisit(rows[0]!)).toBe('wo-W2');
    expect(likelyVisit(rows[1]!)).toBeUndefined();
    expect(likelyVisit(rows[2]!)).toBeUndefined();
  });

  it('records on today and days past, never on a day to come', () => {
    expect(recordable('2026-12-07', '2026-12-07')).toBe(true);
    expect(recordable('2026-12-03', '2026-12-07')).toBe(true);
    expect(recordable('2026-12-08', '2026-12-07')).toBe(false);
  });

  it('proposes now on today and the departure time on an earlier day, in the company\'s time', () => {
    const now = new Date('2026-12-07T01:07:00Z');
    expect(proposedTime('2026-12-07', '2026-12-07', '08:50:00', now)).toBe('09:07');
    expect(proposedTime('2026-12-04', '2026-12-07', '08:50:00', now)).toBe('08:50');
  });

  it('reads and writes times of day in the company\'s time zone whatever the browser\'s', () => {
    expect(companyTime('2026-12-07T00:55:00Z')).toBe('08:55');
    expect(companyTime('2026-12-07T16:05:00Z')).toBe('00:05');
    expect(companyTime(undefined)).toBe('');
    expect(instantOn('2026-12-07', '08:55')).toBe('2026-12-07T00:55:00.000Z');
    expect(instantOn('2026-12-08', '00:05')).toBe('2026-12-07T16:05:00.000Z');
  });

  it('says the service\'s refusals it knows in the console\'s words', () => {
    expect(refusalKey('in_future')).toBe('register:refused.in_future');
    expect(refusalKey('too_old')).toBe('register:refused.too_old');
    expect(refusalKey('not_theirs')).toBe('register:refused.not_theirs');
    expect(refusalKey('something_else')).toBeNull();
  });
});
