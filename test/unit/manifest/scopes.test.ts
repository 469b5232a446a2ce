/**
 * One list of delegated Graph permissions, four places that must say the same: the code
 * (src/graph/scopes.ts, and the gateways that ask for them), the Entra app registration
 * (aad.manifest.json), the unified manifest's nested app auth (webApplicationInfo) and the README's
 * table. Adding a scope to one and not the others fails here, before a tenant admin sees it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_LATER_SCOPES, ALL_SCOPES, LATER_SCOPES, SCOPES } from '../../../src/graph/scopes';
import { REDIRECT_PAGE, msalRedirectUri } from '../../../src/auth/msal';

const ROOT = join(__dirname, '..', '..', '..');
const read = (rel: string): string => readFileSync(join(ROOT, rel), 'utf8');
const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

interface AadManifest {
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
  replyUrlsWithType: { url: string; type: string }[];
  signInAudience: string;
}
const aad = JSON.parse(read('aad.manifest.json')) as AadManifest;
const manifest = JSON.parse(read('manifest/manifest.json')) as {
  webApplicationInfo: { id: string; nestedAppAuthInfo: { redirectUri: string; scopes: string[] }[] };
  authorization?: { permissions?: { resourceSpecific?: { name: string; type: string }[] } };
};

/** The rows of the README table under "Delegated Graph permissions": first cell, in backticks. */
const readmeScopes = (): string[] => {
  const text = read('README.md');
  const start = text.indexOf('### Delegated Graph permissions');
  expect(start).toBeGreaterThan(-1);
  const section = text.slice(start).split('\n').slice(1);
  const rows: string[] = [];
  for (const line of section) {
    if (line.startsWith('#')) break;
    const m = /^\|\s*`([^`]+)`\s*\|/.exec(line);
    if (m) rows.push(m[1]!);
  }
  return rows;
};

describe('the delegated Graph scopes cannot drift', () => {
  // Asked at sign-in (ALL_SCOPES) and asked later, when the user turns a feature on (LATER_SCOPES).
  const code = sorted(ALL_SCOPES);
  const later = sorted(ALL_LATER_SCOPES);
  const registered = sorted([...ALL_SCOPES, ...ALL_LATER_SCOPES]);

  it('a scope is either asked at sign-in or asked later, never both', () => {
    expect(later.length).toBeGreaterThan(0);
    for (const s of later) expect({ s, atSignIn: code.includes(s) }).toEqual({ s, atSignIn: false });
  });

  it('every scope in src/graph/scopes.ts is asked for by a Graph call, and no call names a scope outside it', () => {
    const dir = join(ROOT, 'src', 'graph');
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'scopes.ts')
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    for (const key of Object.keys(SCOPES)) expect({ key, used: sources.includes(`SCOPES.${key}`) }).toEqual({ key, used: true });
    for (const key of Object.keys(LATER_SCOPES)) expect({ key, used: sources.includes(`LATER_SCOPES.${key}`) }).toEqual({ key, used: true });
    // A scope spelled as a string literal would bypass the list.
    expect(sources.match(/['"`](User|Calendars|Contacts|MailboxSettings|Mail|Files|Sites|People|Directory)\.[A-Za-z.]+['"`]/g) ?? []).toEqual([]);
  });

  it('the Entra app registration declares exactly those, the later ones too, delegated, from Microsoft Graph only', () => {
    expect(aad.requiredResourceAccess.map((r) => r.resourceAppId)).toEqual(['Microsoft Graph']);
    const access = aad.requiredResourceAccess[0]!.resourceAccess;
    expect(access.every((a) => a.type === 'Scope')).toBe(true); // no application permission (Role)
    expect(sorted(access.map((a) => a.id))).toEqual(registered);
  });

  it('the unified manifest names the sign-in ones for nested app auth (prefetched with the tab: never a later one), same registration', () => {
    // "an NAA token based on its contents will be prefetched when the tab is loaded"
    // (https://learn.microsoft.com/microsoft-365/extensibility/schema/root-web-application-info-nested-app-auth-info):
    // a later scope there would be asked before the user turned its feature on.
    const naa = manifest.webApplicationInfo.nestedAppAuthInfo;
    expect(naa.length).toBeGreaterThan(0);
    for (const entry of naa) expect(sorted(entry.scopes)).toEqual(code);
    expect(manifest.webApplicationInfo.id).toBe('{{CLIENT_ID}}');
    // The only other permission is the add-in's mailbox permission, not a Graph scope.
    expect(manifest.authorization?.permissions?.resourceSpecific ?? []).toEqual([{ name: 'Mailbox.ReadWrite.User', type: 'Delegated' }]);
  });

  it('the README table lists the same, once each, and says which are asked later', () => {
    const rows = readmeScopes();
    expect(rows).toEqual([...new Set(rows)]);
    expect(sorted(rows)).toEqual(registered);
    const text = read('README.md');
    for (const s of registered) {
      const row = text.split('\n').find((l) => l.startsWith(`| \`${s}\``)) ?? '';
      expect({ s, later: /asked later/i.test(row) }).toEqual({ s, later: later.includes(s) });
    }
  });

  it('a doc that keeps its own table of scopes lists the same ones (the setup guide points to the README instead)', () => {
    const row = /^\|\s*`([A-Z][A-Za-z-]+\.[A-Za-z.]+)`\s*\|/;
    const docs = ['docs', 'sandbox'].flatMap((dir) =>
      readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.md')).map((f) => `${dir}/${f}`),
    );
    const tables = docs
      .map((file) => ({ file, rows: read(file).split('\n').flatMap((l) => row.exec(l)?.[1] ?? []) }))
      .filter((t) => t.rows.length > 0);
    expect(tables.map((t) => t.file)).toContain('docs/graph-and-booking.md');
    expect(tables.map((t) => t.file)).not.toContain('docs/outlook-and-teams-setup.md');
    for (const t of tables) expect({ file: t.file, rows: sorted(t.rows) }).toEqual({ file: t.file, rows: registered });
  });

  it('the sign-in list the apps pass to MSAL and the admin-consent link holds no later scope', () => {
    for (const app of ['src/apps/tab/composition.ts', 'src/apps/addin/composition.ts']) {
      const src = read(app);
      expect(src).toMatch(/scopes: ALL_SCOPES/);
      expect(src).not.toMatch(/LATER_SCOPES/);
    }
  });

  it('the registration redirects where MSAL sends users: its landing page in a browser and brk-multihub:// for nested app auth', () => {
    // src/auth/msal.ts, msalRedirectUri: <origin>/auth-redirect.html in a browser, brk-multihub://<host> in Teams/Outlook;
    // https://learn.microsoft.com/en-us/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in
    expect(msalRedirectUri({ inM365Host: false, host: 'HOST', origin: 'ORIGIN' })).toBe(`ORIGIN/${REDIRECT_PAGE}`);
    expect(msalRedirectUri({ inM365Host: true, host: 'HOST', origin: 'ORIGIN' })).toBe('brk-multihub://HOST');
    expect(aad.replyUrlsWithType).toEqual([
      { url: `\${{TAB_ENDPOINT}}/${REDIRECT_PAGE}`, type: 'Spa' },
      { url: 'brk-multihub://${{TAB_DOMAIN}}', type: 'Spa' },
    ]);
    expect(manifest.webApplicationInfo.nestedAppAuthInfo.map((n) => n.redirectUri)).toEqual(['brk-multihub://{{BASE_HOST}}']);
  });
});
