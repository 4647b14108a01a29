// A company setting's versions compared: what a version added, removed and changed against
// the one before it. Entries are matched by the fields that name them in the setting (a fault
// code by its code, a template by its kind and language, …); a list without such fields is
// compared entry by entry as a whole, and a setting of one entry (the company profile) field
// by field.

/** One field of an entry that a version changed. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One entry a version added, removed or changed. */
export interface EntryChange {
  kind: 'added' | 'removed' | 'changed';
  /** The entry as the version holds it (added, changed) or held it (removed). */
  entry: unknown;
  /** For a changed entry, the fields that differ. */
  fields: FieldChange[];
}

/** The fields that name an entry, tried in this order (a priority rule by its note, when each has its own). */
const KEYS: string[][] = [['code'], ['window'], ['kind', 'language'], ['work_type', 'model'], ['note'], ['ticket_type', 'priority', 'tier'], ['priority', 'tier', 'type']];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with the object keys sorted, so equal entries compare equal. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

function keyOf(fields: string[], e: unknown): string | null {
  const first = fields[0];
  if (!isObject(e) || first === undefined || !(first in e)) return null;
  return canonical(fields.map((f) => e[f] ?? null));
}

/** The fields that name the entries of both lists once each, if any do. */
function naming(before: unknown[], after: unknown[]): string[] | null {
  for (const fields of KEYS) {
    const ok = [before, after].every((list) => {
      const keys = list.map((e) => keyOf(fields, e));
      return keys.every((k) => k !== null) && new Set(keys).size === keys.length;
    });
    if (ok && before.length + after.length > 0) return fields;
  }
  return null;
}

/** The fields of two entries that differ. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  if (!isObject(before) || !isObject(after)) return canonical(before) === canonical(after) ? [] : [{ field: '', before, after }];
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names.filter((f) => canonical(before[f]) !== canonical(after[f])).map((field) => ({ field, before: before[field], after: after[field] }));
}

/** What `after` changed against `before`: removed entries first, then changed, then added. */
export function diffEntries(before: unknown[], after: unknown[]): EntryChange[] {
  const fields = naming(before, after);
  if (fields) {
    const was = new Map(before.map((e) => [keyOf(fields, e), e]));
    const now = new Map(after.map((e) => [keyOf(fields, e), e]));
    const removed = before.filter((e) => !now.has(keyOf(fields, e))).map((entry) => ({ kind: 'removed' as const, entry, fields: [] }));
    const changed = after
      .filter((e) => was.has(keyOf(fields, e)))
      .map((entry) => ({ kind: 'changed' as const, entry, fields: fieldChanges(was.get(keyOf(fields, entry)), entry) }))
      .filter((c) => c.fields.length > 0);
    const added = after.filter((e) => !was.has(keyOf(fields, e))).map((entry) => ({ kind: 'added' as const, entry, fields: [] }));
    return [...removed, ...changed, ...added];
  }
  if (before.length === 1 && after.length === 1) {
    const changes = fieldChanges(before[0], after[0]);
    return changes.length ? [{ kind: 'changed', entry: after[0], fields: changes }] : [];
  }
  const was = new Set(before.map(canonical));
  const now = new Set(after.map(canonical));
  return [
    ...before.filter((e) => !now.has(canonical(e))).map((entry) => ({ kind: 'removed' as const, entry, fields: [] })),
    ...after.filter((e) => !was.has(canonical(e))).map((entry) => ({ kind: 'added' as const, entry, fields: [] })),
  ];
}

/** The words the drawer shows a stored entry in: its fields' names, their values' and yes or no. */
export interface EntryWords {
  /** The name a field has on the setting's form (its API name when the form has none). */
  field: (name: string) => string;
  /** The name the form gives a field's value (`p1` is P1, `key_account` 大客户, an assignee its queue); undefined: the value as it is. */
  value?: (field: string, value: unknown) => string | undefined;
  yes: string;
  no: string;
}

/** The API's names as they are, for a caller with no words of its own. */
const RAW: EntryWords = { field: (f) => f, yes: 'true', no: 'false' };

/** A value of `field` as the drawer shows it: text by the form's name for it, yes or no, lists joined, nothing as a dash. */
export function valueText(v: unknown, words: EntryWords = RAW, field = ''): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map((x) => valueText(x, words, field)).join('、') : '—';
  const named = field ? words.value?.(field, v) : undefined;
  if (named !== undefined) return named;
  if (typeof v === 'boolean') return v ? words.yes : words.no;
  if (isObject(v)) return entryText(v, words);
  return String(v);
}

/** An entry on one line: `field: value` pairs, or the value itself. */
export function entryText(e: unknown, words: EntryWords = RAW): string {
  if (!isObject(e)) return valueText(e, words);
  return Object.entries(e)
    .map(([k, v]) => `${words.field(k)}: ${valueText(v, words, k)}`)
    .join('; ');
}

/** A field's key among a setting form's words: `label_zh` is `labelZh`. */
export function fieldKey(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** The account an assignment rule's assignee names, if it names one: the History drawer shows it by name. */
export function assigneeAccount(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null || !('assignee' in entry)) return undefined;
  const a = (entry as { assignee: unknown }).assignee;
  return typeof a === 'object' && a !== null && 'user' in a && typeof a.user === 'string' ? a.user : undefined;
}
