// `npm run sandbox` is `tsx sandbox/cli.ts`: start it as a process on a chosen port and use it like a
// developer following the README would; `--reset` restores the seed file.
import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import './helpers';

const root = resolve(__dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

let dir: string;
let child: ChildProcess | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
});
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

it('npm run sandbox prints its URL and answers GET /v1.0/me with a token from /sandbox/token', async () => {
  const port = await freePort();
  const dataFile = join(dir, 'state.json');
  child = spawn(tsx, ['sandbox/cli.ts'], { cwd: root, env: { ...process.env, SANDBOX_PORT: String(port), SANDBOX_DATA_FILE: dataFile }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((ok, fail) => {
    child!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Get a token')) ok();
    });
    child!.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child!.once('exit', (code) => fail(new Error(`sandbox exited with ${code}: ${out}`)));
  });
  expect(out).toContain(`http://127.0.0.1:${port}`);
  expect(out).toContain('claire.martin@contoso.example');
  const tokenRes = await fetch(`http://127.0.0.1:${port}/sandbox/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'claire.martin@contoso.example' }) });
  const { access_token } = (await tokenRes.json()) as { access_token: string };
  const me = await fetch(`http://127.0.0.1:${port}/v1.0/me`, { headers: { Authorization: `Bearer ${access_token}` } });
  expect(me.status).toBe(200);
  expect(((await me.json()) as { displayName: string }).displayName).toBe('Claire Martin');
  const config = (await (await fetch(`http://127.0.0.1:${port}/sandbox/config`)).json()) as { throttle: { maxConcurrentPerMailbox: number }; batchConcurrency: string };
  expect(config.throttle.maxConcurrentPerMailbox).toBe(4);
  expect(config.batchConcurrency).toBe('documented');
  const exited = new Promise((ok) => child!.once('exit', ok));
  child.kill('SIGTERM');
  await exited;
  expect(existsSync(dataFile)).toBe(true);
});

it('npm run sandbox:reset rewrites the data file from the seed', () => {
  const dataFile = join(dir, 'reset.json');
  writeFileSync(dataFile, JSON.stringify({ version: 1, seededAt: 'x', users: [], mailboxes: {} }));
  const r = spawnSync(tsx, ['sandbox/cli.ts', '--reset'], { cwd: root, env: { ...process.env, SANDBOX_DATA_FILE: dataFile }, encoding: 'utf8' });
  expect(r.status).toBe(0);
  const state = JSON.parse(readFileSync(dataFile, 'utf8')) as { users: unknown[] };
  expect(state.users.length).toBeGreaterThanOrEqual(9);
});

it('SANDBOX_BATCH_CONCURRENCY takes documented or reported429, and anything else stops the sandbox with a message', () => {
  const run = spawnSync(tsx, ['sandbox/cli.ts'], { cwd: root, env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_DATA_FILE: join(dir, 'bad.json'), SANDBOX_BATCH_CONCURRENCY: 'sometimes' }, encoding: 'utf8', timeout: 60_000 });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('SANDBOX_BATCH_CONCURRENCY must be');
});
