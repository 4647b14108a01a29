import { describe, expect, it } from 'vitest';
import { daysLeft, expiry } from './certs';

describe('certificate expiry', () => {
  it('is valid through its last day, amber within 30 days, red after', () => {
    expect(expiry('2026-12-06', '2026-12-06')).toBe('expiring');
    expect(expiry('2026-12-05', '2026-12-06')).toBe('expired');
    expect(expiry('2027-01-05', '2026-12-06')).toBe('expiring');
    expect(expiry('2027-01-06', '2026-12-06')).toBe('valid');
    expect(expiry('2025-01-01', '2026-12-06')).toBe('expired');
  });

  it('counts calendar days across months and leap years', () => {
    expect(daysLeft('2028-03-01', '2028-02-28')).toBe(2);
    expect(daysLeft('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysLeft('2026-12-01', '2026-12-06')).toBe(-5);
  });
});
