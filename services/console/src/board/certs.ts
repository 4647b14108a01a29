// A technician's certificates by how soon they end: expired (red), within 30 days (amber),
// valid. A certificate is valid through its `expires_on` day.

/** How a certificate stands on a day. */
export type Expiry = 'expired' | 'expiring' | 'valid';

/** Days before the end that count as expiring. */
export const EXPIRING_DAYS = 30;

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

/** Days from `today` to `expiresOn` (both `YYYY-MM-DD`; 0: ends today). */
export function daysLeft(expiresOn: string, today: string): number {
  return Math.round(dayNumber(expiresOn) - dayNumber(today));
}

/** Expired once the day after `expires_on` began; expiring within `EXPIRING_DAYS`. */
export function expiry(expiresOn: string, today: string): Expiry {
  const left = daysLeft(expiresOn, today);
  if (left < 0) return 'expired';
  if (left <= EXPIRING_DAYS) return 'expiring';
  return 'valid';
}

/** Tag colours that keep WCAG AA contrast for their text. */
export const EXPIRY_COLOR: Record<Expiry, string> = { expired: 'red', expiring: 'gold', valid: 'green' };
