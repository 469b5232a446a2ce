// Conformance: directory routes, tokens, the error envelope and the headers every Graph response carries.
import { PNG } from 'pngjs';
import type { Sandbox } from '../../../sandbox/index';
import { CLAIRE, EMILIE, HUGO, JULIEN, NADIA, PAUL, client, q, start } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

describe('tokens and the 401 envelope', () => {
  it('POST /sandbox/token gives a bearer token for a seeded user, 400 for an unknown one', async () => {
    const ok = await fetch(`${sb.url}/sandbox/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: CLAIRE }) });
    expect(ok.status).toBe(200);
    const tok = (await ok.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(tok.token_type).toBe('Bearer');
    expect(tok.expires_in).toBe(3600);
    const me = await fetch(`${sb.graphUrl}/me`, { headers: { Authorization: `Bearer ${tok.access_token}` } });
    expect(me.status).toBe(200);
    const bad = await fetch(`${sb.url}/sandbox/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'nobody@contoso.example' }) });
    expect(bad.status).toBe(400);
  });

  it.each([
    ['missing', undefined],
    ['malformed', 'Bearer not-a-token'],
    ['forged', `Bearer ${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"oid":"x","exp":9999999999}').toString('base64url')}.sig`],
  ])('a %s token gets 401 InvalidAuthenticationToken with Graph’s envelope', async (_label, auth) => {
    const res = await fetch(`${sb.graphUrl}/me`, { headers: auth ? { Authorization: auth, 'client-request-id': 'abc-123' } : { 'client-request-id': 'abc-123' } });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string; innerError: Record<string, string> } };
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.innerError['request-id']).toBe(res.headers.get('request-id'));
    expect(body.error.innerError['client-request-id']).toBe('abc-123');
    expect(body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  it('an expired token gets 401', async () => {
    let t = Date.parse('2026-12-01T10:00:00Z');
    const timed = await start({ now: () => new Date(t) });
    try {
      const token = timed.token(CLAIRE, { expiresInSeconds: 60 });
      expect((await fetch(`${timed.graphUrl}/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
      t += 61_000;
      const res = await fetch(`${timed.graphUrl}/me`, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
    } finally {
      await timed.close();
    }
  });
});

describe('headers and CORS', () => {
  it('every response has request-id, the echoed client-request-id and Date', async () => {
    const c = client(sb);
    const res = await c.get('/me', { 'client-request-id': 'my-correlation-id' });
    expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('client-request-id')).toBe('my-correlation-id');
    expect(new Date(res.headers.get('date')!).getTime()).not.toBeNaN();
    const notFound = await c.get('/users/nobody@contoso.example', { 'client-request-id': 'x-1' });
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('client-request-id')).toBe('x-1');
  });

  it('answers a browser preflight with Graph-like CORS headers', async () => {
    const res = await fetch(`${sb.graphUrl}/me/events`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:3000', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,prefer' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = res.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const h of ['authorization', 'content-type', 'prefer', 'consistencylevel', 'client-request-id', 'if-match']) expect(allowed).toContain(h);
    const token = await fetch(`${sb.url}/sandbox/token`, { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:3000', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-custom' } });
    expect(token.status).toBe(204);
    expect(token.headers.get('access-control-allow-headers')!.toLowerCase()).toContain('x-custom');
    const get = await client(sb).get('/me');
    const exposed = get.headers.get('access-control-expose-headers')!.toLowerCase();
    for (const h of ['request-id', 'client-request-id', 'location', 'retry-after', 'etag']) expect(exposed).toContain(h);
  });
});

describe('/me and /users', () => {
  it('GET /me returns the default property set like the docs example', async () => {
    const res = await client(sb).get('/me');
    expect(res.status).toBe(200);
    expect(res.body['@odata.context']).toBe(`${sb.graphUrl}/$metadata#users/$entity`);
    expect(Object.keys(res.body).sort()).toEqual(
      ['@odata.context', 'businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'].sort(),
    );
    expect(res.body).toMatchObject({ displayName: 'Claire Martin', userPrincipalName: CLAIRE, preferredLanguage: 'fr-FR' });
  });

  it('GET /users/{upn} and /users/{id} find the same person; $select trims', async () => {
    const c = client(sb);
    const byUpn = await c.get(`/users/${EMILIE}?$select=displayName,jobTitle,department`);
    expect(byUpn.status).toBe(200);
    // The app's scopes read other users' basic profile only: jobTitle and department come back null.
    expect(byUpn.body).toEqual({ '@odata.context': `${sb.graphUrl}/$metadata#users(displayName,jobTitle,department)/$entity`, displayName: 'Émilie Laurent', jobTitle: null, department: null });
    const fullReader = client(sb, CLAIRE, { Authorization: `Bearer ${sb.token(CLAIRE, { scopes: ['User.Read.All'] })}` });
    expect((await fullReader.get(`/users/${EMILIE}?$select=displayName,jobTitle,department`)).body).toEqual(
      expect.objectContaining({ jobTitle: 'Designer produit', department: 'Ingénierie' }),
    );
    const full = await c.get(`/users/${EMILIE}`);
    const byId = await c.get(`/users/${full.body.id}`);
    expect(byId.body.userPrincipalName).toBe(EMILIE);
    const missing = await c.get('/users/ghost@contoso.example');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('Request_ResourceNotFound');
  });

  it('a badly encoded path or an unknown segment is a 400, not a crash', async () => {
    const c = client(sb);
    const bad = await c.get('/users/%E0%A4%A');
    expect(bad.status).toBe(400);
    const unknown = await c.get('/me/drive');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Resource not found for the segment 'drive'.");
  });

  it('$select of an unknown property is a 400', async () => {
    const res = await client(sb).get('/me?$select=displayName,shoeSize');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('shoeSize');
  });

  it('$filter with startswith and eq, and an unknown property → 400', async () => {
    const c = client(sb);
    const sw = await c.get(`/users?$filter=${q("startswith(displayName,'Em')")}&$select=displayName`);
    expect(sw.status).toBe(200);
    expect(sw.body.value.map((u: { displayName: string }) => u.displayName).sort()).toEqual(['Emily Carter']);
    const eq = await c.get(`/users?$filter=${q(`mail eq '${JULIEN}' or jobTitle eq 'QA Lead'`)}&$select=mail`);
    expect(eq.body.value.map((u: { mail: string }) => u.mail).sort()).toEqual(['james.wilson@contoso.example', JULIEN]);
    const bad = await c.get(`/users?$filter=${q("favouriteColour eq 'blue'")}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('Request_BadRequest');
    expect(bad.body.error.message).toContain("Could not find a property named 'favouriteColour'");
    const syntax = await c.get(`/users?$filter=${q("displayName eq 'unterminated")}`);
    expect(syntax.status).toBe(400);
  });

  it('$search needs ConsistencyLevel: eventual, like Graph', async () => {
    const c = client(sb);
    const without = await c.get(`/users?$search=${q('"displayName:laur"')}`);
    expect(without.status).toBe(400);
    expect(without.body.error.code).toBe('Request_UnsupportedQuery');
    const withIt = await c.get(`/users?$search=${q('"displayName:laur"')}&$count=true&$select=displayName`, { ConsistencyLevel: 'eventual' });
    expect(withIt.status).toBe(200);
    expect(withIt.body['@odata.count']).toBe(1);
    expect(withIt.body.value).toEqual([{ displayName: 'Émilie Laurent' }]);
    // Clauses joined by OR, on displayName or mail, as the app sends them; accents do not matter.
    const either = await c.get(`/users?$search=${q('"displayName:emil" OR "mail:sarah"')}&$select=displayName`, { ConsistencyLevel: 'eventual' });
    expect(either.body.value.map((u: { displayName: string }) => u.displayName).sort()).toEqual(['Emily Carter', 'Sarah Johnson', 'Émilie Laurent']);
    const both = await c.get(`/users?$search=${q('"displayName:emil" AND "mail:carter"')}&$select=displayName`, { ConsistencyLevel: 'eventual' });
    expect(both.body.value).toEqual([{ displayName: 'Emily Carter' }]);
  });

  it('$top pages with an @odata.nextLink that the client follows to the end', async () => {
    const c = client(sb);
    const seen: string[] = [];
    let path: string | null = '/users?$top=4&$select=userPrincipalName';
    let pages = 0;
    while (path !== null) {
      const res: { status: number; body: { value: Array<{ userPrincipalName: string }>; '@odata.nextLink'?: string } } = await c.get(path);
      expect(res.status).toBe(200);
      expect(res.body.value.length).toBeLessThanOrEqual(4);
      seen.push(...res.body.value.map((u) => u.userPrincipalName));
      const next = res.body['@odata.nextLink'];
      path = next === undefined ? null : next.slice(sb.graphUrl.length);
      pages++;
    }
    // Every seeded user once, four to a page (the seed grows; the paging rule does not).
    const total = sb.store.state.users.length;
    expect(total).toBeGreaterThanOrEqual(11);
    expect(pages).toBe(Math.ceil(total / 4));
    expect(new Set(seen).size).toBe(total);
    expect(seen).toContain(NADIA);
  });
});

describe('/me/directReports and leave dates', () => {
  it('a manager allowed to read leave dates sees them, two within the next month', async () => {
    const res = await client(sb).get('/me/directReports?$select=displayName,employeeLeaveDateTime');
    expect(res.status).toBe(200);
    expect(res.body.value.length).toBeGreaterThanOrEqual(6);
    for (const u of res.body.value) expect(u['@odata.type']).toBe('#microsoft.graph.user');
    const leaving = res.body.value.filter((u: { employeeLeaveDateTime: string | null }) => u.employeeLeaveDateTime !== null);
    expect(leaving.map((u: { displayName: string }) => u.displayName).sort()).toEqual(['Léa Dubois', 'Émilie Laurent']);
    const inMonth = leaving.every((u: { employeeLeaveDateTime: string }) => Date.parse(u.employeeLeaveDateTime) - Date.now() < 31 * 86_400_000);
    expect(inMonth).toBe(true);
  });

  it('a manager who may not read them gets the reports without the property, even when selected', async () => {
    const res = await client(sb, PAUL).get('/me/directReports?$select=displayName,employeeLeaveDateTime');
    expect(res.status).toBe(200);
    expect(res.body.value).toEqual([{ '@odata.type': '#microsoft.graph.user', displayName: 'Julien Moreau', employeeLeaveDateTime: null }]);
  });

  it('Nadia (HR) reads a leave date through /users/{upn}', async () => {
    const res = await client(sb, NADIA).get(`/users/${EMILIE}?$select=employeeLeaveDateTime`);
    expect(res.body.employeeLeaveDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe('photos', () => {
  it('GET /users/{id}/photo/$value is a PNG; /me/photo/$value too', async () => {
    const c = client(sb);
    const res = await fetch(`${sb.graphUrl}/users/${EMILIE}/photo/$value`, { headers: { Authorization: `Bearer ${c.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    expect(png.width).toBe(96);
    const me = await fetch(`${sb.graphUrl}/me/photo/$value`, { headers: { Authorization: `Bearer ${c.token}` } });
    expect(me.status).toBe(200);
  });

  it('a user without a photo gets 404 ImageNotFound', async () => {
    const res = await client(sb).get(`/users/${HUGO}/photo/$value`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ImageNotFound');
  });
});
