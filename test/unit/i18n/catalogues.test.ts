/**
 * The catalogues (src/ui/i18n explains their one shape): each owner's namespace is registered, French
 * and English say the same things, and there is one placeholder syntax, i18next's `{{name}}`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { registeredStrings } from '../../../src/ui/i18n';
import { COMMON_STRINGS } from '../../../src/ui/strings';
import { OUTCOMES_STRINGS } from '../../../src/ui/alumni/strings';
import { REAL_CONTACT_STRINGS } from '../../../src/ui/alumni/realContactStrings';
import { TAB_STRINGS } from '../../../src/apps/tab/strings';
import { WIZARD_STRINGS } from '../../../src/apps/tab/wizard/strings';
import { BULK_STRINGS } from '../../../src/apps/tab/bulk/strings';
import { ADDIN_STRINGS } from '../../../src/apps/addin/strings';
import { MEETING_STRINGS } from '../../../src/apps/meeting/strings';
import { ERROR_MESSAGES } from '../../../src/domain/errors';

const ROOT = join(__dirname, '../../..');

const CATALOGUES = {
  common: COMMON_STRINGS,
  outcomes: OUTCOMES_STRINGS,
  realContact: REAL_CONTACT_STRINGS,
  tab: TAB_STRINGS,
  wizard: WIZARD_STRINGS,
  bulk: BULK_STRINGS,
  addin: ADDIN_STRINGS,
  meeting: MEETING_STRINGS,
};

/** Every string of a catalogue with its dotted key. */
const leaves = (o: unknown, path = ''): [string, unknown][] =>
  o !== null && typeof o === 'object'
    ? Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
    : [[path, o]];

const slots = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

/** A `{name}` that is not i18next's `{{name}}` (nor a `${…}`, nor a regex's `\p{L}`). */
const SINGLE_BRACE = /(?<![{$\\p])\{[A-Za-z_]\w*\}(?!\})/;

// Written for their readers, not translated: the French avoids the name where it would need a gender
// agreement or an elision (« d’Anne »). A new difference must be added here on purpose.
const FRENCH_LEAVES_OUT = new Set(['wizard:when.intro name', 'wizard:contact.intro name', 'wizard:reconnect.intro name']);

describe('i18n catalogues', () => {
  it('registers each owner’s namespace once, through registerStrings, with the catalogue it exports', () => {
    const registry = registeredStrings();
    expect([...registry.keys()].sort()).toEqual(Object.keys(CATALOGUES).sort());
    for (const [ns, catalogue] of Object.entries(CATALOGUES)) expect(registry.get(ns)).toBe(catalogue);
  });

  it.each(Object.entries(CATALOGUES))('%s: French and English have the same keys, each a non-empty string', (_ns, catalogue) => {
    const en = leaves(catalogue.en);
    const fr = leaves(catalogue.fr);
    expect(fr.map(([k]) => k)).toEqual(en.map(([k]) => k));
    for (const [key, value] of [...en, ...fr]) {
      expect([key, typeof value]).toEqual([key, 'string']);
      expect([key, (value as string).trim().length > 0]).toEqual([key, true]);
    }
  });

  it('fills the same placeholders in both languages (the code passes one set of values)', () => {
    const differences: string[] = [];
    for (const [ns, catalogue] of Object.entries(CATALOGUES)) {
      const fr = new Map(leaves(catalogue.fr));
      for (const [key, en] of leaves(catalogue.en)) {
        const enSlots = slots(en as string);
        const frSlots = slots(fr.get(key) as string);
        for (const s of frSlots) if (!enSlots.includes(s)) differences.push(`${ns}:${key} ${s} (French only)`);
        for (const s of enSlots) if (!frSlots.includes(s) && !FRENCH_LEAVES_OUT.has(`${ns}:${key} ${s}`)) differences.push(`${ns}:${key} ${s}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('the error messages, in src/domain, have both languages and the same placeholders', () => {
    for (const [key, { fr, en }] of Object.entries(ERROR_MESSAGES)) {
      expect([key, fr.length > 0, en.length > 0]).toEqual([key, true, true]);
      expect([key, slots(fr)]).toEqual([key, slots(en)]);
    }
  });
});

describe('one placeholder syntax', () => {
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
    });

  /** Every string literal's text in a file (comments, JSX and `${…}` are not strings). */
  const stringsIn = (file: string): { line: number; text: string }[] => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const found: { line: number; text: string }[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))
        found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  };

  it('no string in src uses a single-brace {name} placeholder', () => {
    const offending = sourceFiles(join(ROOT, 'src')).flatMap((file) =>
      stringsIn(file)
        .filter((s) => SINGLE_BRACE.test(s.text))
        .map((s) => `${relative(ROOT, file)}:${s.line}: ${s.text.slice(0, 80)}`),
    );
    expect(offending).toEqual([]);
  });

  it('the check sees a single-brace placeholder, and lets {{name}}, ${…} and \\p{L} through', () => {
    expect(SINGLE_BRACE.test('Hello {name}')).toBe(true);
    expect(SINGLE_BRACE.test('{role} at {{company}}')).toBe(true);
    expect(SINGLE_BRACE.test('Hello {{name}}, {{count}} left')).toBe(false);
    expect(SINGLE_BRACE.test('[\\p{L}\\p{N}]')).toBe(false);
  });
});
