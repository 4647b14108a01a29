// The assignment's reasons (`assignment_reasons`) come from the dispatch service as English
// text of a few known shapes; these are read into i18n keys with their parameters so both
// languages show them. Text of an unknown shape is shown as it came.

/** A reason read into an i18n key under `board:reason.` and its parameters. */
export interface ParsedReason {
  key: string;
  params: Record<string, string>;
}

const DATE = '(\\d{4}-\\d{2}-\\d{2})';
const TIME = '(\\d{2}:\\d{2})';

/** The known shapes, most specific first; capture groups in the order of `names`. */
const SHAPES: { key: string; re: RegExp; names: string[] }[] = [
  // Why a stop is on a route of the day plan, and why an order is left out of it.
  { key: 'pinned', re: /^pinned by a dispatcher$/, names: [] },
  { key: 'acceptedHeld', re: /^accepted by the technician$/, names: [] },
  { key: 'underWay', re: /^under way$/, names: [] },
  { key: 'skills', re: /^skills (.+)$/, names: ['skills'] },
  { key: 'certificate', re: /^(\S+) certificate$/, names: ['skill'] },
  { key: 'onlyQualified', re: /^the only qualified technician$/, names: [] },
  { key: 'nearest', re: /^nearest qualified technician \(([\d.]+) km from the start\)$/, names: ['km'] },
  { key: 'fitsBestAt', re: /^([\d.]+) km from the start; the route fits best among (\d+) qualified$/, names: ['km', 'count'] },
  { key: 'fitsBest', re: /^the route fits best among (\d+) qualified$/, names: ['count'] },
  { key: 'movedFrom', re: /^moved from (.+)$/, names: ['name'] },
  { key: 'window', re: new RegExp(`^window ${TIME}–${TIME}$`), names: ['from', 'to'] },
  { key: 'anyTime', re: /^no appointment: any time in the shift$/, names: [] },
  { key: 'noSkills', re: /^no qualified technician: nobody working that day has the skills (.+)$/, names: ['skills'] },
  { key: 'noCertHolder', re: /^no qualified technician: nobody working that day holds a valid (\S*) certificate$/, names: ['skill'] },
  { key: 'noShift', re: new RegExp(`^no window fits: no qualified technician's shift covers the window ${TIME}–${TIME}$`), names: ['from', 'to'] },
  { key: 'noRoom', re: new RegExp(`^no window fits: no qualified technician's route has room within the window ${TIME}–${TIME}$`), names: ['from', 'to'] },
  { key: 'noRoomShift', re: /^no window fits: no qualified technician's route has room within their shifts$/, names: [] },
  { key: 'fullyBooked', re: /^capacity: every qualified technician is fully booked \((.+)\)$/, names: ['names'] },
  { key: 'misfit', re: /^does not fit the shift and the other appointments$/, names: [] },
  { key: 'noActive', re: /^no active technicians$/, names: [] },
  { key: 'revisit', re: /^return visit by the technician who diagnosed it$/, names: [] },
  { key: 'chosenBy', re: /^chosen by ([^:]+): (.*)$/s, names: ['who', 'reason'] },
  { key: 'partsReleased', re: /^parts backordered: (.+); appointment released until they arrive$/s, names: ['parts'] },
  { key: 'partsBackordered', re: /^parts backordered: (.+)$/s, names: ['parts'] },
  { key: 'partsReserved', re: /^parts reserved: (.+)$/s, names: ['parts'] },
  { key: 'partsArrived', re: /^parts arrived: (.+); book the visit$/s, names: ['parts'] },
  { key: 'lacksSkill', re: /^(.+): lacks skill (.+)$/, names: ['name', 'skills'] },
  { key: 'noCertificate', re: new RegExp(`^(.+): no valid (\\S+) certificate on ${DATE}$`), names: ['name', 'skill', 'day'] },
  { key: 'onLeave', re: new RegExp(`^(.+): on leave on ${DATE}$`), names: ['name', 'day'] },
  {
    key: 'shiftMisses',
    re: new RegExp(`^(.+): shift ${TIME}-${TIME} misses the appointment ${TIME}-${TIME}$`),
    names: ['name', 'shiftFrom', 'shiftTo', 'from', 'to'],
  },
  { key: 'atCapacity', re: /^(.+): at capacity \((\d+)\/(\d+)\)$/, names: ['name', 'load', 'capacity'] },
  { key: 'score', re: /^score (\d+)$/, names: ['score'] },
  { key: 'distance', re: /^([\d.]+) km from the start \+(\d+)$/, names: ['km', 'points'] },
  { key: 'sameDistrict', re: /^same district \((.+)\) \+(\d+)$/, names: ['district', 'points'] },
  { key: 'otherDistrict', re: /^other district \((.+)\) \+(\d+)$/, names: ['district', 'points'] },
  { key: 'load', re: /^load (\d+)\/(\d+) \+(\d+)$/, names: ['load', 'capacity', 'points'] },
  { key: 'urgent', re: /^urgent \((\w+)\): free capacity \+(\d+)$/, names: ['priority', 'points'] },
  { key: 'has', re: /^has (.+)$/, names: ['skills'] },
];

/** Reads a reason; `null` when its shape is unknown (show the text as it is). */
export function parseReason(text: string): ParsedReason | null {
  const s = text.trim();
  for (const shape of SHAPES) {
    const m = shape.re.exec(s);
    if (!m) continue;
    const params: Record<string, string> = {};
    shape.names.forEach((n, i) => {
      params[n] = m[i + 1] ?? '';
    });
    if (params.priority) params.priority = params.priority.toUpperCase();
    return { key: shape.key, params };
  }
  return null;
}

/** A reason in the reader's language, given the translate function. */
export function reasonText(text: string, t: (key: string, params: Record<string, string>) => string): string {
  const p = parseReason(text);
  return p ? t(`board:reason.${p.key}`, p.params) : text;
}
