/**
 * The built pages (dist/, which `npm test` builds first) as a static host serves them: each carries
 * its Content-Security-Policy, holds no inline script, and dist/staticwebapp.config.json gives the
 * static host the same policy as a header with the framing hosts Microsoft lists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST } from '../helpers/harness';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const csp = require('../../../scripts/csp.js') as {
  FRAME_ANCESTORS: string[];
  contentSecurityPolicy: (o: { mode: 'sandbox' | 'tenant'; graphUrl?: string; authority?: string; officeJs?: boolean; header?: boolean }) => string;
};

const page = (name: string): string => readFileSync(path.join(DIST, name), 'utf8');
const directives = (policy: string): Map<string, string[]> =>
  new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...sources]) => [name!, sources]));
const metaPolicy = (html: string): string => /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? '';

describe.each(['tab.html', 'taskpane.html', 'meeting.html', 'auth-redirect.html'])('dist/%s', (name) => {
  const html = page(name);

  it('carries a CSP <meta> that allows only our scripts (and Office.js on the task pane), before any script', () => {
    const policy = directives(metaPolicy(html));
    expect(policy.get('script-src')).toEqual(name === 'taskpane.html' ? ["'self'", 'https://appsforoffice.microsoft.com'] : ["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    // frame-ancestors is ignored in a <meta> (and Chrome says so in the console): header only.
    expect(policy.has('frame-ancestors')).toBe(false);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script[^>]*\ssrc=/));
  });

  it('has no inline script: every <script> loads a file, except the empty Office.js locator', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      if (/\ssrc=/.test(attrs!)) continue;
      // <script id="office-js" data-src=…>: a URL for src/hosts/office/load.ts, no code (an empty
      // script never runs, so CSP never weighs it).
      expect({ attrs: attrs!.trim(), body }).toEqual({ attrs: expect.stringMatching(/^id="?office-js"? data-src=/), body: '' });
    }
    expect(html).not.toMatch(/\son[a-z]+="/); // no inline event handlers either
  });
});

describe('dist/staticwebapp.config.json', () => {
  const config = JSON.parse(page('staticwebapp.config.json')) as { globalHeaders: Record<string, string> };
  const header = directives(config.globalHeaders['Content-Security-Policy'] ?? '');

  it('sends the CSP as a header, with frame-ancestors for Teams, Outlook and the Microsoft 365 app', () => {
    // https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/tab-requirements
    for (const host of [
      'https://*.cloud.microsoft',
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://*.microsoft365.com',
      'https://*.office.com',
      'https://outlook.office.com',
      'https://outlook.office365.com',
    ]) {
      expect(header.get('frame-ancestors')).toContain(host);
    }
    expect(header.get('frame-ancestors')).toEqual(csp.FRAME_ANCESTORS);
    expect(config.globalHeaders['X-Content-Type-Options']).toBe('nosniff');
  });

  it('is, apart from framing, no looser than the pages: the same sources, plus Office.js for the task pane', () => {
    for (const name of ['tab.html', 'taskpane.html']) {
      const meta = directives(metaPolicy(page(name)));
      for (const [directive, sources] of meta) {
        if (directive === 'script-src') continue;
        expect({ directive, sources: header.get(directive) }).toEqual({ directive, sources });
      }
    }
    expect(header.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
  });
});

describe('the policy in tenant mode (scripts/csp.js)', () => {
  it('connects to the configured Graph and authority only, never to a loopback sandbox', () => {
    const p = directives(csp.contentSecurityPolicy({ mode: 'tenant', graphUrl: 'https://graph.microsoft.us/v1.0', authority: 'https://login.microsoftonline.us/contoso.onmicrosoft.com' }));
    expect(p.get('connect-src')).toEqual(["'self'", 'https://graph.microsoft.us', 'https://login.microsoftonline.us', 'https://res.cdn.office.net']);
    expect(p.get('frame-src')).toEqual(['https://login.microsoftonline.us']);
    const sandbox = directives(csp.contentSecurityPolicy({ mode: 'sandbox' }));
    expect(sandbox.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:*', 'http://localhost:*', 'https://res.cdn.office.net']);
  });
});
