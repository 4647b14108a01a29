import { describe, expect, it } from 'vitest';
import { STATUSES, STATUS_TONE, dayStart, filterFromParams, messageQuery, nextDay, trialMode, waitingToSend } from './messages';
import en from '../i18n/messages.en';
import zh from '../i18n/messages.zh-CN';

describe('the sent messages filter', () => {
  it('reads the known values from the address and leaves the rest out', () => {
    const f = filterFromParams(new URLSearchParams('status=failed&channel=email&from=2026-12-01&to=2026-12-07&customer=0190-c'));
    expect(f).toEqual({ status: 'failed', channel: 'email', customerId: '0190-c', from: '2026-12-01', to: '2026-12-07' });
    const bad = filterFromParams(new URLSearchParams('status=lost&channel=fax&from=yesterday&to=2026-12'));
    expect(bad).toEqual({ status: undefined, channel: undefined, customerId: undefined, from: undefined, to: undefined });
  });

  it('asks for company days as instants, the last day included', () => {
    expect(messageQuery({ status: 'unsent', ticketId: 't-1', from: '2026-12-01', to: '2026-12-31' })).toEqual({
      status: 'unsent',
      ticket_id: 't-1',
      from: '2026-12-01T00:00:00+08:00',
      to: '2027-01-01T00:00:00+08:00',
    });
    expect(messageQuery({})).toEqual({});
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(dayStart('2026-12-07')).toBe('2026-12-07T00:00:00+08:00');
  });
});

describe('delivery', () => {
  it('is trial mode only when the server says no channel is configured', () => {
    expect(trialMode({ configured: [] })).toBe(true);
    expect(trialMode({ configured: ['email'] })).toBe(false);
    expect(trialMode(undefined)).toBe(false);
  });

  it('shows a next attempt only for a message still to be tried', () => {
    expect(STATUSES.filter((status) => waitingToSend({ status }))).toEqual(['pending', 'failed']);
  });

  it('names every status in both languages, a given-up message in the danger colour', () => {
    for (const s of STATUSES) {
      expect(zh.statuses[s]).toBeTruthy();
      expect(en.statuses[s]).toBeTruthy();
    }
    expect(STATUS_TONE.dead_lettered).toBe('#a8071a');
    expect(STATUS_TONE.unsent).toBeUndefined();
  });
});
