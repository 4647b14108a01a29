// The queue's views: the predefined ones and those an agent saved under a name (kept with
// the account in `/me/preferences`, at most MAX_VIEWS, names unique ignoring case).
import type { components } from '../api/schema';

/** A saved view as the gateway keeps it. */
export type SavedView = components['schemas']['SavedView'];
/** The filters a view sets. */
export type ViewFilters = components['schemas']['ViewFilters'];

/** The queue's filters as they stand in the URL. */
export type Filters = { status?: string; priority?: string; type?: string; sla?: string; owner?: string; view?: string };

/** Most views an account keeps (the gateway refuses more). */
export const MAX_VIEWS = 20;
/** Longest view name. */
export const MAX_VIEW_NAME = 60;
/** The URL's `view` value of a saved view. */
export const SAVED_PREFIX = 'saved:';

/** The predefined views: each a set of filters the API understands. */
export const PREDEFINED: Record<string, (accountId: string) => Filters> = {
  all: () => ({}),
  mine: (me) => ({ owner: me }),
  complaints: () => ({ type: 'complaint' }),
  breaching: () => ({ sla: 'at_risk' }),
};

const KEYS = ['status', 'priority', 'type', 'sla', 'owner'] as const;

/** The filters of the URL a view keeps (not the view's own name). */
export function viewFiltersOf(f: Filters): ViewFilters {
  const out: Record<string, string> = {};
  for (const k of KEYS) if (f[k]) out[k] = f[k];
  return out as ViewFilters;
}

/** The URL filters a saved view opens. */
export function filtersOfView(v: SavedView): Filters {
  const out: Filters = { view: SAVED_PREFIX + v.name };
  for (const k of KEYS) {
    const value = (v.filters as Record<string, string | null | undefined>)[k];
    if (value) out[k] = value;
  }
  return out;
}

/** Why a name cannot be saved: `required`, `tooLong`, `duplicate` or `tooMany`; null when it can. */
export function nameProblem(views: readonly SavedView[], name: string): 'required' | 'tooLong' | 'duplicate' | 'tooMany' | null {
  const n = name.trim();
  if (!n) return 'required';
  if ([...n].length > MAX_VIEW_NAME) return 'tooLong';
  if (views.some((v) => v.name.toLowerCase() === n.toLowerCase())) return 'duplicate';
  if (views.length >= MAX_VIEWS) return 'tooMany';
  return null;
}

/** The list with the current filters saved under `name` (last). */
export function withView(views: readonly SavedView[], name: string, f: Filters): SavedView[] {
  return [...views, { name: name.trim(), filters: viewFiltersOf(f) }];
}

/** The list without the view called `name`. */
export function withoutView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((v) => v.name !== name);
}
