/**
 * `npm run start:tenant`, as a developer runs it: the pages over HTTPS with office-addin-dev-certs'
 * certificate, built in tenant mode, no Graph sandbox. HOME is a temporary directory, so the CA and
 * the certificate are made there (never in the real ~/.office-addin-dev-certs), and the CA is
 * trusted by this test's HTTPS client only, never by the system.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { freePort } from '../../fixtures/ports';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';

jest.setTimeout(15 * 60_000);

const ROOT = path.resolve(__dirname, '../../..');
const CLIENT_ID = '3f0c5a1e-8d4b-4c2a-9e71-5b6d2f8a9c10';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  readonly issuer: string;
  readonly subjectAltName: string;
}

const get = (url: string, ca?: Buffer): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const req = https.get(url, { ...(ca ? { ca } : {}), agent: false }, (res) => {
      const peer = (res.socket as TLSSocket).getPeerX509Certificate();
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, issuer: peer?.issuer ?? '', subjectAltName: peer?.subjectAltName ?? '' }));
    });
    req.on('error', reject);
  });

let home: string;
let child: ChildProcess | undefined;
let output = '';
let port: number;

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'au-revoir-tenant-home-'));
  port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, PORT: String(port), AU_REVOIR_CLIENT_ID: CLIENT_ID };
  delete env.AU_REVOIR_CERT_DIR;
  delete env.AU_REVOIR_MODE;
  // Its own process group, so the dev server and its children stop with it.
  child = spawn('npm', ['run', '--silent', 'start:tenant'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
});

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
  rmSync(home, { recursive: true, force: true });
});

/** Waits until the server answers (the first webpack build comes first), or the script dies. */
const whenUp = async (ca: Buffer): Promise<Answer> => {
  for (;;) {
    if (child?.exitCode !== null) throw new Error(`start:tenant exited (${String(child?.exitCode)}):\n${output}`);
    try {
      return await get(`https://localhost:${port}/tab.html`, ca);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ECONNREFUSED' && code !== 'ECONNRESET') throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
};

const caFile = () => path.join(home, '.office-addin-dev-certs', 'ca.crt');

describe('npm run start:tenant', () => {
  it('answers on https://localhost/tab.html with an office-addin-dev-certs certificate, in tenant mode, with the CSP', async () => {
    // The certificates are made before the server listens, the key last; until then nothing to trust.
    while (!existsSync(path.join(home, '.office-addin-dev-certs', 'localhost.key'))) {
      if (child?.exitCode !== null) throw new Error(`start:tenant exited (${String(child?.exitCode)}):\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const ca = readFileSync(caFile());

    const tab = await whenUp(ca);
    expect(tab.status).toBe(200);
    expect(tab.body).toMatch(/<div id="?root"?>/);
    // office-addin-dev-certs' CA signed it, for localhost.
    expect(tab.issuer).toContain('Developer CA for Microsoft Office Add-ins');
    expect(tab.subjectAltName).toContain('DNS:localhost');

    // Tenant mode: the page may reach Graph and the sign-in authority, not a loopback sandbox.
    const meta = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(tab.body)?.[1] ?? '';
    expect(meta).toContain('https://graph.microsoft.com');
    expect(meta).toContain('https://login.microsoftonline.com');
    expect(meta).not.toContain('127.0.0.1');
    // The header as the static host sends it: framing by Teams and Outlook only.
    const header = String(tab.headers['content-security-policy'] ?? '');
    expect(header).toMatch(/frame-ancestors [^;]*https:\/\/teams\.microsoft\.com/);
    expect(header).toMatch(/frame-ancestors [^;]*https:\/\/outlook\.office\.com/);

    // The bundle was built with the client id (DefinePlugin), so MSAL signs in to that registration.
    // The app's bundle, not tab-early.js (the sign-in list's early request, which comes before it).
    const script = /<script[^>]+src="?\/?(tab(?:\.[0-9a-f]+)?\.js)/.exec(tab.body)?.[1];
    expect(script).toBeDefined();
    const js = await get(`https://localhost:${port}/${script}`, ca);
    expect(js.status).toBe(200);
    expect(js.body).toContain(CLIENT_ID);

    const pane = await get(`https://localhost:${port}/taskpane.html`, ca);
    expect(pane.status).toBe(200);
    expect(output).toMatch(/tenant mode/);
    expect(output).not.toMatch(/sandbox on|Graph sandbox on/i);
  });

  it('is trusted by nobody else: without the CA, the same request is refused', async () => {
    await expect(get(`https://localhost:${port}/tab.html`)).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY/),
    });
  });
});
