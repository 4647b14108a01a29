// Formatting of money, dates and times per the console's language. Amounts travel in
// minor units (fen) so sums never drift; they are shown as yuan with two decimals.
import type { Lang } from '../i18n/langs';

const intlLocale: Record<Lang, string> = { 'zh-CN': 'zh-CN', en: 'en-US' };

/** Yuan with two decimals from fen, e.g. 12800 -> "¥128.00" (thousands grouped per locale). */
export function formatMoney(amountMinor: number, lang: Lang, currency = 'CNY'): string {
  return new Intl.NumberFormat(intlLocale[lang], {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amountMinor / 100);
}

/** Date and time of an RFC 3339 instant, per locale ("2026/12/3 14:05" / "Dec 3, 2026, 2:05 PM"). */
export function formatDateTime(iso: string | null | undefined, lang: Lang, timeZone?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(d);
}

/** A calendar date (`YYYY-MM-DD`, no time zone) per locale. */
export function formatDate(date: string | null | undefined, lang: Lang): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(intlLocale[lang], { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** A span of minutes as "2h 05m" / "2小时05分", negative spans as overdue by the caller. */
export function formatSpan(minutes: number, lang: Lang): string {
  const m = Math.abs(Math.round(minutes));
  const h = Math.floor(m / 60);
  const r = m % 60;
  if (lang === 'zh-CN') return h > 0 ? `${h}小时${String(r).padStart(2, '0')}分` : `${r}分`;
  return h > 0 ? `${h}h ${String(r).padStart(2, '0')}m` : `${r}m`;
}

/** Digits of a phone number typed in any formatting ("+86 (20) 5555-0101" -> "862055550101"). */
export function phoneDigits(text: string): string {
  return text.replace(/[^0-9]/g, '');
}

/** The company's local date (Asia/Shanghai) of an instant, `YYYY-MM-DD`: "today" as the
 * services count it, whatever the browser's time zone. */
export function companyDate(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
