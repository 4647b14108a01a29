import { describe, expect, it } from 'vitest';
import { OUTCOMES, OUTCOME_TONE, STATUSES, STATUS_TONE, customerLabel, customerOptions, dayStart, filterFromParams, messageQuery, nextDay, errorToShow, trialMode, waitingToSend } from './messages';
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

  it('asks for the customer chosen in the field by its id', () => {
    expect(messageQuery({ customerId: '0190-c' })).toEqual({ customer_id: '0190-c' });
  });

  it('offers the customers found and keeps the one filtered by, named once loaded', () => {
    const tianhe = { id: 'c-1', company: '天河打印', number: 'C2026-000001' };
    const pearl = { id: 'c-2', company: 'Pearl River Copiers', number: 'C2026-000002' };
    expect(customerLabel(tianhe)).toBe('天河打印 · C2026-000001');
    expect(customerOptions([tianhe, pearl], undefined, undefined)).toEqual([
      { value: 'c-1', label: '天河打印 · C2026-000001' },
      { value: 'c-2', label: 'Pearl River Copiers · C2026-000002' },
    ]);
    // Filtered by a customer not among those found: first, by name once it is loaded.
    expect(customerOptions([pearl], 'c-1', undefined)).toEqual([
      { value: 'c-1', label: 'c-1' },
      { value: 'c-2', label: 'Pearl River Copiers · C2026-000002' },
    ]);
    expect(customerOptions([], 'c-1', tianhe)).toEqual([{ value: 'c-1', label: '天河打印 · C2026-000001' }]);
    // Found as well: listed once.
    expect(customerOptions([tianhe], 'c-1', tianhe)).toHaveLength(1);
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

  it('shows the last error beside a message not sent, none beside one that went out after it', () => {
    const error = 'the provider answered 429 Too Many Requests';
    expect(errorToShow({ status: 'sent', last_error: error })).toBeNull();
    for (const status of STATUSES.filter((s) => s !== 'sent')) expect(errorToShow({ status, last_error: error })).toBe(error);
    expect(errorToShow({ status: 'failed', last_error: null })).toBeNull();
    expect(errorToShow({ status: 'failed', last_error: '' })).toBeNull();
  });

  it('names every status in both languages, a given-up message in the danger colour', () => {
    for (const s of STATUSES) {
      expect(zh.statuses[s]).toBeTruthy();
      expect(en.statuses[s]).toBeTruthy();
    }
    expect(STATUS_TONE.dead_lettered).toBe('#a8071a');
    expect(STATUS_TONE.unsent).toBeUndefined();
  });

  it('names every attempt outcome in both languages, a refusal in the danger colour', () => {
    for (const o of OUTCOMES) {
      expect(zh.outcomes[o]).toBeTruthy();
      expect(en.outcomes[o]).toBeTruthy();
      expect(OUTCOME_TONE[o]).toBeTruthy();
    }
    expect(OUTCOME_TONE.refused).toBe('#a8071a');
    expect(Object.keys(en.attempt)).toEqual(Object.keys(zh.attempt));
  });
});
