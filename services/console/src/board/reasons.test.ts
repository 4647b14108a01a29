import { describe, expect, it } from 'vitest';
import { parseReason, reasonText } from './reasons';

describe('assignment reasons', () => {
  it('reads the shapes the dispatch service writes', () => {
    expect(parseReason('no active technicians')).toEqual({ key: 'noActive', params: {} });
    expect(parseReason('Wang Qiang: lacks skill copier, sharp')).toEqual({ key: 'lacksSkill', params: { name: 'Wang Qiang', skills: 'copier, sharp' } });
    expect(parseReason('李伟: no valid copier certificate on 2026-11-24')).toEqual({
      key: 'noCertificate',
      params: { name: '李伟', skill: 'copier', day: '2026-11-24' },
    });
    expect(parseReason('张敏: on leave on 2026-12-03')).toEqual({ key: 'onLeave', params: { name: '张敏', day: '2026-12-03' } });
    expect(parseReason('Li: shift 08:50-17:30 misses the appointment 18:00-19:00')).toEqual({
      key: 'shiftMisses',
      params: { name: 'Li', shiftFrom: '08:50', shiftTo: '17:30', from: '18:00', to: '19:00' },
    });
    expect(parseReason('Li: at capacity (4/4)')).toEqual({ key: 'atCapacity', params: { name: 'Li', load: '4', capacity: '4' } });
    expect(parseReason('score 87')?.key).toBe('score');
    expect(parseReason('3.2 km from the start +45')).toEqual({ key: 'distance', params: { km: '3.2', points: '45' } });
    expect(parseReason('same district (tianhe) +50')?.params).toEqual({ district: 'tianhe', points: '50' });
    expect(parseReason('other district (yuexiu) +0')?.key).toBe('otherDistrict');
    expect(parseReason('load 1/4 +22')?.params).toEqual({ load: '1', capacity: '4', points: '22' });
    expect(parseReason('urgent (P1): free capacity +15')?.params).toEqual({ priority: 'P1', points: '15' });
    expect(parseReason('has copier')?.params).toEqual({ skills: 'copier' });
    expect(parseReason('chosen by dispatch1: customer asked: Li')).toEqual({ key: 'chosenBy', params: { who: 'dispatch1', reason: 'customer asked: Li' } });
    expect(parseReason('parts backordered: DRUM-1 x1; appointment released until they arrive')?.key).toBe('partsReleased');
    expect(parseReason('parts backordered: DRUM-1 x1')?.key).toBe('partsBackordered');
    expect(parseReason('return visit by the technician who diagnosed it')?.key).toBe('revisit');
  });

  it('leaves text of an unknown shape as it is', () => {
    expect(parseReason('the moon is full')).toBeNull();
    expect(parseReason('Li: lacks patience ')).toBeNull();
    const t = (k: string, p: Record<string, string>) => `${k}|${JSON.stringify(p)}`;
    expect(reasonText('the moon is full', t)).toBe('the moon is full');
    expect(reasonText('Li: on leave on 2026-12-03', t)).toBe('board:reason.onLeave|{"name":"Li","day":"2026-12-03"}');
  });
});
