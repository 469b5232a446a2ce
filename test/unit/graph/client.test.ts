import { AppError } from '../../../src/domain/errors';
import { createGraphClient, type FetchImpl } from '../../../src/graph/client';
import { layOut, layoutOf } from '../../../src/graph/batch';
import fc from 'fast-check';
import { createCalendarGateway } from '../../../src/graph/calendar';
import { SCOPES } from '../../../src/graph/scopes';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const fakeFetch = (answer: (req: Seen) => Response | Promise<Response>) => {
  const seen: Seen[] = [];
  const fetchImpl: FetchImpl = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const req: Seen = { url, method: init?.method ?? 'GET', headers, ...(typeof init?.body === 'string' ? { body: init.body } : {}) };
    seen.push(req);
    return answer(req);
  };
  return { seen, fetchImpl };
};

const tokens = () => {
  const asked: string[][] = [];
  return { asked, provider: { getToken: async (scopes: string[]) => (asked.push(scopes), `tok-${scopes.join('+')}`) } };
};

const BASE = 'http://127.0.0.1:4999/v1.0';

test('the bearer token goes to the Graph base URL with the scopes of the call, and a Prefer time zone', async () => {
  const { seen, fetchImpl } = fakeFetch(() => json(200, { id: 'me', displayName: 'Claire' }));
  const t = tokens();
  const graph = createGraphClient({ baseUrl: BASE, tokenProvider: t.provider, fetchImpl, timeZone: 'Europe/Paris' });
  await graph.get('/me?$select=id', { scopes: [SCOPES.userRead] });
  expect(seen[0]?.url).toBe(`${BASE}/me?$select=id`);
  expect(seen[0]?.headers['authorization']).toBe('Bearer tok-User.Read');
  expect(seen[0]?.headers['prefer']).toBe('outlook.timezone="Europe/Paris"');
  expect(t.asked).toEqual([['User.Read']]);
});

test('paging follows @odata.nextLink under the base URL and refuses a link elsewhere (no token leak)', async () => {
  let n = 0;
  const { seen, fetchImpl } = fakeFetch(() => {
    n += 1;
    if (n === 1) return json(200, { value: [1, 2], '@odata.nextLink': `${BASE}/me/events?$skip=2` });
    if (n === 2) return json(200, { value: [3], '@odata.nextLink': 'https://evil.example/steal?$skip=3' });
    return json(200, { value: [] });
  });
  const graph = createGraphClient({ baseUrl: BASE, tokenProvider: tokens().provider, fetchImpl });
  await expect(graph.getAll('/me/events', { scopes: [SCOPES.calendarsReadWrite] })).rejects.toMatchObject({ code: 'unexpected' });
  expect(seen.map((s) => s.url)).toEqual([`${BASE}/me/events`, `${BASE}/me/events?$skip=2`]);
  expect(seen.every((s) => s.url.startsWith(BASE))).toBe(true);
});

test('all pages are collected', async () => {
  let n = 0;
  const { fetchImpl } = fakeFetch(() => (++n === 1 ? json(200, { value: ['a'], '@odata.nextLink': `${BASE}/x?$skiptoken=abc` }) : json(200, { value: ['b'] })));
  const graph = createGraphClient({ baseUrl: BASE, tokenProvider: tokens().provider, fetchImpl });
  expect(await graph.getAll('/x', { scopes: [] })).toEqual(['a', 'b']);
});

test('errors become AppErrors with status, Graph code and request id; a dropped connection is a network error', async () => {
  const { fetchImpl } = fakeFetch((req) => {
    if (req.url.endsWith('/drop')) throw new TypeError('fetch failed');
    return json(404, { error: { code: 'ErrorItemNotFound', message: 'gone' } }, { 'request-id': 'r-1' });
  });
  const graph = createGraphClient({ baseUrl: BASE, tokenProvider: tokens().provider, fetchImpl });
  await expect(graph.get('/me/events/x', { scopes: [] })).rejects.toMatchObject({ code: 'graph.notFound', status: 404, graphCode: 'ErrorItemNotFound', requestId: 'r-1' });
  await expect(graph.get('/drop', { scopes: [] })).rejects.toMatchObject({ code: 'network', retryable: true });
});

test('the SDK RetryHandler retries a throttled GET after Retry-After, but not a POST that got a 503', async () => {
  let gets = 0;
  let posts = 0;
  const { fetchImpl } = fakeFetch((req) => {
    if (req.method === 'GET') return ++gets === 1 ? json(429, { error: { code: 'TooManyRequests' } }, { 'Retry-After': '0' }) : json(200, { ok: true });
    posts += 1;
    return json(503, { error: { code: 'ServiceNotAvailable' } }, { 'Retry-After': '0' });
  });
  const graph = createGraphClient({ baseUrl: BASE, tokenProvider: tokens().provider, fetchImpl, retryDelaySeconds: 0 });
  expect(await graph.get('/me', { scopes: [] })).toEqual({ ok: true });
  expect(gets).toBe(2);
  await expect(graph.post('/me/contacts', {}, { scopes: [] })).rejects.toMatchObject({ code: 'graph.unavailable', retryable: true });
  expect(posts).toBe(1);
});

