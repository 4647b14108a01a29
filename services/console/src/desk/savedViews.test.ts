import { describe, expect, it } from 'vitest';
import { filtersOfView, MAX_VIEWS, nameProblem, viewFiltersOf, withView, withoutView, type SavedView } from './savedViews';

const views: SavedView[] = [{ name: 'P1 complaints', filters: { type: 'complaint', priority: 'p1' } }];

describe('saved views', () => {
  it('keeps the filters of the URL but not the view or the drawer', () => {
    expect(viewFiltersOf({ status: 'new', type: 'fault', view: 'all', owner: '' })).toEqual({ status: 'new', type: 'fault' });
  });

  it('opens a saved view as URL filters naming it', () => {
    expect(filtersOfView(views[0]!)).toEqual({ view: 'saved:P1 complaints', type: 'complaint', priority: 'p1' });
  });

  it('refuses empty, long, duplicate names and more than the limit', () => {
    expect(nameProblem(views, '  ')).toBe('required');
    expect(nameProblem(views, 'x'.repeat(61))).toBe('tooLong');
    expect(nameProblem(views, ' p1 COMPLAINTS ')).toBe('duplicate');
    const many = Array.from({ length: MAX_VIEWS }, (_, i) => ({ name: `v${i}`, filters: {} }));
    expect(nameProblem(many, 'one more')).toBe('tooMany');
    expect(nameProblem(views, '我的投诉')).toBeNull();
  });

  it('adds under a trimmed name and deletes by name', () => {
    const next = withView(views, ' Breaching P2 ', { sla: 'at_risk', priority: 'p2', view: 'breaching' });
    expect(next).toEqual([...views, { name: 'Breaching P2', filters: { sla: 'at_risk', priority: 'p2' } }]);
    expect(withoutView(next, 'P1 complaints')).toEqual([next[1]]);
  });
});
