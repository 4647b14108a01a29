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

  it('reads why the day plan put a stop on a route or left an order out', () => {
    expect(parseReason('pinned by a dispatcher')?.key).toBe('pinned');
    expect(parseReason('skills copier, sharp')).toEqual({ key: 'skills', params: { skills: 'copier, sharp' } });
    expect(parseReason('copier certificate')).toEqual({ key: 'certificate', params: { skill: 'copier' } });
    expect(parseReason('nearest qualified technician (2.1 km from the start)')).toEqual({ key: 'nearest', params: { km: '2.1' } });
    expect(parseReason('4.0 km from the start; the route fits best among 3 qualified')?.params).toEqual({ km: '4.0', count: '3' });
    expect(parseReason('the route fits best among 2 qualified')?.params).toEqual({ count: '2' });
    expect(parseReason('the only qualified technician')?.key).toBe('onlyQualified');
    expect(parseReason('moved from 李伟')).toEqual({ key: 'movedFrom', params: { name: '李伟' } });
    expect(parseReason('window 10:00–12:00')).toEqual({ key: 'window', params: { from: '10:00', to: '12:00' } });
    expect(parseReason('no appointment: any time in the shift')?.key).toBe('anyTime');
    expect(parseReason('no qualified technician: nobody working that day has the skills fax, brother')).toEqual({
      key: 'noSkills',
      params: { skills: 'fax, brother' },
    });
    expect(parseReason('no qualified technician: nobody working that day holds a valid copier certificate')?.params).toEqual({ skill: 'copier' });
    expect(parseReason("no window fits: no qualified technician's shift covers the window 19:00–20:00")?.params).toEqual({ from: '19:00', to: '20:00' });
    expect(parseReason("no window fits: no qualified technician's route has room within the window 09:00–10:00")?.key).toBe('noRoom');
    expect(parseReason("no window fits: no qualified technician's route has room within their shifts")?.key).toBe('noRoomShift');
    expect(parseReason('capacity: every qualified technician is fully booked (Li Na, Wang)')?.params).toEqual({ names: 'Li Na, Wang' });
  });

  it('leaves text of an unknown shape as it is', () => {
    expect(parseReason('the moon is full')).toBeNull();
    expect(parseReason('Li: lacks patience ')).toBeNull();
    const t = (k: string, p: Record<string, string>) => `${k}|${JSON.stringify(p)}`;
    expect(reasonText('the moon is full', t)).toBe('the moon is full');
    expect(reasonText('Li: on leave on 2026-12-03', t)).toBe('board:reason.onLeave|{"name":"Li","day":"2026-12-03"}');
  });
});
