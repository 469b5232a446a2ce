/**
 * The add-in-only XML manifest (Outlook on Mac and mobile): generated from the unified manifest so
 * the two cannot drift, checked offline (libxml2 in WebAssembly), and `npm run validate --xml`
 * failing with a clear line on a broken or stale copy — real processes, real files.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANIFEST_DIR, loadEnvValues, renderManifest, type RenderedManifest } from '../../../scripts/manifest-tools';
import { checkXmlManifest, commandsOf, xmlManifestFrom } from '../../../scripts/xml-manifest';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

interface Run { code: number; stdout: string; stderr: string }
const run = (args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(process.execPath, [TSX, join(ROOT, 'scripts', 'validate.ts'), ...args], { cwd: ROOT }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });

let work: string;
let dist: string;
let rendered: RenderedManifest;
let fr: Record<string, unknown>;
let xml: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'au-revoir-xml-'));
  dist = join(work, 'dist');
  mkdirSync(dist);
  for (const page of ['tab.html', 'taskpane.html', 'meeting.html']) writeFileSync(join(dist, page), '<!doctype html>');
  cpSync(join(ROOT, 'manifest', 'icons'), join(dist, 'icons'), { recursive: true });
  rendered = renderManifest(join(MANIFEST_DIR, 'manifest.json'), loadEnvValues('local'), join(work, 'rendered'));
  fr = JSON.parse(readFileSync(join(rendered.dir, 'fr.json'), 'utf8'));
  xml = xmlManifestFrom(rendered.manifest, fr);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('generated from the unified manifest', () => {
  it('carries the same id, version, pages, buttons and labels (both languages), and nothing else', async () => {
    const m = rendered.manifest as any;
    expect(xml).toContain(`<Id>${m.id}</Id>`);
    expect(xml).toContain(`<Version>${m.version}</Version>`);
    const commands = commandsOf(rendered.manifest, fr);
    expect(commands.map((c) => `${c.context}:${c.controlId}`)).toEqual([
      'meetingDetailsOrganizer:exitConversationButton',
      'meetingDetailsAttendee:alumniCardButton',
      'mailRead:planWithSenderButton',
    ]);
    for (const rt of m.extensions[0].runtimes) expect(xml).toContain(rt.code.page.replace(/&/g, '&amp;'));
    expect(xml).toContain('Value="Fiche ancien collègue"');
    await expect(checkXmlManifest({ xml, manifest: rendered.manifest, fr })).resolves.toEqual({ problems: [], xsd: expect.any(Boolean) });
  });

  it('gives Outlook mobile the one surface it has for task panes (reading a message), with 25/32/48 px icons', () => {
    const mobile = xml.slice(xml.indexOf('<MobileFormFactor>'), xml.indexOf('</MobileFormFactor>'));
    expect(mobile.match(/xsi:type="Mobile\w+CommandSurface"/g)).toEqual(['xsi:type="MobileMessageReadCommandSurface"']);
    expect([...mobile.matchAll(/size="(\d+)" scale="1"/g)].map((x) => x[1])).toEqual(['25', '32', '48']);
  });

  it('a change to the unified manifest shows in the XML: a renamed button is drift until regenerated', async () => {
    const changed = structuredClone(rendered.manifest) as any;
    changed.extensions[0].ribbons[1].tabs[0].groups[0].controls[0].label = 'Alumni';
    const stale = await checkXmlManifest({ xml, manifest: changed, fr });
    expect(stale.problems).toContain('drift: alumniCardButton label "Alumni" of manifest.json is not in manifest.xml');
    await expect(checkXmlManifest({ xml: xmlManifestFrom(changed, fr), manifest: changed, fr })).resolves.toMatchObject({ problems: [] });
  });
});

describe('npm run validate checks the XML manifest too', () => {
  it('accepts the generated one', async () => {
    const r = await run(['--dist', dist]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ generated manifest\.xml \(Outlook on Mac and mobile\)/);
  }, 90_000);

  it('fails with a clear line on a broken copy: not XML, a button removed, an extra button, an icon that is not built', async () => {
    const copies: Record<string, string> = {
      'not-xml.xml': xml.replace('</DisplayName>', ''),
      'button-removed.xml': xml.replace(/<ExtensionPoint xsi:type="AppointmentAttendeeCommandSurface">.*?<\/ExtensionPoint>/, ''),
      'extra-button.xml': xml.replace('id="planWithSenderButton"', 'id="somethingElse"'),
      'page-not-built.xml': xml.replace('icons/icon-48.png', 'icons/icon-50.png'),
    };
    for (const [name, text] of Object.entries(copies)) writeFileSync(join(work, name), text);
    const results = await Promise.all(Object.keys(copies).map((name) => run(['--dist', dist, '--xml', join(work, name)])));
    const [notXml, removed, extra, notBuilt] = results as [Run, Run, Run, Run];
    for (const r of results) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/✗ .*\.xml \(Outlook on Mac and mobile\): \d+ problem/);
    }
    expect(notXml.stderr).toMatch(/- xml: line \d+: .*(DisplayName|mismatch)/i);
    expect(removed.stderr).toContain('- drift: button "alumniCardButton" of manifest.json is not in');
    expect(removed.stderr).toContain('has no AppointmentAttendeeCommandSurface for meetingDetailsAttendee');
    expect(extra.stderr).toContain('has a button "somethingElse" that manifest.json does not');
    expect(notBuilt.stderr).toContain('- /icons/icon-50.png is not in the build output');
  }, 120_000);
});
