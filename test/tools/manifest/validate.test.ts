/**
 * `npm run validate` and `npm run package` as a user runs them: real processes, real files.
 * Broken copies of the manifest folder must make validate exit non-zero and say what is wrong.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

interface Run { code: number; stdout: string; stderr: string }
const run = (script: string, args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(process.execPath, [TSX, join(ROOT, 'scripts', script), ...args], { cwd: ROOT }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });

let work: string;
let dist: string;

/** A copy of manifest/ the test can break, and a stand-in build output with the pages and icons. */
const copyManifest = (name: string): string => {
  const dir = join(work, name);
  cpSync(join(ROOT, 'manifest'), dir, { recursive: true });
  return join(dir, 'manifest.json');
};
const editJson = (file: string, edit: (m: any) => void): void => {
  const m = JSON.parse(readFileSync(file, 'utf8'));
  edit(m);
  writeFileSync(file, JSON.stringify(m, null, 2));
};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'au-revoir-validate-'));
  dist = join(work, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'tab.html'), '<!doctype html>');
  writeFileSync(join(dist, 'taskpane.html'), '<!doctype html>');
  writeFileSync(join(dist, 'meeting.html'), '<!doctype html>');
  cpSync(join(ROOT, 'manifest', 'icons'), join(dist, 'icons'), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run validate', () => {
  it('accepts the manifest in git and exits 0', async () => {
    const r = await run('validate.ts', ['--manifest', copyManifest('ok'), '--dist', dist]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ .*is valid/);
  }, 90_000);

  it('rejects broken copies (missing icon, bad URL, schema error, page not built, wrong icon size, stray French key) with one clear line each', async () => {
    const missingIcon = copyManifest('missing-icon');
    unlinkSync(join(missingIcon, '..', 'icons', 'outline.png'));

    const badUrl = copyManifest('bad-url');
    editJson(badUrl, (m) => {
      m.staticTabs[0].contentUrl = '{{BASE_URL}}/tabs.html?host=teams';
      // A ribbon icon that exists but is not the size it claims.
      m.extensions[0].ribbons[2].tabs[0].groups[0].icons[0].url = '{{BASE_URL}}/icons/icon-32.png';
    });

    const schemaError = copyManifest('schema-error');
    editJson(schemaError, (m) => {
      delete m.accentColor;
      m.extensions[0].ribbons[0].contexts = ['meetingDetails'];
    });

    const missingPageInBuild = copyManifest('no-taskpane');
    const emptyDist = join(work, 'dist-without-taskpane');
    cpSync(dist, emptyDist, { recursive: true });
    unlinkSync(join(emptyDist, 'taskpane.html'));

    const wrongSize = copyManifest('wrong-size');
    const wrongDir = join(wrongSize, '..');
    cpSync(join(wrongDir, 'icons', 'icon-32.png'), join(wrongDir, 'icons', 'color.png'));
    editJson(join(wrongDir, 'fr.json'), (fr) => {
      fr['extensions[0].ribbons[5].tabs[0].groups[0].label'] = 'Au revoir';
    });

    const [a, b, c, d, e] = await Promise.all([
      run('validate.ts', ['--manifest', missingIcon, '--dist', dist]),
      run('validate.ts', ['--manifest', badUrl, '--dist', dist]),
      run('validate.ts', ['--manifest', schemaError, '--dist', dist]),
      run('validate.ts', ['--manifest', missingPageInBuild, '--dist', emptyDist]),
      run('validate.ts', ['--manifest', wrongSize, '--dist', dist]),
    ]);

    expect(a.code).toBe(1);
    expect(a.stderr).toContain('icons.outline: icons/outline.png is missing from the manifest folder');

    expect(b.code).toBe(1);
    expect(b.stderr).toContain('staticTabs[0].contentUrl: /tabs.html is not in the build output');
    expect(b.stderr).toContain('extensions[0].ribbons[2].tabs[0].groups[0].icons[0].url: /icons/icon-32.png is 32×32 but should be 16×16 (declared size 16)');

    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/schema: .*accentColor/);
    expect(c.stderr).toMatch(/schema: \/extensions\/0\/ribbons\/0\/contexts\/0 must be equal to one of the allowed values/);

    expect(d.code).toBe(1);
    // Three runtimes name taskpane.html: one line, not three.
    expect(d.stderr.match(/taskpane\.html is not in the build output/g)).toHaveLength(1);
    expect(d.stderr).toContain('and 2 more places');

    expect(e.code).toBe(1);
    expect(e.stderr).toContain('icons.color: icons/color.png is 32×32, Teams needs 192×192');
    expect(e.stderr).toContain('fr.json: "extensions[0].ribbons[5].tabs[0].groups[0].label" names nothing in manifest.json');
  }, 90_000);

});

describe('npm run package', () => {
  it('writes a zip with the environment URLs, the icons and the French file', async () => {
    const r = await run('package.ts', ['--env', 'dev']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const zipPath = join(ROOT, 'dist', 'package', 'au-revoir-dev.zip');
    expect(existsSync(zipPath)).toBe(true);
    const zip = new AdmZip(zipPath);
    const names = zip.getEntries().map((e) => e.entryName).sort();
    expect(names).toEqual(['fr.json', 'icons/color-32.png', 'icons/color.png', 'icons/outline.png', 'manifest.json', 'outlook-manifest.xml']);
    const manifest = zip.readAsText('manifest.json');
    expect(manifest).not.toContain('{{');
    const m = JSON.parse(manifest);
    expect(m.staticTabs[0].contentUrl).toBe('https://au-revoir-dev.contoso.com/tab.html?host=teams&theme={theme}&locale={locale}');
    expect(m.extensions[0].runtimes[0].code.page).toBe('https://au-revoir-dev.contoso.com/taskpane.html?host=outlook&surface=organizer');
    expect(m.webApplicationInfo.nestedAppAuthInfo[0].redirectUri).toBe('brk-multihub://au-revoir-dev.contoso.com');
    expect(JSON.parse(zip.readAsText('fr.json'))['name.full']).toMatch(/garder le lien/);
  }, 90_000);

  it('refuses an unknown environment', async () => {
    const r = await run('package.ts', ['--env', 'staging']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown environment "staging"');
  }, 90_000);
});
