// Every string the console shows comes from src/i18n: this fails when a key is missing in
// either language, when a component calls t() with a key that does not exist, or when a
// component shows a hard-coded string (JSX text or a user-visible attribute with letters).
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from './en';
import zh from './zh-CN';

type Tree = { [k: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, prefix + k + '.')));
}

function lookup(tree: Tree, path: string[]): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const p of path) node = typeof node === 'object' ? node[p] : undefined;
  return node;
}

const root = join(__dirname, '..', '..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'api' ? [] : sources(p);
    return /\.(ts|tsx)$/.test(name) && !/\.test\./.test(name) && !p.includes(join('src', 'i18n')) ? [p] : [];
  });
}

/** Attributes whose text a person reads (or hears). */
const VISIBLE = new Set(['title', 'placeholder', 'label', 'aria-label', 'alt', 'tip', 'okText', 'cancelText', 'description', 'message', 'extra', 'help', 'tooltip', 'header', 'addonBefore', 'addonAfter', 'enterButton']);
const LETTERS = /\p{L}/u;

interface Finding {
  file: string;
  line: number;
  text: string;
}

function scan(file: string): { hardCoded: Finding[]; keys: { key: string; dynamic: boolean; file: string; line: number }[] } {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const hardCoded: Finding[] = [];
  const used: { key: string; dynamic: boolean; file: string; line: number }[] = [];
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
  const rel = relative(root, file);
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && LETTERS.test(n.text)) hardCoded.push({ file: rel, line: at(n), text: n.text.trim() });
    if (ts.isJsxAttribute(n) && VISIBLE.has(n.name.getText(sf)) && n.initializer) {
      const init = n.initializer;
      const lit = ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression)) ? init.expression : null;
      if (lit && LETTERS.test(lit.text)) hardCoded.push({ file: rel, line: at(n), text: lit.text });
    }
    if (ts.isJsxExpression(n) && n.expression && (ts.isStringLiteral(n.expression) || ts.isNoSubstitutionTemplateLiteral(n.expression)) && ts.isJsxElement(n.parent) && LETTERS.test(n.expression.text)) {
      hardCoded.push({ file: rel, line: at(n), text: n.expression.text });
    }
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 't' && n.arguments[0]) {
      const a = n.arguments[0];
      if (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) used.push({ key: a.text, dynamic: false, file: rel, line: at(n) });
      else if (ts.isTemplateExpression(a)) used.push({ key: a.head.text, dynamic: true, file: rel, line: at(n) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { hardCoded, keys: used };
}

// Scanning every source file takes seconds on a loaded machine.
describe('translations', { timeout: 30_000 }, () => {
  it('have the same keys in Chinese and English, none empty', () => {
    const zk = keys(zh as unknown as Tree).sort();
    const ek = keys(en as unknown as Tree).sort();
    expect(zk.filter((k) => !ek.includes(k))).toEqual([]);
    expect(ek.filter((k) => !zk.includes(k))).toEqual([]);
    for (const k of zk) {
      expect(String(lookup(zh as unknown as Tree, k.split('.'))).trim(), k).not.toBe('');
      expect(String(lookup(en as unknown as Tree, k.split('.'))).trim(), k).not.toBe('');
    }
  });

  const files = sources(join(root, 'src'));
  it('cover every key a component asks for (`namespace:key`, dynamic keys by their prefix)', () => {
    const missing: string[] = [];
    for (const f of files) {
      for (const u of scan(f).keys) {
        const [ns, path] = u.key.includes(':') ? u.key.split(':', 2) : ['common', u.key];
        const parts = (path ?? '').split('.').filter(Boolean);
        for (const [lang, tree] of [['zh-CN', zh], ['en', en]] as const) {
          const node = lookup(tree as unknown as Tree, [ns ?? '', ...parts]);
          const ok = u.dynamic ? typeof node === 'object' : typeof node === 'string';
          if (!ok) missing.push(`${u.file}:${u.line} ${u.key} (${lang})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('leave no hard-coded user-visible string in a component', () => {
    const found = files.filter((f) => f.endsWith('.tsx')).flatMap((f) => scan(f).hardCoded);
    expect(found.map((h) => `${h.file}:${h.line} ${JSON.stringify(h.text)}`)).toEqual([]);
  });

  it('are checked by this test (a hard-coded string is found)', () => {
    const probe = join(root, 'src', 'i18n', '__probe__.tsx');
    // The scanner itself: a component with a literal label and text is reported.
    const sf = `export const X = () => <div title="Customer">Open ticket</div>;`;
    writeFileSync(probe, sf);
    try {
      expect(scan(probe).hardCoded.map((h) => h.text)).toEqual(['Customer', 'Open ticket']);
    } finally {
      unlinkSync(probe);
    }
  });
});
