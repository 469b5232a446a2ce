// JSON batching — shape, limits, fully parallel or fully sequential (400 otherwise), dependsOn/424, per-item
// status/headers/body. Sources: sandbox/batch.ts.
import type { Sandbox } from '../../../sandbox/index';
import { CLAIRE, client, eventBody, start } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

describe('$batch', () => {
  it('runs relative requests and answers 200 with one response per id, Content-Type spelled like Graph', async () => {
    const c = client(sb);
    const res = await c.post('/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/me?$select=displayName' },
        { id: '2', method: 'GET', url: 'me/directReports?$select=displayName' },
        { id: '3', method: 'POST', url: '/me/events', body: eventBody({ transactionId: 'batch-1' }), headers: { 'Content-Type': 'application/json' } },
        { id: '4', method: 'GET', url: '/users/nobody@contoso.example' },
      ],
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId['1'].status).toBe(200);
    expect(byId['1'].body.displayName).toBe('Claire Martin');
    expect(Object.keys(byId['1'].headers)).toContain('Content-Type');
    expect(byId['1'].headers['Content-Type']).toMatch(/^application\/json/);
    expect(byId['2'].body.value.length).toBeGreaterThanOrEqual(6);
    expect(byId['3'].status).toBe(201);
    expect(byId['3'].headers.Location).toContain(`/Events('${byId['3'].body.id}')`);
    // A failing sub-request does not fail the batch.
    expect(byId['4'].status).toBe(404);
    expect(byId['4'].body.error.code).toBe('Request_ResourceNotFound');
    // One round trip on the wire, five log entries in all.
    const log = sb.log().filter((e) => e.batchSeq !== undefined || e.path === '/$batch');
    expect(log.filter((e) => e.roundTrip)).toHaveLength(1);
    const outer = log.find((e) => e.path === '/$batch')!;
    expect(log[0]).toBe(outer);
    expect(log.filter((e) => !e.roundTrip).map((e) => [e.batchSeq, e.path])).toEqual([
      [outer.seq, '/me?$select=displayName'],
      [outer.seq, '/me/directReports?$select=displayName'],
      [outer.seq, '/me/events'],
      [outer.seq, '/users/nobody@contoso.example'],
    ]);
  });

  it('a fully sequential batch runs one item at a time, in order; after a failure every later item is 424', async () => {
    const c = client(sb);
    const res = await c.post('/$batch', {
      requests: [
        { id: 'a', method: 'GET', url: '/me?$select=mail' },
        { id: 'b', method: 'GET', url: '/me/events/does-not-exist', dependsOn: ['a'] },
        { id: 'c', method: 'POST', url: '/me/events', body: eventBody({ transactionId: 'seq-after-failure', subject: 'Never created' }), headers: { 'Content-Type': 'application/json' }, dependsOn: ['b'] },
        { id: 'd', method: 'GET', url: '/me?$select=jobTitle', dependsOn: ['c'] },
      ],
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId.a.status).toBe(200);
    expect(byId.b.status).toBe(404);
    expect([byId.c.status, byId.d.status]).toEqual([424, 424]);
    expect(byId.c.body.error.code).toBe('FailedDependency');
    // c never ran: no event with that subject.
    const found = await c.get(`/me/events?$filter=${encodeURIComponent("subject eq 'Never created'")}`);
    expect(found.body.value).toHaveLength(0);
  });

  it('a fully sequential batch of 8 never has more than one of its items in flight (latency on)', async () => {
    sb.reset();
    sb.configure({ latencyMs: 20, throttle: { maxConcurrentPerMailbox: 4 } });
    try {
      const c = client(sb);
      const requests = Array.from({ length: 8 }, (_, i) => ({ id: `s${i}`, method: 'GET', url: '/me?$select=id', ...(i > 0 ? { dependsOn: [`s${i - 1}`] } : {}) }));
      const res = await c.post('/$batch', { requests });
      expect(res.body.responses.every((r: { status: number }) => r.status === 200)).toBe(true);
      expect(sb.stats().perMailbox[CLAIRE]?.maxInFlight).toBe(1);
    } finally {
      sb.configure({ latencyMs: 0, throttle: false });
    }
  });

  it('refuses a batch that mixes independent items with a dependsOn chain: 400 with Graph\'s sentence and error envelope, nothing run', async () => {
    const c = client(sb);
    const mixed = await c.post('/$batch', {
      requests: [
        { id: '1', method: 'POST', url: '/me/events', body: eventBody({ transactionId: 'mixed-1', subject: 'Mixed batch' }), headers: { 'Content-Type': 'application/json' } },
        { id: '2', method: 'GET', url: '/me' },
        { id: '3', method: 'GET', url: '/me', dependsOn: ['2'] },
      ],
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.code).toBe('BadRequest');
    expect(mixed.body.error.message).toBe('Batch should be either fully sequential or fully parallel.');
    expect(mixed.body.error.innerError['request-id']).toBe(mixed.headers.get('request-id'));
    expect(typeof mixed.body.error.innerError.date).toBe('string');
    const found = await c.get(`/me/events?$filter=${encodeURIComponent("subject eq 'Mixed batch'")}`);
    expect(found.body.value).toHaveLength(0);
    // "Same" (every dependent naming one common item) is not fully sequential either.
    const same = await c.post('/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/me' },
        { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
        { id: '3', method: 'GET', url: '/me', dependsOn: ['1'] },
      ],
    });
    expect(same.status).toBe(400);
    expect(same.body.error.message).toBe('Batch should be either fully sequential or fully parallel.');
  });

  it('refuses a dependsOn that names a later or unknown item with 400 "Invalid dependency for request Id"', async () => {
    const c = client(sb);
    const forward = await c.post('/$batch', {
      requests: [
        { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
        { id: '1', method: 'GET', url: '/me' },
      ],
    });
    expect(forward.status).toBe(400);
    expect(forward.body.error.message).toMatch(/^Invalid dependency for request Id 2\b/);
    const unknown = await c.post('/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/me' },
        { id: '2', method: 'GET', url: '/me', dependsOn: ['nine'] },
      ],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^Invalid dependency for request Id 2\b/);
  });

  it('the batch behaviour is set by createSandbox, configure and PATCH /sandbox/config; a wrong value is refused', async () => {
    expect(sb.config().batchConcurrency).toBe('documented');
    const patch = async (body: unknown) => {
      const res = await fetch(`${sb.url}/sandbox/config`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    };
    const set = await patch({ batchConcurrency: 'reported429' });
    expect(set.status).toBe(200);
    expect(set.body.batchConcurrency).toBe('reported429');
    expect(sb.config().batchConcurrency).toBe('reported429');
    expect((await patch({ batchConcurrency: 'sometimes' })).status).toBe(400);
    sb.configure({ batchConcurrency: 'documented' });
    const other = await start({ batchConcurrency: 'reported429' });
    try {
      expect(other.config().batchConcurrency).toBe('reported429');
    } finally {
      await other.close();
    }
  });

  it('refuses more than 20 requests, duplicate ids and a body without Content-Type with 400', async () => {
    const c = client(sb);
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' }));
    const tooMany = await c.post('/$batch', { requests: many });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('BadRequest');
    const twenty = await c.post('/$batch', { requests: many.slice(0, 20) });
    expect(twenty.status).toBe(200);
    const dup = await c.post('/$batch', { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '1', method: 'GET', url: '/me' }] });
    expect(dup.status).toBe(400);
    const noType = await c.post('/$batch', { requests: [{ id: '1', method: 'POST', url: '/me/contacts', body: { givenName: 'x' } }] });
    expect(noType.status).toBe(400);
  });

  it('the same transactionId in two batch items creates one event', async () => {
    const c = client(sb);
    const body = eventBody({ transactionId: 'batch-dup', subject: 'Batch dup' });
    const res = await c.post('/$batch', {
      requests: [
        { id: '1', method: 'POST', url: '/me/events', body, headers: { 'Content-Type': 'application/json' } },
        { id: '2', method: 'POST', url: '/me/events', body, headers: { 'Content-Type': 'application/json' }, dependsOn: ['1'] },
      ],
    });
    const [r1, r2] = res.body.responses;
    expect(r1.body.id).toBe(r2.body.id);
  });
});
