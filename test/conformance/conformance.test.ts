// The conformance suite against the in-process sandbox, one jest test per case, so a failure names the case
// and the Microsoft source it checks. The same cases run against a real tenant with `npm run conformance -- --graph …`.
import { randomUUID } from 'node:crypto';
import { allCases, runCase, skipReason, startSandboxTarget } from './index';
import type { Case } from './index';
import type { SandboxTarget } from './run';
import type { RunState, Target } from './context';

jest.setTimeout(60_000);

let sandbox: SandboxTarget;
const run: RunState = {};

beforeAll(async () => {
  sandbox = await startSandboxTarget(`jest-${randomUUID().slice(0, 8)}`);
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.settle());

test('at least 60 cases, ids unique, each naming a Microsoft source', () => {
  expect(allCases.length).toBeGreaterThanOrEqual(60);
  expect(new Set(allCases.map((c) => c.id)).size).toBe(allCases.length);
  for (const c of allCases) {
    expect(c.source.url).toMatch(/^https:\/\/(learn\.microsoft\.com\/|github\.com\/microsoftgraph\/)/);
    expect(c.source.says.length).toBeGreaterThan(20);
  }
});

describe('the runner', () => {
  const fake = (over: Partial<Case>): Case => ({ id: 'fake', title: 'fake', source: { url: 'https://learn.microsoft.com/x', says: 'x' }, run: async () => {}, ...over });
  const graph = (allowSettingsWrites = false): Target => ({ kind: 'graph', baseUrl: 'http://127.0.0.1:9/v1.0', token: 't', runId: 'r', allowSettingsWrites });

  test('skips sandbox-only cases and settings writers on a tenant, with the reason', () => {
    expect(skipReason(fake({ sandboxOnly: 'needs fault injection' }), graph())).toBe('sandbox only: needs fault injection');
    expect(skipReason(fake({ writesSettings: true }), graph())).toMatch(/--allow-settings-writes/);
    expect(skipReason(fake({ writesSettings: true }), graph(true))).toBeUndefined();
    expect(skipReason(fake({ sandboxOnly: 'x', writesSettings: true }), sandbox.target)).toBeUndefined();
  });

  test('runs the cleanup after a failure, and a failed cleanup fails the case', async () => {
    let cleaned = false;
    const failing = await runCase(fake({ run: async (ctx) => { ctx.cleanup(async () => { cleaned = true; }); throw new Error('boom'); } }), sandbox.target, run);
    expect(failing).toEqual({ status: 'fail', reason: 'boom' });
    expect(cleaned).toBe(true);
    const leftover = await runCase(fake({ run: async (ctx) => { ctx.cleanup(async () => { throw new Error('DELETE /me/events/x → 500'); }); } }), sandbox.target, run);
    expect(leftover).toEqual({ status: 'fail', reason: 'cleanup failed: DELETE /me/events/x → 500' });
  });

  test('objects created through the context are tagged and gone after the case', async () => {
    let id = '';
    const outcome = await runCase(fake({ run: async (ctx) => {
      const res = await ctx.createEvent({ subject: 'tagged', start: { dateTime: `${ctx.day(60)}T10:00:00`, timeZone: 'UTC' }, end: { dateTime: `${ctx.day(60)}T11:00:00`, timeZone: 'UTC' } });
      expect(res.status).toBe(201);
      expect(res.body.subject).toMatch(/^\[au-revoir-conformance\] tagged /);
      id = res.body.id;
    } }), sandbox.target, run);
    expect(outcome.status).toBe('pass');
    const res = await fetch(`${sandbox.target.baseUrl}/me/events/${encodeURIComponent(id)}`, { headers: { Authorization: `Bearer ${sandbox.target.token}` } });
    expect(res.status).toBe(404);
  });
});

describe.each(allCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  test(`${c.title} — ${c.source.url}`, async () => {
    const outcome = await runCase(c, sandbox.target, run);
    if (outcome.status === 'fail') throw new Error(`${c.id} failed: ${outcome.reason}\n  source: ${c.source.url}\n  says: ${c.source.says}`);
    expect(outcome.status).toBe('pass');
  });
});
