// Form rules shared by the console's forms.
import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';

/** How an end compares with its start: by time of day, or by calendar day. */
export type Order = 'later-time' | 'same-or-later-day';

/** True when `end` is in order after `start` (either missing counts as in order). */
export function inOrder(start: Dayjs | undefined, end: Dayjs | undefined, order: Order): boolean {
  if (!start || !end) return true;
  return order === 'later-time' ? end.format('HH:mm') > start.format('HH:mm') : !end.isBefore(start, 'day');
}

/** A rule for an end field that must come after the field `startField` (e.g. a window's latest arrival after its earliest). */
export function endsAfter(startField: string, order: Order, message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_r, value: Dayjs | undefined) =>
      inOrder(getFieldValue(startField) as Dayjs | undefined, value, order) ? Promise.resolve() : Promise.reject(new Error(message)),
  });
}
