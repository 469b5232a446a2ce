/**
 * The first screen's script budget: what a page's HTML loads before it can show anything (its
 * entry chunks and their synchronous chunks, as the build's first-screen.json lists them, see
 * scripts/first-screen-plugin.js), gzipped. Size is deterministic, so this is a test, not a bench.
 */
export const FIRST_SCREEN_BUDGET_BYTES = 200 * 1024;

export interface FirstScreenPage {
  readonly entries: readonly string[];
  readonly scripts: ReadonlyArray<{ readonly file: string; readonly chunk: string; readonly bytes: number; readonly gzipBytes: number }>;
  readonly gzipBytes: number;
  /** Packages and folders of ours, biggest first: minified bytes, and their share of the gzipped size. */
  readonly contributors: ReadonlyArray<{ readonly name: string; readonly bytes: number; readonly gzipBytes: number }>;
}

export interface FirstScreenManifest {
  readonly pages: Readonly<Record<string, FirstScreenPage>>;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Undefined when the page fits; else a message naming the biggest contributors. */
export const overBudget = (manifest: FirstScreenManifest, page: string, budget = FIRST_SCREEN_BUDGET_BYTES, top = 8): string | undefined => {
  const p = manifest.pages[page];
  if (!p) return `${page}: not in the build's first-screen.json (pages: ${Object.keys(manifest.pages).join(', ')})`;
  if (p.gzipBytes <= budget) return undefined;
  const biggest = p.contributors
    .slice(0, top)
    .map((c) => `${c.name} ≈ ${kb(c.gzipBytes)}`)
    .join(', ');
  return (
    `${page}: its first screen needs ${kb(p.gzipBytes)} of gzipped script (${p.scripts.map((s) => s.file).join(' + ')}), ` +
    `${kb(p.gzipBytes - budget)} over the ${kb(budget)} budget. Biggest contributors: ${biggest}. ` +
    'Load what this screen does not show with import() (see README, "First screen").'
  );
};
