import { describe, expect, it } from 'vitest';
import {
  alreadyApplied,
  basisFor,
  dayInOrder,
  faultOptions,
  ifMatchFor,
  inOrder,
  mapLink,
  nextStep,
  nextToSend,
  optimisticAppointment,
  ownedBy,
  optimisticStatus,
  overVanStock,
  reportBody,
  reportFieldPath,
  resolve,
  uploadsFor,
  waitingCount,
  windowProblem,
  settleRefused,
  vanAvailable,
  verdict,
  type Completion,
  type DayPlan,
  type QueuedAction,
  type WorkOrder,
} from './model';

function order(id: string, over: Partial<WorkOrder> = {}): WorkOrder {
  return {
    id,
    number: 'W2026-' + id,
    ticket_id: 't-' + id,
    ticket_number: 'T2026-' + id,
    status: 'assigned',
    priority: 'P3',
    customer_name: 'ACME ' + id,
    district: 'tianhe',
    assignment_reasons: [],
    flagged: false,
    work_type: 'repair',
    required_skills: [],
    estimated_minutes: 60,
    address: '1 Tianhe Rd',
    parts: [],
    parts_requested: [],
    created_at: '2026-12-07T00:00:00Z',
    version: 3,
    history: [],
    ...over,
  } as WorkOrder;
}

function move(key: string, seq: number, wo: string, to: 'accepted' | 'en_route' | 'on_site', basedOn: QueuedAction['basedOn'], state: QueuedAction['state'] = 'waiting'): QueuedAction {
  return { key, seq, account: 'tech-1', kind: 'move', workOrderId: wo, workOrderNumber: 'W-' + wo, body: { to, occurred_at: `2026-12-07T0${seq}:00:00Z` }, basedOn, takenAt: '2026-12-07T00:00:00Z', state };
}

const report: Completion = { diagnosis: 'worn roller', started_at: '2026-12-07T03:00:00Z', finished_at: '2026-12-07T03:40:00Z', outcome: 'completed' } as Completion;

describe('the day', () => {
  it('puts the plan’s stops first in visiting order, then the rest by appointment and number', () => {
    const a = order('a', { appointment: { start: '2026-12-07T06:00:00Z', end: '2026-12-07T08:00:00Z' } });
    const b = order('b');
    const c = order('c');
    const d = order('d', { appointment: { start: '2026-12-07T02:00:00Z', end: '2026-12-07T03:00:00Z' } });
    const plan = {
      date: '2026-12-07',
      revision: 1,
      published_at: '2026-12-06T10:00:00Z',
      unplanned: [],
      left_out: [],
      routes: [{ technician_id: 'me', technician_name: 'Li', travel_minutes: 30, ends_at: '2026-12-07T10:00:00Z', stops: [
        { work_order_id: 'c', number: 'W-c', planned_arrival: '2026-12-07T01:00:00Z', planned_start: '2026-12-07T01:00:00Z', reasons: [] },
        { work_order_id: 'gone', number: 'W-gone', planned_arrival: '2026-12-07T01:30:00Z', planned_start: '2026-12-07T01:30:00Z', reasons: [] },
        { work_order_id: 'a', number: 'W-a', planned_arrival: '2026-12-07T06:10:00Z', planned_start: '2026-12-07T06:10:00Z' },
      ] }],
    } as DayPlan;
    const day = dayInOrder([a, b, c, d], plan, 'me');
    expect(day.map((s) => s.order.id)).toEqual(['c', 'a', 'd', 'b']);
    expect(day[0]?.stop?.planned_arrival).toBe('2026-12-07T01:00:00Z');
    expect(day[2]?.stop).toBeNull();
    expect(dayInOrder([b, d], null, 'me').map((s) => s.order.id)).toEqual(['d', 'b']);
  });
  it('steps one at a time and reports only on site', () => {
    expect(nextStep('assigned')).toBe('accepted');
    expect(nextStep('accepted')).toBe('en_route');
    expect(nextStep('en_route')).toBe('on_site');
    expect(nextStep('on_site')).toBeNull();
    expect(nextStep('completed')).toBeNull();
  });
  it('links to the map app with the position, or the address alone', () => {
    expect(mapLink('天河路 1 号', { lat: 23.13, lon: 113.32 })).toBe('geo:23.13,113.32?q=23.13,113.32(%E5%A4%A9%E6%B2%B3%E8%B7%AF%201%20%E5%8F%B7)');
    expect(mapLink('1 Rd', null)).toBe('geo:0,0?q=1%20Rd');
  });
});

