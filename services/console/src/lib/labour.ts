// How a receipt's labour line was counted, in words: by the hour in started quarter hours
// ("人工 1.25 小时（5 × 15 分钟）", then the minutes on site and the price of a quarter hour),
// or at a flat rate for the fault's repair category. The line's `labour` comes from billing,
// which prices the receipt; nothing is recounted here.
import type { TFunction } from 'i18next';
import type { Lang } from '../i18n/langs';
import { formatMoney } from './format';

/** The parts of a receipt line the labour text reads. */
export interface LabourLine {
  kind: string;
  quantity: number;
  unit_price: { amount_minor: number; currency: string };
  labour?: { minutes_on_site: number; quarter_hours?: number | null; flat_rate_category?: string | null } | null;
}

const intlLocale: Record<Lang, string> = { 'zh-CN': 'zh-CN', en: 'en-US' };

/** Hours from quarter hours, with at most two decimals (5 → "1.25", 4 → "1"). */
export function hoursOfQuarters(quarters: number, lang: Lang): string {
  return new Intl.NumberFormat(intlLocale[lang], { maximumFractionDigits: 2, useGrouping: false }).format(quarters / 4);
}

/** The labour line's title and how it was counted; `undefined` for other lines and for a
 * labour line that carries no count (a receipt issued before lines said it). */
export function labourText(line: LabourLine, t: TFunction, lang: Lang): { title: string; basis: string } | undefined {
  const c = line.labour;
  if (line.kind !== 'labour' || !c) return undefined;
  if (c.flat_rate_category) {
    return {
      title: t('common:labour.flat', { category: c.flat_rate_category }),
      basis: t('common:labour.flatBasis', { minutes: c.minutes_on_site }),
    };
  }
  const quarters = c.quarter_hours ?? line.quantity;
  return {
    title: t('common:labour.hourly', { hours: hoursOfQuarters(quarters, lang), quarters }),
    basis: t('common:labour.basis', {
      minutes: c.minutes_on_site,
      price: formatMoney(line.unit_price.amount_minor, lang, line.unit_price.currency),
    }),
  };
}
