// The sandbox misbehaving on purpose: latency, Exchange-style throttling (concurrency and rate, on the wire
// and inside $batch), injected faults, and the log/stats/reset/persistence that let tests see it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogEntry, Sandbox } from '../../../sandbox/index';
import { CLAIRE, EMILIE, client, eventBody, start } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());
afterEach(() => {
  sb.setFaults([]);
  sb.configure({ latencyMs: 0, throttle: false, batchConcurrency: 'documented' });
  sb.clearLog();
});

const admin = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
  const res = await fetch(`${sb.url}${path}`, { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};

describe('latency', () => {
  it('PUT /sandbox/config {latencyMs} delays each request by that much, and 0 takes it away', async () => {
    const c = client(sb);
    const timed = async (): Promise<number> => {
      const t0 = performance.now();
      await c.get('/me');
      return performance.now() - t0;
    };
    const put = await admin('PUT', '/sandbox/config', { latencyMs: 600 });
    expect(put.body.latencyMs).toBe(600);
    const slow = await timed();
    expect(slow).toBeGreaterThanOrEqual(595); // a floor: the sandbox waits at least that long
    await admin('PUT', '/sandbox/config', { latencyMs: 0 });
    const quick = await timed();
    // No bare ceiling on a shared machine: the same request without latency is compared with the one
    // with it, in this run. A pause of up to 300 ms on the quick one still passes; a latency left on fails.
    expect(slow - quick).toBeGreaterThan(300);
  });
});

describe('throttling', () => {
  it('5 parallel requests for one mailbox: at least one 429 with Retry-After; never more than 4 in flight', async () => {
    sb.configure({ latencyMs: 120, throttle: { maxConcurrentPerMailbox: 4, retryAfterSeconds: 2 } });
    const c = client(sb);
    const results = await Promise.all(Array.from({ length: 5 }, () => c.get('/me/events?$top=1&$select=subject')));
    const throttled = results.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(throttled[0]!.headers.get('retry-after')).toBe('2');
    expect(throttled[0]!.body.error.code).toBe('ApplicationThrottled');
    const stats = (await admin('GET', '/sandbox/stats')).body;
    expect(stats.perMailbox[CLAIRE].maxInFlight).toBeLessThanOrEqual(4);
    expect(stats.throttled).toBeGreaterThanOrEqual(1);
    expect(sb.log().filter((e) => e.throttled).length).toBe(throttled.length);
  });

  it('4 parallel requests pass, and another mailbox is not affected by Claire’s load', async () => {
    sb.configure({ latencyMs: 120, throttle: { maxConcurrentPerMailbox: 4 } });
    const c = client(sb);
    const e = client(sb, EMILIE);
    const results = await Promise.all([...Array.from({ length: 4 }, () => c.get('/me')), e.get('/me')]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('inside a parallel $batch, documented (default): Graph feeds Outlook 4 items at a time, so 6 items all pass', async () => {
    sb.reset(); // fresh per-mailbox figures
    sb.configure({ latencyMs: 40, throttle: { maxConcurrentPerMailbox: 4, retryAfterSeconds: 3 } });
    const c = client(sb);
    const res = await c.post('/$batch', { requests: Array.from({ length: 6 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me/events?$top=1' })) });
    expect(res.status).toBe(200);
    expect(res.body.responses.map((r: { status: number }) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(sb.stats().perMailbox[CLAIRE]?.maxInFlight).toBe(4);
    expect(sb.stats().throttled).toBe(0);
  });

  it('inside a parallel $batch, reported429: 4 items run, the rest come back 429 MailboxConcurrency with Retry-After inside a 200', async () => {
    sb.configure({ throttle: { maxConcurrentPerMailbox: 4, retryAfterSeconds: 3 }, batchConcurrency: 'reported429' });
    const c = client(sb);
    const res = await c.post('/$batch', { requests: Array.from({ length: 6 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me/events?$top=1' })) });
    expect(res.status).toBe(200);
    const statuses = res.body.responses.map((r: { status: number }) => r.status);
    expect(statuses.filter((s: number) => s === 200)).toHaveLength(4);
    const limited = res.body.responses.filter((r: { status: number }) => r.status === 429);
    expect(limited).toHaveLength(2);
    expect(limited[0].headers['Retry-After']).toBe('3');
    expect(limited[0].body.error.code).toBe('ApplicationThrottled');
    expect(limited[0].body.error.message).toContain('MailboxConcurrency');
  });

  it('rate limit per mailbox: over N requests in the window → 429', async () => {
    sb.configure({ throttle: { maxConcurrentPerMailbox: 4, ratePerMailbox: { requests: 3, perSeconds: 60 }, retryAfterSeconds: 5 } });
    const c = client(sb);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await c.get('/me')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await client(sb, EMILIE).get('/me')).status).toBe(200);
  });
});

describe('fault rules', () => {
  it('the nth matching request fails with the chosen status (and Retry-After), then requests succeed again', async () => {
    const put = await admin('PUT', '/sandbox/faults', [{ match: { method: 'POST', path: '^/me/events$', nth: 2 }, action: { status: 503, retryAfterSeconds: 2 } }]);
    expect(put.status).toBe(200);
    const c = client(sb);
    const r1 = await c.post('/me/events', eventBody({ transactionId: 'f-1' }));
    const r2 = await c.post('/me/events', eventBody({ transactionId: 'f-2' }));
    const r3 = await c.post('/me/events', eventBody({ transactionId: 'f-3' }));
    const other = await c.get('/me');
    expect([r1.status, r2.status, r3.status, other.status]).toEqual([201, 503, 201, 200]);
    expect(r2.headers.get('retry-after')).toBe('2');
    expect(r2.body.error.innerError['request-id']).toBe(r2.headers.get('request-id'));
    const faulted = sb.log().filter((e) => e.fault);
    expect(faulted.map((e) => [e.status, e.fault])).toEqual([[503, 'status-503']]);
  });

  it('times repeats a 500; a 429 action comes with Retry-After', async () => {
    sb.setFaults([
      { match: { path: '^/me$' }, action: { status: 500 }, times: 2 },
      { match: { path: '^/me/contacts' }, action: { status: 429, retryAfterSeconds: 1 } },
    ]);
    const c = client(sb);
    expect([(await c.get('/me')).status, (await c.get('/me')).status, (await c.get('/me')).status]).toEqual([500, 500, 200]);
    const limited = await c.get('/me/contacts');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
  });

  it('drop before: the connection is cut and nothing is created', async () => {
    sb.setFaults([{ match: { method: 'POST', path: '^/me/events$' }, action: { drop: 'before' } }]);
    const c = client(sb);
    await expect(c.post('/me/events', eventBody({ transactionId: 'drop-before', subject: 'Dropped before' }))).rejects.toThrow();
    const list = await c.get(`/me/events?$filter=${encodeURIComponent("subject eq 'Dropped before'")}`);
    expect(list.body.value).toHaveLength(0);
    expect(sb.log().find((e) => e.fault === 'drop-before')?.status).toBe(0);
  });

  it('drop after: the event is created but the answer is lost; the retry with the same transactionId finds it', async () => {
    sb.setFaults([{ match: { method: 'POST', path: '^/me/events$' }, action: { drop: 'after' } }]);
    const c = client(sb);
    const body = eventBody({ transactionId: 'drop-after', subject: 'Dropped after' });
    await expect(c.post('/me/events', body)).rejects.toThrow();
    const retry = await c.post('/me/events', body);
    expect(retry.status).toBe(201);
    const list = await c.get(`/me/events?$filter=${encodeURIComponent("subject eq 'Dropped after'")}`);
    expect(list.body.value.map((e: { id: string }) => e.id)).toEqual([retry.body.id]);
  });

  it('inside $batch, nth counts sub-requests in order; a drop cuts the whole batch connection', async () => {
    sb.setFaults([{ match: { path: '^/me$', nth: 2 }, action: { status: 500 } }]);
    const c = client(sb);
    const res = await c.post('/$batch', { requests: [1, 2, 3].map((i) => ({ id: String(i), method: 'GET', url: '/me' })) });
    expect(res.body.responses.map((r: { status: number }) => r.status)).toEqual([200, 500, 200]);
    sb.setFaults([{ match: { path: '^/me/contacts' }, action: { drop: 'after' } }]);
    await expect(c.post('/$batch', { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: '/me/contacts' }] })).rejects.toThrow();
  });

  it('rejects a malformed rule', async () => {
    const put = await admin('PUT', '/sandbox/faults', [{ match: {}, action: { status: 418 } }]);
    expect(put.status).toBe(400);
  });
});

describe('log, stats and reset', () => {
  it('GET /sandbox/log tells round trips from batch items; admin routes are not logged; DELETE clears it', async () => {
    const c = client(sb);
    await admin('DELETE', '/sandbox/log');
    await c.get('/me', { 'client-request-id': 'cr-1' });
    await c.post('/$batch', { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: '/me/contacts' }] });
    await admin('GET', '/sandbox/stats');
    const log = (await admin('GET', '/sandbox/log')).body as LogEntry[];
    expect(log).toHaveLength(4);
    expect(log.filter((e) => e.roundTrip)).toHaveLength(2);
    expect(log[0]).toMatchObject({ method: 'GET', path: '/me', status: 200, mailbox: CLAIRE, roundTrip: true, clientRequestId: 'cr-1' });
    const batch = log.find((e) => e.path === '/$batch')!;
    expect(log.filter((e) => e.batchSeq === batch.seq).map((e) => e.path)).toEqual(['/me', '/me/contacts']);
    expect((await admin('DELETE', '/sandbox/log')).status).toBe(204);
    expect((await admin('GET', '/sandbox/log')).body).toEqual([]);
  });

  it('counts a /users/{upn}/... request against that user’s mailbox', async () => {
    sb.configure({ throttle: { maxConcurrentPerMailbox: 4, ratePerMailbox: { requests: 2, perSeconds: 60 } } });
    const c = client(sb);
    const window = 'startDateTime=2026-12-01T00:00:00Z&endDateTime=2026-12-02T00:00:00Z';
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await c.get(`/users/${EMILIE}/calendarView?${window}`)).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await c.get('/me')).status).toBe(200);
    expect(sb.log().map((e) => e.mailbox)).toEqual([EMILIE, EMILIE, EMILIE, CLAIRE]);
  });

  it('POST /sandbox/reset brings back the seed', async () => {
    const c = client(sb);
    const created = await c.post('/me/events', eventBody({ transactionId: 'reset-1' }));
    expect((await c.get(`/me/events/${created.body.id}`)).status).toBe(200);
    expect((await admin('POST', '/sandbox/reset')).status).toBe(204);
    expect((await c.get(`/me/events/${created.body.id}`)).status).toBe(404);
    expect((await c.get('/me/directReports')).body.value.length).toBeGreaterThanOrEqual(6);
  });
});

describe('persistence', () => {
  it('state written to the data file is there after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
    const dataFile = join(dir, 'state.json');
    try {
      const first = await start({ dataFile });
      const c = client(first);
      const created = await c.post('/me/events', eventBody({ transactionId: 'persist-1', subject: 'Survives restarts' }));
      await c.post('/me/outlook/masterCategories', { displayName: 'Persisted', color: 'preset3' });
      await first.close();
      const second = await start({ dataFile });
      try {
        const c2 = client(second);
        const got = await c2.get(`/me/events/${created.body.id}`);
        expect(got.status).toBe(200);
        expect(got.body.subject).toBe('Survives restarts');
        const again = await c2.post('/me/events', eventBody({ transactionId: 'persist-1', subject: 'Survives restarts' }));
        expect(again.body.id).toBe(created.body.id);
        const cats = await c2.get('/me/outlook/masterCategories');
        expect(cats.body.value.map((x: { displayName: string }) => x.displayName)).toContain('Persisted');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