describe('the queue', () => {
  it('sends in the order taken, one work order’s actions behind a conflict held back', () => {
    const q = [
      move('k3', 3, 'b', 'accepted', { version: 1, after: null }),
      move('k1', 1, 'a', 'accepted', { version: 3, after: null }, 'conflict'),
      move('k2', 2, 'a', 'en_route', { version: 3, after: 'k1' }),
    ];
    expect(inOrder(q).map((a) => a.key)).toEqual(['k1', 'k2', 'k3']);
    expect(nextToSend(q)?.key).toBe('k3');
    expect(nextToSend([move('k1', 1, 'a', 'accepted', { version: 3, after: null })])?.key).toBe('k1');
    expect(nextToSend([])).toBeNull();
  });
  it('sends each action with the version it was based on, or the one its predecessor was answered with', () => {
    const first = move('k1', 1, 'a', 'accepted', { version: 3, after: null });
    const second = move('k2', 2, 'a', 'en_route', { version: 3, after: 'k1' });
    expect(ifMatchFor(first, new Map())).toBe(3);
    expect(ifMatchFor(second, new Map())).toBeNull();
    expect(ifMatchFor(second, new Map([['k1', 4]]))).toBe(4);
  });
  it('bases a new action on the last one queued for the work order', () => {
    const o = order('a');
    expect(basisFor(o, [])).toEqual({ version: 3, after: null });
    expect(basisFor(o, [move('k1', 1, 'a', 'accepted', { version: 3, after: null })])).toEqual({ version: 3, after: 'k1' });
  });
  it('shows the state the queued actions lead to', () => {
    const o = order('a');
    const q = [move('k1', 1, 'a', 'accepted', { version: 3, after: null }), move('k2', 2, 'a', 'en_route', { version: 3, after: 'k1' }), move('k9', 9, 'b', 'on_site', { version: 1, after: null })];
    expect(optimisticStatus(o, q)).toBe('en_route');
    const done: QueuedAction = { ...move('k3', 3, 'a', 'on_site', { version: 3, after: 'k2' }), kind: 'complete', body: { ...report, outcome: 'waiting_for_parts' } };
    expect(optimisticStatus(o, [...q, done])).toBe('waiting_for_parts');
  });
  it('tells an answer lost on the way (already applied) from a real conflict', () => {
    const a = move('k1', 1, 'a', 'on_site', { version: 3, after: null });
    const applied = order('a', { status: 'on_site', version: 4, history: [{ at: '2026-12-07T01:00:00.000Z', to: 'on_site', actor: 'u', reason: '' }] } as Partial<WorkOrder>);
    expect(alreadyApplied(a, applied)).toBe(true);
    const moved = order('a', { status: 'assigned', version: 5, history: [{ at: '2026-12-07T01:30:00Z', to: 'assigned', actor: 'd', reason: 'reassigned' }] } as Partial<WorkOrder>);
    expect(alreadyApplied(a, moved)).toBe(false);
    const c: QueuedAction = { ...a, kind: 'complete', body: report };
    expect(alreadyApplied(c, order('a', { visit: { started_at: '2026-12-07T03:00:00.000Z', finished_at: '2026-12-07T03:40:00Z' } } as Partial<WorkOrder>))).toBe(true);
    expect(alreadyApplied(c, order('a'))).toBe(false);
  });
  it('judges answers: accepted, kept for later, a conflict, refused', () => {
    expect(verdict(200)).toBe('done');
    expect(verdict(0)).toBe('retry_later');
    expect(verdict(503)).toBe('retry_later');
    expect(verdict(429)).toBe('retry_later');
    expect(verdict(401)).toBe('refresh_session');
    expect(verdict(412)).toBe('conflict');
    expect(verdict(422)).toBe('failed');
    expect(verdict(404)).toBe('failed');
  });
  it('blocks what follows a refused action, and the technician decides: discard or send again', () => {
    const q = [
      move('k1', 1, 'a', 'en_route', { version: 3, after: null }),
      move('k2', 2, 'a', 'on_site', { version: 3, after: 'k1' }),
      move('k3', 3, 'b', 'accepted', { version: 1, after: null }),
    ];
    const theirs = order('a', { status: 'accepted', version: 7 });
    const stuck = settleRefused(q, { ...q[0]!, theirs }, 'conflict');
    expect(stuck.map((a) => a.state)).toEqual(['conflict', 'blocked', 'waiting']);
    expect(stuck[0]?.theirs?.version).toBe(7);
    expect(resolve(stuck, 'k1', 'discard').map((a) => a.key)).toEqual(['k3']);
    const again = resolve(stuck, 'k1', 'again');
    expect(again.map((a) => a.state)).toEqual(['waiting', 'waiting', 'waiting']);
    expect(again[0]?.basedOn).toEqual({ version: 7, after: null });
    expect(again[0]?.theirs).toBeUndefined();
    expect(again[1]?.basedOn).toEqual({ version: 3, after: 'k1' });
  });
});

