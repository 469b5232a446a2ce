/**
 * package.json "sideEffects" tells webpack which of our modules must run just for being imported;
 * every other module whose exports go unused is dropped. A catalogue that registers its strings at
 * import time (`export const X_STRINGS = registerStrings(...)`, src/ui/i18n) but is missing from that list is silently dropped from the build,
 * and its screen shows raw keys ("notBooked.title") — which only a browser test would notice. This
 * check names the module instead.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../..');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

/** Same matching as webpack for these simple globs: `*` stands for one path segment. */
const listed = (globs: readonly string[], file: string): boolean =>
  globs.some((g) => new RegExp(`^${g.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`).test(file));

test('every module that registers strings when imported is listed in package.json sideEffects', () => {
  const globs = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { sideEffects: string[] }).sideEffects;
  const registering = sourceFiles(join(ROOT, 'src'))
    .map((f) => `./${relative(ROOT, f).split('\\').join('/')}`)
    .filter((f) => f !== './src/ui/i18n/index.ts' && /\bregisterStrings\(/.test(readFileSync(join(ROOT, f), 'utf8')));
  expect(registering.length).toBeGreaterThanOrEqual(8);
  expect(registering.filter((f) => !listed(globs, f))).toEqual([]);
});
