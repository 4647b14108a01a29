import { describe, expect, it } from 'vitest';
import { buildBoard, onDay, onLeave, type DayPlan, type Technician, type WorkOrder } from './board';

const tz = 'Asia/Shanghai';

function tech(id: string, name: string, leave: Technician['leave'] = []): Technician {
  return { id, name, district: 'tianhe', skills: ['copier'], daily_capacity: 2, team: 'tianhe', certifications: [], shift_start: '08:50:00', shift_end: '17:30:00', leave, active: true, version: 1 };
}

function wo(n: number, over: Partial<WorkOrder> = {}): WorkOrder {
  return {
    id: `w${n}`, number: `W2026-00000${n}`, ticket_id: `t${n}`, ticket_number: `T${n}`, status: 'assigned', priority: 'p3', customer_name: 'c', district: 'tianhe',
    assignment_reasons: [], flagged: false, work_type: 'repair', required_skills: [], estimated_minutes: 60, address: '', parts: [], parts_requested: [],
    created_at: `2026-12-0${n}T01:00:00Z`, version: 1, ...over,
  } as WorkOrder;
}

describe('the board of a day', () => {
  it('puts open work without a fixed day on today and later, booked work on its day only', () => {
    expect(onDay(wo(1), '2026-12-03', '2026-12-03', tz)).toBe(true);
    expect(onDay(wo(1), '2026-12-02', '2026-12-03', tz)).toBe(false);
    const booked = wo(2, { appointment: { start: '2026-12-04T01:00:00Z', end: '2026-12-04T03:00:00Z' } });
    expect(onDay(booked, '2026-12-03', '2026-12-03', tz)).toBe(false);
    expect(onDay(booked, '2026-12-04', '2026-12-03', tz)).toBe(true);
    // 23:30 UTC on the 3rd is the 4th in Shanghai.
    expect(onDay(wo(3, { status: 'completed', completed_at: '2026-12-03T23:30:00Z' }), '2026-12-04', '2026-12-05', tz)).toBe(true);
  });

  it('knows leave by inclusive days', () => {
    const t = tech('a', 'A', [{ from: '2026-12-03', to: '2026-12-04', reason: '' }]);
    expect(onLeave(t, '2026-12-03')).toBe(true);
    expect(onLeave(t, '2026-12-04')).toBe(true);
    expect(onLeave(t, '2026-12-05')).toBe(false);
  });

  it('orders a lane by the published route, counts load and lists the unassigned with their reasons', () => {
    const a = tech('a', 'Wang');
    const b = tech('b', 'Li');
    const orders = [
      wo(1, { technician_id: 'a' }),
      wo(2, { technician_id: 'a' }),
      wo(3, { status: 'unassigned', technician_id: null, flagged: true, assignment_reasons: ['no active technicians'] }),
      wo(4, { technician_id: 'a', status: 'cancelled' }),
    ];
    const plan: DayPlan = {
      date: '2026-12-03', revision: 1, published_at: '2026-12-03T00:00:00Z', unplanned: [], left_out: [],
      routes: [{ technician_id: 'a', technician_name: 'Wang', travel_minutes: 30, ends_at: '2026-12-03T09:00:00Z', stops: [
        { work_order_id: 'w2', number: 'W2', planned_arrival: '2026-12-03T01:10:00Z', planned_start: '2026-12-03T01:10:00Z', reasons: [] },
        { work_order_id: 'w1', number: 'W1', planned_arrival: '2026-12-03T02:40:00Z', planned_start: '2026-12-03T02:40:00Z', reasons: [] },
      ] }],
    };
    const board = buildBoard(orders, [a, b], plan, '2026-12-03', '2026-12-03', tz);
    expect(board.lanes.map((l) => l.technician.name)).toEqual(['Li', 'Wang']);
    const wang = board.lanes[1]!;
    expect(wang.orders.map((o) => o.id)).toEqual(['w2', 'w1']);
    expect(wang.load).toBe(2);
    expect(wang.travelMinutes).toBe(30);
    expect(board.lanes[0]!.orders).toEqual([]);
    expect(board.unassigned.map((o) => o.assignment_reasons)).toEqual([['no active technicians']]);
  });
});