describe('the parts used against the van', () => {
  it('checks the parts against the van, counting a part listed twice together', () => {
    const held = (sku: string) => vanAvailable({ locations: [{ location: 'van-li', on_hand: 3, reserved: 0, available: sku === 'DRUM-1' ? 2 : 0 }] }, 'van-li');
    expect(overVanStock([{ sku: 'DRUM-1', quantity: 1 }, { sku: 'DRUM-1', quantity: 2 }, { sku: 'ROLL-2', quantity: 1 }], held)).toEqual([1, 2]);
    expect(vanAvailable({ locations: [] }, null)).toBe(0);
  });
});

describe('a refused report back in its form', () => {
  it('puts each problem on the field the technician typed in', () => {
    expect(reportFieldPath(['parts', 0, 'sku'])).toEqual(['parts', 0, 'sku']);
    expect(reportFieldPath(['diagnosis'])).toEqual(['diagnosis']);
    expect(reportFieldPath(['payment_collected', 'amount_minor'])).toEqual(['cash']);
    expect(reportFieldPath(['signature', 'signer'])).toEqual(['signer']);
    expect(reportFieldPath(['signature', 'attachment_id'])).toEqual(['signature']);
    expect(reportFieldPath(['signature'])).toEqual(['signature']);
  });
});

describe('a phone handed to another technician', () => {
  it('sends and shows each account only the actions it took', () => {
    const mine = move('k1', 1, 'a', 'accepted', { version: 3, after: null });
    const theirs = { ...move('k2', 2, 'b', 'accepted', { version: 4, after: null }), account: 'tech-2' };
    expect(ownedBy([mine, theirs], 'tech-1').map((a) => a.key)).toEqual(['k1']);
    expect(ownedBy([mine, theirs], 'tech-2').map((a) => a.key)).toEqual(['k2']);
    expect(ownedBy([mine, theirs], undefined)).toEqual([]);
  });
});

describe('a report’s files', () => {
  const blob = new Blob(['x'], { type: 'image/png' });
  function upload(key: string, seq: number, kind: 'photo' | 'signature'): QueuedAction {
    return { key, seq, account: 'tech-1', kind: 'upload', workOrderId: 'a', workOrderNumber: 'W-a', body: { kind, blob }, basedOn: { version: 3, after: null }, takenAt: '2026-12-07T00:00:00Z', state: 'waiting' };
  }
  const filed: QueuedAction = {
    key: 'r', seq: 5, account: 'tech-1', kind: 'complete', workOrderId: 'a', workOrderNumber: 'W-a',
    body: { ...report, chargeable: true, signature: { signer: '王女士', attachment_id: null } },
    files: { signature: 'sig', photos: ['p1', 'p2'] },
    basedOn: { version: 3, after: null }, takenAt: '2026-12-07T00:00:00Z', state: 'waiting',
  };

  it('are uploaded before the report, each once: a file the server already stored is not queued again', () => {
    const files = { signature: { key: 'sig', blob }, photos: [{ key: 'p1', blob }, { key: 'p2', blob }] };
    expect(uploadsFor(files, new Set()).map((u) => [u.kind, u.file.key])).toEqual([['signature', 'sig'], ['photo', 'p1'], ['photo', 'p2']]);
    expect(uploadsFor(files, new Set(['sig', 'p1'])).map((u) => u.file.key)).toEqual(['p2']);
    expect(uploadsFor({ signature: null, photos: [] }, new Set())).toEqual([]);
  });

  it('are named in the report by the attachment ids the server answered, never inline', () => {
    const body = reportBody(filed, new Map([['sig', 'att-s'], ['p1', 'att-1'], ['p2', 'att-2']]))!;
    expect(body.signature).toEqual({ signer: '王女士', attachment_id: 'att-s', image_png_base64: null });
    expect(body.photo_attachment_ids).toEqual(['att-1', 'att-2']);
    expect(body.chargeable).toBe(true);
    // A file without an answer holds the report back rather than sending it without.
    expect(reportBody(filed, new Map([['sig', 'att-s'], ['p1', 'att-1']]))).toBeNull();
    // A report signed by name only (no drawing) names no attachment.
    const named = { ...filed, files: { signature: null, photos: [] } };
    expect(reportBody(named, new Map())!.signature).toEqual({ signer: '王女士', attachment_id: null, image_png_base64: null });
  });

  it('leave the work order’s version, state and the badge as they are, and go first', () => {
    const o = order('a', { status: 'on_site' });
    const queue = [upload('sig', 3, 'signature'), upload('p1', 4, 'photo'), filed];
    expect(waitingCount(queue)).toBe(1);
    expect(optimisticStatus(o, queue.slice(0, 2))).toBe('on_site');
    expect(optimisticStatus(o, queue)).toBe('completed');
    expect(basisFor(o, queue.slice(0, 2))).toEqual({ version: 3, after: null });
    expect(ifMatchFor(queue[0]!, new Map())).toBeNull();
    expect(nextToSend(queue)?.key).toBe('sig');
    // A refused upload holds its report back.
    const refused = settleRefused(queue, queue[0]!, 'failed');
    expect(refused.find((a) => a.key === 'r')?.state).toBe('blocked');
    expect(nextToSend(refused)).toBeNull();
    expect(reportFieldPath(['photo_attachment_ids', 1])).toEqual(['photos']);
    expect(reportFieldPath(['signature', 'attachment_id'])).toEqual(['signature']);
  });
});

