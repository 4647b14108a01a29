import { describe, expect, it } from 'vitest';
import { actorText, formatScore, ticketChangeText, workOrderChangeText, type TicketHistoryEntry, type WorkOrderHistoryEntry } from './ticketRecords';

const t = (key: string, o?: Record<string, unknown>) => (o ? `${key} ${JSON.stringify(o)}` : key);
const at = '2026-12-06T02:00:00Z';

describe('the ticket drawer’s records', () => {
  it('formats scores kept in thousandths', () => {
    expect(formatScore(975)).toBe('0.975');
    expect(formatScore(1100)).toBe('1.100');
    expect(formatScore(undefined)).toBe('—');
  });

  it('names who made a change', () => {
    expect(actorText({ actor: 'a' }, 'a', t)).toBe('desk:history.you');
    expect(actorText({ actor: '0190aaaa-0000-7000-8000-000000000001', actor_name: 'Wang' }, 'me', t)).toBe('Wang');
    expect(actorText({ actor: '0190aaaa-0000-7000-8000-000000000001' }, 'me', t)).toBe('desk:history.someone');
    expect(actorText({ actor: 'survey' }, 'me', t)).toBe('desk:history.system.survey');
    expect(actorText({ actor: 'cron' }, 'me', t)).toBe('desk:history.system.other');
  });

  it('says what a ticket entry changed', () => {
    const base: TicketHistoryEntry = { at, actor: 'a', change: 'opened', to_status: 'new', reason: '' };
    expect(ticketChangeText(base, t)).toBe('desk:history.ticket.opened {"status":"desk:status.new"}');
    expect(ticketChangeText({ ...base, change: 'priority_changed', from_priority: 'p3', to_priority: 'p1' }, t)).toBe(
      'desk:history.ticket.priority_changed {"from":"desk:priority.p3","to":"desk:priority.p1"}',
    );
    expect(ticketChangeText({ ...base, change: 'owner_changed', owner: 'id', owner_name: 'Wang' }, t)).toBe('desk:history.ticket.owner_changed {"owner":"Wang"}');
    expect(ticketChangeText({ ...base, change: 'status_changed', from_status: 'new', to_status: 'cancelled' }, t)).toContain('desk:status.cancelled');
  });

  it('says what a work order entry changed, with the technician’s name', () => {
    const names = new Map([['li', '李伟']]);
    const win = (s: string, e: string) => `${s}/${e}`;
    const base: WorkOrderHistoryEntry = { at, actor: 'dispatch', change: 'created', to_status: 'assigned', technician_id: 'li', reason: '' };
    expect(workOrderChangeText(base, names, t, win)).toBe('desk:history.wo.createdFor {"technician":"李伟"}');
    expect(workOrderChangeText({ ...base, change: 'appointment_booked', appointment: { start: 'a', end: 'b' } }, names, t, win)).toBe('desk:history.wo.appointment {"window":"a/b"}');
    expect(workOrderChangeText({ ...base, change: 'visit_reported', to_status: 'completed' }, names, t, win)).toBe('desk:history.wo.visit_reported {"outcome":"desk:woStatus.completed"}');
    expect(workOrderChangeText({ ...base, change: 'assigned', technician_id: 'x' }, names, t, win)).toBe('desk:history.wo.assignedTo {"technician":"desk:history.someone"}');
  });
});