test('a $batch carries the union of the scopes and answers every item, failed ones included', async () => {
  const { seen, fetchImpl } = fakeFetch((req) => {
    const body = JSON.parse(req.body ?? '{}');
    return json(200, {
      responses: body.requests.map((r: any) => ({ id: r.id, status: r.id === '2' ? 429 : 201, headers: { 'Retry-After': '3' }, body: { id: `x${r.id}` } })),
    });
  });
  const t = tokens();
  const graph = createGraphClient({ baseUrl: BASE, tokenProvider: t.provider, fetchImpl });
  const out = await graph.batch(
    [
      { id: '1', method: 'POST', url: '/me/events', body: { a: 1 } },
      { id: '2', method: 'POST', url: '/me/contacts', body: { b: 1 } },
    ],
    { scopes: [SCOPES.calendarsReadWrite, SCOPES.contactsReadWrite, SCOPES.calendarsReadWrite] },
  );
  expect(seen).toHaveLength(1);
  expect(t.asked).toEqual([['Calendars.ReadWrite', 'Contacts.ReadWrite']]);
  const sent = JSON.parse(seen[0]!.body!);
  expect(sent.requests[0].headers['Content-Type']).toBe('application/json');
  expect(out.map((o) => o.status)).toEqual([201, 429]);
  expect(out[1]?.headers['retry-after']).toBe('3');
  await expect(graph.batch(Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET' as const, url: '/me' })), { scopes: [] })).rejects.toMatchObject({
    code: 'unexpected',
  });
});

test('findMeetingTimes asks for Calendars.Read.Shared and gets UTC instants', async () => {
  const { seen, fetchImpl } = fakeFetch(() =>
    json(200, {
      meetingTimeSuggestions: [
        { confidence: 100, organizerAvailability: 'free', meetingTimeSlot: { start: { dateTime: '2027-03-03T13:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2027-03-03T14:00:00.0000000', timeZone: 'UTC' } } },
      ],
    }),
  );
  const t = tokens();
  const cal = createCalendarGateway(createGraphClient({ baseUrl: BASE, tokenProvider: t.provider, fetchImpl, timeZone: 'Europe/Paris' }));
  const slots = await cal.findMeetingTimes({ attendeeEmail: 'a@b.c', startUtc: '2027-03-01T00:00:00Z', endUtc: '2027-03-10T00:00:00Z', durationMinutes: 60 });
  expect(t.asked).toEqual([['Calendars.Read.Shared']]);
  expect(seen[0]?.headers['prefer']).toBe('outlook.timezone="UTC"');
  expect(slots).toEqual([{ start: '2027-03-03T13:00:00Z', end: '2027-03-03T14:00:00Z', confidence: 100, organizerAvailability: 'free' }]);
});

describe('batch layout: only the two shapes Graph runs', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i + 1), method: 'POST' as const, url: '/me/events' }));
  test('parallel: no item depends on another, whatever it came with', () => {
    const out = layOut([...items(5), { id: '6', method: 'GET', url: '/me', dependsOn: ['1'] }], 'parallel');
    expect(out.map((i) => i.dependsOn)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(layoutOf(out)).toBe('parallel');
  });
  test('sequential: each item depends on the one before it; items that may fail go last, in their order', () => {
    const list = [{ id: 'p', method: 'GET' as const, url: '/users/u1/photo/$value' }, ...items(3), { id: 'c', method: 'POST' as const, url: '/me/outlook/masterCategories' }];
    const out = layOut(list, 'sequential', (i) => i.id === 'p' || i.id === 'c');
    expect(out.map((i) => [i.id, i.dependsOn ?? []])).toEqual([
      ['1', []],
      ['2', ['1']],
      ['3', ['2']],
      ['p', ['3']],
      ['c', ['p']],
    ]);
    expect(layoutOf(out)).toBe('sequential');
  });
  test('layoutOf refuses what Graph refuses: mixed, "same" and forward dependencies', () => {
    const [a, b, c] = items(3) as [ReturnType<typeof items>[number], ReturnType<typeof items>[number], ReturnType<typeof items>[number]];
    expect(layoutOf([a, b, { ...c, dependsOn: ['2'] }])).toBeNull();
    expect(layoutOf([a, { ...b, dependsOn: ['1'] }, { ...c, dependsOn: ['1'] }])).toBeNull();
    expect(layoutOf([{ ...a, dependsOn: ['2'] }, b])).toBeNull();
  });
  test('any mix of items and shapes gives a payload Graph accepts, in at most 20 items per batch', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), fc.constantFrom<'parallel' | 'sequential'>('parallel', 'sequential'), (fails, shape) => {
        const list = fails.map((_, i) => ({ id: String(i + 1), method: 'GET' as const, url: '/me' }));
        const out = layOut(list, shape, (i) => fails[Number(i.id) - 1] === true);
        expect(layoutOf(out)).toBe(out.length === 1 ? 'parallel' : shape);
        expect(new Set(out.map((i) => i.id)).size).toBe(list.length);
        if (shape === 'sequential') {
          const firstFailing = out.findIndex((i) => fails[Number(i.id) - 1]);
          if (firstFailing >= 0) expect(out.slice(firstFailing).every((i) => fails[Number(i.id) - 1])).toBe(true);
        }
      }),
    );
  });
});

test('a sign-in problem while getting the token reaches the caller as is, not as a network error', async () => {
  const { seen, fetchImpl } = fakeFetch(() => json(200, {}));
  const graph = createGraphClient({
    baseUrl: BASE,
    fetchImpl,
    tokenProvider: { getToken: async () => Promise.reject(new AppError({ code: 'auth.interactionRequired' })) },
  });
  await expect(graph.get('/me', { scopes: [SCOPES.userRead] })).rejects.toMatchObject({ code: 'auth.interactionRequired' });
  await expect(graph.batch([{ id: '1', method: 'GET', url: '/me' }], { scopes: [] })).rejects.toMatchObject({ code: 'auth.interactionRequired' });
  const plain = createGraphClient({ baseUrl: BASE, fetchImpl, tokenProvider: { getToken: async () => Promise.reject(new Error('boom')) } });
  await expect(plain.get('/me', { scopes: [] })).rejects.toMatchObject({ code: 'auth.failed' });
  expect(seen).toEqual([]);
});
