// Conformance: JSON batching — shape, limits, dependsOn/424, per-item status/headers/body.
import type { Sandbox } from '../../../sandbox/index';
import { client, eventBody, start } from './helpers';

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

  it('dependents of a failed request get 424; of a successful one run after it', async () => {
    const c = client(sb);
    const res = await c.post('/$batch', {
      requests: [
        { id: 'a', method: 'GET', url: '/me/events/does-not-exist' },
        { id: 'b', method: 'GET', url: '/me', dependsOn: ['a'] },
        { id: 'c', method: 'GET', url: '/me?$select=mail' },
        { id: 'd', method: 'GET', url: '/me?$select=jobTitle', dependsOn: ['c'] },
      ],
    });
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId.a.status).toBe(404);
    expect(byId.b.status).toBe(424);
    expect(byId.b.body.error.code).toBe('FailedDependency');
    expect(byId.d.status).toBe(200);
    expect(byId.d.body.jobTitle).toBe('Responsable ingénierie');
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
