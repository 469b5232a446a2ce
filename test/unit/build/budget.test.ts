import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIRST_SCREEN_BUDGET_BYTES, overBudget, type FirstScreenManifest } from '../../../scripts/budget';

// The production build (`npm test` builds dist/ first, in pretest) lists what each page's first
// screen loads: dist/first-screen.json, written by scripts/first-screen-plugin.js.
const DIST = process.env.AU_REVOIR_E2E_DIST ?? path.resolve(__dirname, '../../../dist');
const file = path.join(DIST, 'first-screen.json');

const manifest = (): FirstScreenManifest => {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does it in pretest)`);
  return JSON.parse(readFileSync(file, 'utf8')) as FirstScreenManifest;
};

describe('first screen budget (gzipped script the page needs before it shows anything)', () => {
  test.each(['tab.html', 'taskpane.html'])('%s fits in 200 KB', (page) => {
    const m = manifest();
    expect(overBudget(m, page)).toBeUndefined();
    expect(m.pages[page]!.gzipBytes).toBeGreaterThan(0);
  });

  test.each(['tab.html', 'taskpane.html'])('%s does not load MSAL, Graph, the workflows or the wizard up front', (page) => {
    const names = manifest().pages[page]!.contributors.map((c) => c.name);
    expect(names.length).toBeGreaterThan(10);
    for (const late of ['@azure/msal-browser', '@azure/msal-common', '@microsoft/microsoft-graph-client', '@microsoft/teams-js', 'libphonenumber-js', 'luxon', 'src/workflows', 'src/graph', 'src/apps/tab/wizard', 'src/apps/tab/screens']) {
      expect(names).not.toContain(late);
    }
  });

  test('an oversized first screen fails, naming its biggest contributors', () => {
    const fake: FirstScreenManifest = {
      pages: {
        'tab.html': {
          entries: ['boot', 'tab'],
          scripts: [
            { file: 'boot.1.js', chunk: 'boot', bytes: 900, gzipBytes: 400 },
            { file: 'tab.2.js', chunk: 'tab', bytes: 1_700_000, gzipBytes: 480_000 },
          ],
          gzipBytes: 480_400,
          contributors: [
            { name: '@azure/msal-browser', bytes: 280_000, gzipBytes: 80_000 },
            { name: 'react-dom', bytes: 206_000, gzipBytes: 62_000 },
            { name: 'libphonenumber-js', bytes: 190_000, gzipBytes: 60_000 },
            { name: 'src/apps/tab', bytes: 60_000, gzipBytes: 15_000 },
          ],
        },
      },
    };
    const message = overBudget(fake, 'tab.html');
    expect(message).toContain('469.1 KB of gzipped script (boot.1.js + tab.2.js)');
    expect(message).toContain('269.1 KB over the 200.0 KB budget');
    expect(message).toContain('Biggest contributors: @azure/msal-browser ≈ 78.1 KB, react-dom ≈ 60.5 KB, libphonenumber-js ≈ 58.6 KB');
    // Just under the budget passes; a page the build did not list is reported, not ignored.
    expect(overBudget({ pages: { 'tab.html': { ...fake.pages['tab.html']!, gzipBytes: FIRST_SCREEN_BUDGET_BYTES } } }, 'tab.html')).toBeUndefined();
    expect(overBudget(fake, 'taskpane.html')).toMatch(/not in the build/);
  });
});