describe('an appointment booked on the phone', () => {
  const window = { start: '2026-12-08T06:00:00.000Z', end: '2026-12-08T08:00:00.000Z' };
  const book: QueuedAction = { key: 'b', seq: 7, account: 'tech-1', kind: 'book', workOrderId: 'a', workOrderNumber: 'W-a', body: { window }, basedOn: { version: 3, after: null }, takenAt: '2026-12-07T00:00:00Z', state: 'waiting' };

  it('shows at once, moves no step, and the next action rests on it', () => {
    const o = order('a', { appointment: { start: '2026-12-07T06:00:00Z', end: '2026-12-07T07:00:00Z' } });
    expect(optimisticAppointment(o, [])).toEqual(o.appointment);
    expect(optimisticAppointment(o, [book])).toEqual(window);
    expect(optimisticStatus(o, [book])).toBe('assigned');
    expect(basisFor(o, [book])).toEqual({ version: 3, after: 'b' });
    expect(waitingCount([book])).toBe(1);
  });

  it('is already on the server when the work order holds that window (its answer was lost)', () => {
    expect(alreadyApplied(book, order('a', { appointment: { start: '2026-12-08T06:00:00Z', end: '2026-12-08T08:00:00Z' } }))).toBe(true);
    expect(alreadyApplied(book, order('a', { appointment: { start: '2026-12-08T09:00:00Z', end: '2026-12-08T10:00:00Z' } }))).toBe(false);
    expect(alreadyApplied(book, order('a'))).toBe(false);
  });

  it('ends after it starts, lasts at most a day and is not over already', () => {
    const now = Date.parse('2026-12-07T00:00:00Z');
    expect(windowProblem(window, now)).toBeNull();
    expect(windowProblem({ start: window.end, end: window.start }, now)).toBe('endBeforeStart');
    expect(windowProblem({ start: window.start, end: window.start }, now)).toBe('endBeforeStart');
    expect(windowProblem({ start: window.start, end: '2026-12-09T06:00:01Z' }, now)).toBe('tooLong');
    expect(windowProblem({ start: '2026-12-06T01:00:00Z', end: '2026-12-06T02:00:00Z' }, now)).toBe('past');
  });
});

describe('the fault codes a report offers', () => {
  const list = [
    { code: 'paper_jam', label_zh: '卡纸', label_en: 'Paper jam', active: true },
    { code: 'fuser', label_zh: '定影器', label_en: 'Fuser', active: false },
    { code: 'noise', label_zh: '异响', label_en: 'Noise', active: true },
  ];

  it('are the codes in use, in the list order, named in the language', () => {
    expect(faultOptions(list, 'zh-CN')).toEqual([
      { value: 'paper_jam', label: '卡纸' },
      { value: 'noise', label: '异响' },
    ]);
    expect(faultOptions(list, 'en').map((o) => o.label)).toEqual(['Paper jam', 'Noise']);
  });

  it('keep the code a report taken back names, even when no longer in use or listed', () => {
    expect(faultOptions(list, 'en', 'fuser').at(-1)).toEqual({ value: 'fuser', label: 'Fuser' });
    expect(faultOptions(list, 'en', 'coffee').at(-1)).toEqual({ value: 'coffee', label: 'coffee' });
    expect(faultOptions(list, 'en', 'noise')).toHaveLength(2);
    expect(faultOptions([], 'zh-CN')).toEqual([]);
  });
});
