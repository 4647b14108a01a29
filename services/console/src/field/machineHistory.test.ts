import { describe, expect, it } from 'vitest';
import { joinPages, meterReadings, visitTime, type MachineServiceEntry, type MachineVisit } from './machineHistory';

function visit(number: string, over: Partial<MachineVisit> = {}): MachineVisit {
  return {
    work_order_id: `wo-${number}`,
    number,
    status: 'completed',
    work_type: 'repair',
    created_at: '2026-01-01T00:00:00Z',
    parts: [],
    ...over,
  } as MachineVisit;
}

function entry(id: string, visits: MachineVisit[]): MachineServiceEntry {
  return { ticket_id: id, ticket_number: `T-${id}`, type: 'fault', status: 'closed', symptom: 'streaks', opened_at: '2026-01-01T00:00:00Z', visits } as MachineServiceEntry;
}

describe('a machine history read page by page', () => {
  it('shows each ticket once, in the order the pages gave them', () => {
    const a = entry('a', []);
    const b = entry('b', []);
    const c = entry('c', []);
    // The second page was read after a new ticket pushed `b` onto it again.
    expect(joinPages([{ items: [a, b] }, { items: [b, c], next_cursor: null }]).map((e) => e.ticket_id)).toEqual(['a', 'b', 'c']);
    expect(joinPages([])).toEqual([]);
  });

  it('dates a visit by its end on site, else when it was reported, else when it was made', () => {
    expect(visitTime(visit('W1', { finished_at: '2026-03-01T04:00:00Z', completed_at: '2026-03-01T05:00:00Z' }))).toBe('2026-03-01T04:00:00Z');
    expect(visitTime(visit('W1', { completed_at: '2026-03-01T05:00:00Z' }))).toBe('2026-03-01T05:00:00Z');
    expect(visitTime(visit('W1'))).toBe('2026-01-01T00:00:00Z');
  });
});

describe('meter readings over time', () => {
  it('lists the readings newest first with the pages copied since the reading before', () => {
    const entries = [
      entry('new', [visit('W3', { finished_at: '2026-06-01T02:00:00Z', meter_reading: 130_500 }), visit('W4', { status: 'assigned' })]),
      entry('old', [visit('W2', { finished_at: '2026-03-01T02:00:00Z', meter_reading: 120_000 }), visit('W1', { finished_at: '2026-01-05T02:00:00Z', meter_reading: 100_000 })]),
    ];
    expect(meterReadings(entries)).toEqual([
      { at: '2026-06-01T02:00:00Z', reading: 130_500, workOrderNumber: 'W3', since: 10_500, wentBack: false },
      { at: '2026-03-01T02:00:00Z', reading: 120_000, workOrderNumber: 'W2', since: 20_000, wentBack: false },
      { at: '2026-01-05T02:00:00Z', reading: 100_000, workOrderNumber: 'W1', since: null, wentBack: false },
    ]);
  });

  it('says a reading lower than the one before instead of a negative count, and counts on from it', () => {
    const entries = [
      entry('x', [
        visit('W1', { finished_at: '2026-01-05T02:00:00Z', meter_reading: 90_000 }),
        visit('W2', { finished_at: '2026-02-05T02:00:00Z', meter_reading: 1_200 }),
        visit('W3', { finished_at: '2026-03-05T02:00:00Z', meter_reading: 6_200 }),
      ]),
    ];
    const [w3, w2, w1] = meterReadings(entries);
    expect(w1).toMatchObject({ workOrderNumber: 'W1', since: null, wentBack: false });
    expect(w2).toMatchObject({ workOrderNumber: 'W2', since: null, wentBack: true });
    expect(w3).toMatchObject({ workOrderNumber: 'W3', since: 5_000, wentBack: false });
  });

  it('has nothing to list when no visit read the meter', () => {
    expect(meterReadings([entry('a', [visit('W1')])])).toEqual([]);
  });
});
