import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { defaultAgenda, timeAgenda } from '../../../src/domain/agenda';
import type { Lang } from '../../../src/domain/types';
import { main } from '../../../scripts/agenda';

/** Runs the real CLI, as `npm run agenda -- ...` does. */
const root = path.resolve(__dirname, '../../..');
const agenda = (...args: string[]) =>
  spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/agenda.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });

describe('npm run agenda', () => {
  jest.setTimeout(60_000);

  it.each<[Lang, number]>([
    ['fr', 45],
    ['en', 30],
  ])('--lang %s --minutes %d prints the subject, every section title, and minutes adding up to the total', (lang, minutes) => {
    const run = agenda('--lang', lang, '--minutes', String(minutes));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(lang === 'fr' ? /^Objet\u00a0: Entretien de départ avec / : /^Subject: Exit conversation with /);
    expect(out).toContain(`${minutes}\u00a0minutes`);
    for (const s of timeAgenda(defaultAgenda(lang), minutes).sections) {
      expect(out).toContain(`${s.title} · ${s.minutes}\u00a0min`);
      for (const p of s.prompts) expect(out).toContain(p.text);
    }
    const perSection = [...out.matchAll(/^\d+\. .* · (\d+)\u00a0min$/gm)].map((m) => Number(m[1]));
    expect(perSection).toHaveLength(7);
    expect(perSection.reduce((a, b) => a + b, 0)).toBe(minutes);
  });

  it('exits 2 with the reason on stderr for an unknown flag', () => {
    const run = agenda('--lang', 'fr', '--minutes', '45', '--bogus');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Unknown option '--bogus'/);
  });
});

/** The same CLI in-process (no tsx start-up per case), for every argument rule. */
const inProcess = (...args: string[]) => {
  let out = '';
  let err = '';
  const status = main(args, { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } });
  return { status, stdout: out, stderr: err };
};

describe('agenda CLI arguments', () => {
  it('prints the Outlook HTML with --html, the name escaped', () => {
    const run = inProcess('--lang', 'en', '--minutes', '60', '--name', 'Jean <Dupont>', '--html');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^<!-- Subject: Exit conversation with Jean <Dupont> -->\n<div lang="en" style="/);
    expect(run.stdout).toContain('Hi Jean &lt;Dupont&gt;,');
    expect(run.stdout).toContain('60\u00a0minutes');
  });

  it('keeps a name from closing the HTML comment that carries the subject', () => {
    const run = inProcess('--lang', 'en', '--minutes', '60', '--name', 'x --> <script>', '--html');
    const firstLine = run.stdout.split('\n')[0]!;
    expect(firstLine.indexOf('-->')).toBe(firstLine.length - 3);
    expect(run.stdout).not.toContain('<script>\n<div');
  });

  it('uses the given names', () => {
    const run = inProcess('--lang', 'fr', '--minutes', '45', '--name', 'Jean Dupont', '--manager', 'Claire Martin');
    expect(run.stdout).toContain('Bonjour Jean Dupont,');
    expect(run.stdout.trimEnd().endsWith('Claire Martin')).toBe(true);
  });

  it('prints help and exits 0 with --help', () => {
    const run = inProcess('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: npm run agenda -- --lang <fr\|en> --minutes/);
  });

  it.each([
    [['--lang', 'fr', '--minutes', '45', '--bogus'], /Unknown option '--bogus'/],
    [['--lang', 'fr', '--minutes', '45', 'extra'], /positional/i],
    [['--lang', 'de', '--minutes', '45'], /--lang must be fr or en, not "de"/],
    [['--minutes', '45'], /--lang is required/],
    [['--lang', 'fr'], /--minutes is required/],
    [['--lang', 'fr', '--minutes', '4'], /--minutes must be a whole number from 10 to 240, not "4"/],
    [['--lang', 'fr', '--minutes', '241'], /--minutes must be a whole number from 10 to 240/],
    [['--lang', 'fr', '--minutes', '45.5'], /--minutes must be a whole number/],
    [['--lang', 'fr', '--minutes', 'abc'], /--minutes must be a whole number/],
    [['--lang', 'fr', '--minutes'], /argument missing/],
    [['--lang', 'fr', '--minutes', '45', '--name', ' '], /--name must not be empty/],
  ])('exits 2 with a clear message on stderr for %j', (args, message) => {
    const run = inProcess(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage:');
  });

  it('accepts every whole length from 10 to 240', () => {
    for (let m = 10; m <= 240; m += 1) {
      const run = inProcess('--lang', 'en', '--minutes', String(m));
      expect(run.status).toBe(0);
      const perSection = [...run.stdout.matchAll(/^\d+\. .* · (\d+)\u00a0min$/gm)].map((x) => Number(x[1]));
      expect(perSection.reduce((a, b) => a + b, 0)).toBe(m);
    }
  });
});
