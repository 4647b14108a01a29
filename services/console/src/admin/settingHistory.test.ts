import { describe, expect, it } from 'vitest';
import { assigneeAccount, diffEntries, entryText, fieldKey } from './settingHistory';

describe('a setting version against the one before', () => {
  it('matches fault codes by their code: removed, changed field by field, added', () => {
    const before = [
      { code: 'paper_jam', label_zh: '卡纸', label_en: 'Paper jam', active: true },
      { code: 'toner', label_zh: '墨粉', label_en: 'Toner', active: true },
    ];
    const after = [
      { code: 'paper_jam', label_zh: '卡纸', label_en: 'Paper jam', active: false },
      { code: 'fuser', label_zh: '定影器', label_en: 'Fuser', active: true },
    ];
    const d = diffEntries(before, after);
    expect(d.map((c) => [c.kind, (c.entry as { code: string }).code])).toEqual([
      ['removed', 'toner'],
      ['changed', 'paper_jam'],
      ['added', 'fuser'],
    ]);
    expect(d[1]?.fields).toEqual([{ field: 'active', before: true, after: false }]);
  });

  it('matches templates by kind and language together', () => {
    const before = [
      { kind: 'visit_booked', language: 'zh', text: 'a' },
      { kind: 'visit_booked', language: 'en', text: 'b' },
    ];
    const after = [
      { kind: 'visit_booked', language: 'zh', text: 'a2' },
      { kind: 'visit_booked', language: 'en', text: 'b' },
    ];
    const d = diffEntries(before, after);
    expect(d).toHaveLength(1);
    expect(d[0]?.kind).toBe('changed');
    expect(d[0]?.fields).toEqual([{ field: 'text', before: 'a', after: 'a2' }]);
  });

  it('compares the one profile field by field and a first version as all added', () => {
    const d = diffEntries([{ name_zh: '甲', phone: '1' }], [{ name_zh: '乙', phone: '1' }]);
    expect(d).toEqual([{ kind: 'changed', entry: { name_zh: '乙', phone: '1' }, fields: [{ field: 'name_zh', before: '甲', after: '乙' }] }]);
    expect(diffEntries([], [{ code: 'x' }]).map((c) => c.kind)).toEqual(['added']);
  });

  it('compares entries without naming fields as wholes, whatever the order of their keys', () => {
    const d = diffEntries([{ a: 1, b: 2 }, { a: 3 }], [{ b: 2, a: 1 }, { a: 4 }]);
    expect(d.map((c) => c.kind)).toEqual(['removed', 'added']);
    expect(entryText({ keywords: ['卡纸', '不出纸'], note: '', tier: null })).toBe('keywords: 卡纸、不出纸; note: —; tier: —');
  });

  it('names an entry in the words of its form: fields by their labels, yes and no', () => {
    expect(fieldKey('label_zh')).toBe('labelZh');
    expect(fieldKey('work_type')).toBe('workType');
    expect(fieldKey('code')).toBe('code');
    const labels: Record<string, string> = { code: '代码', labelZh: '中文名称', active: '启用' };
    const words = { field: (f: string) => labels[fieldKey(f)] ?? f, yes: '是', no: '否' };
    expect(entryText({ code: 'fuser', label_zh: '定影器', active: false }, words)).toBe('代码: fuser; 中文名称: 定影器; 启用: 否');
    expect(entryText({ active: true })).toBe('active: true');
  });

  it('names a rule\'s values as its form does and matches priority rules by their note', () => {
    const names: Record<string, string> = { 'kinds.callback': '工单回访', 'tier.key_account': '大客户', 'to.district_agent': '片区客服' };
    const words = {
      field: (f: string) => f,
      value: (f: string, v: unknown) => (f === 'priority' ? String(v).toUpperCase() : f === 'assignee' ? names[`to.${(v as { to: string }).to}`] : names[`${f}.${String(v)}`]),
      yes: '是',
      no: '否',
    };
    expect(entryText({ priority: 'p1', tier: 'key_account', machine_down: true }, words)).toBe('priority: P1; tier: 大客户; machine_down: 是');
    expect(entryText({ kinds: ['callback', 'renewal'], assignee: { to: 'district_agent' } }, words)).toBe('kinds: 工单回访、renewal; assignee: 片区客服');
    const before = [
      { priority: 'p1', note: 'safety', keywords: ['smoke'] },
      { priority: 'p2', note: 'down', keywords: [] },
    ];
    const after = [
      { priority: 'p1', note: 'safety', keywords: ['smoke', '冒烟'] },
      { priority: 'p3', note: 'down', keywords: [] },
    ];
    expect(diffEntries(before, after).map((c) => [c.kind, c.fields.map((f) => f.field)])).toEqual([
      ['changed', ['keywords']],
      ['changed', ['priority']],
    ]);
  });
});

describe('the accounts a setting version names', () => {
  it('finds the account an assignment rule gives its calls to, and none for a queue or another setting', () => {
    expect(assigneeAccount({ kinds: ['callback'], assignee: { to: 'user', user: 'acc-7' } })).toBe('acc-7');
    expect(assigneeAccount({ kinds: ['callback'], assignee: { to: 'specialist' } })).toBeUndefined();
    expect(assigneeAccount({ code: 'paper_jam', active: true })).toBeUndefined();
    expect(assigneeAccount(null)).toBeUndefined();
  });
});
