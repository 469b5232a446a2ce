// /me, /users, directReports and $search: what the app reads to list a manager's team.
import { eq, ok, status } from '../check';
import { SRC } from '../sources';
import type { Case } from '../types';

const DEFAULT_USER_PROPERTIES = [
  'businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName',
];
const dataKeys = (o: Record<string, unknown>): string[] => Object.keys(o).filter((k) => !k.startsWith('@odata.'));

export const userCases: Case[] = [
  {
    id: 'users.me.default-properties',
    title: 'GET /me without $select returns only the default property set',
    source: { url: SRC.userGet, says: 'By default only a limited set is returned: businessPhones, displayName, givenName, id, jobTitle, mail, mobilePhone, officeLocation, preferredLanguage, surname, userPrincipalName.' },
    async run(ctx) {
      const res = await ctx.get('/me');
      status(res, 200, 'GET /me');
      for (const key of dataKeys(res.body)) ok(DEFAULT_USER_PROPERTIES.includes(key), `GET /me returned non-default property "${key}"`);
      for (const key of ['id', 'displayName', 'userPrincipalName']) ok(key in res.body, `GET /me lacks default property "${key}"`);
    },
  },
  {
    id: 'users.select.only-selected',
    title: '$select returns the selected properties and nothing else (not even id)',
    source: { url: SRC.userGet, says: 'Example 3: $select=displayName,givenName,postalCode,identities answers with exactly those four properties.' },
    async run(ctx) {
      const res = await ctx.get('/me?$select=displayName,department');
      status(res, 200, 'GET /me?$select');
      const keys = dataKeys(res.body).sort();
      eq(keys.join(','), 'department,displayName', 'properties returned');
    },
  },
  {
    id: 'users.select.non-default',
    title: 'A property outside the default set comes back when selected',
    source: { url: SRC.userGet, says: 'To get properties that are not returned by default, specify them in a $select OData query option.' },
    async run(ctx) {
      const plain = await ctx.get('/me');
      ok(!('department' in plain.body), 'department is not a default property and must not come back without $select');
      const res = await ctx.get('/me?$select=id,department,officeLocation');
      status(res, 200, 'GET /me?$select=id,department,officeLocation');
      ok('department' in res.body, 'selected property "department" missing (it may be null, but the key is there)');
    },
  },
  {
    id: 'users.get.by-upn',
    title: '/users/{userPrincipalName} addresses the same user as /users/{id}',
    source: { url: SRC.userGet, says: 'HTTP request: GET /users/{id | userPrincipalName}.' },
    async run(ctx) {
      const me = await ctx.me();
      const byUpn = await ctx.get(`/users/${encodeURIComponent(me.userPrincipalName)}?$select=id`);
      status(byUpn, 200, 'GET /users/{upn}');
      eq(byUpn.body.id, me.id, 'id by userPrincipalName');
      const byId = await ctx.get(`/users/${me.id}?$select=userPrincipalName`);
      status(byId, 200, 'GET /users/{id}');
      eq(byId.body.userPrincipalName, me.userPrincipalName, 'userPrincipalName by id');
    },
  },
  {
    id: 'users.get.unknown-404',
    title: 'An unknown user id is a 404',
    source: { url: SRC.userGet, says: "If a user with the ID doesn't exist, this method returns a 404 Not Found error code." },
    async run(ctx) {
      const res = await ctx.get('/users/6f1e1b1c-0000-4000-8000-00000000dead');
      status(res, 404, 'GET /users/{unknown id}');
    },
  },
  {
    id: 'users.directReports.collection',
    title: 'directReports is a collection of directory objects, each with an id',
    source: { url: SRC.directReports, says: 'GET /me/directReports returns 200 and a collection of directoryObject objects ({"value":[{"id":…}]}).' },
    async run(ctx) {
      const res = await ctx.get('/me/directReports');
      status(res, 200, 'GET /me/directReports');
      ok(Array.isArray(res.body.value), 'value is not an array');
      for (const r of res.body.value) ok(typeof r.id === 'string' && r.id !== '', 'a direct report without id');
    },
  },
  {
    id: 'users.readBasic.basic-profile-only',
    title: 'With only User.ReadBasic.All, another user answers with the basic profile (no jobTitle)',
    source: { url: SRC.permissionsReference, says: 'User.ReadBasic.All constrains access to the basic profile: displayName, givenName, mail, photo, surname, userPrincipalName.' },
    sandboxOnly: 'needs a token that carries only User.ReadBasic.All (the sandbox mints one on demand)',
    async run(ctx) {
      const token = await ctx.sandbox!.token('claire.martin@contoso.example', { scopes: ['User.Read', 'User.ReadBasic.All'], exactScopes: true });
      const res = await ctx.call('GET', '/users/sarah.johnson@contoso.example?$select=displayName,jobTitle,department', { token });
      status(res, 200, 'GET /users/{colleague} with User.ReadBasic.All');
      eq(typeof res.body.displayName, 'string', 'displayName (basic profile)');
      ok(res.body.jobTitle === undefined || res.body.jobTitle === null, `jobTitle came back (${JSON.stringify(res.body.jobTitle)}) outside the basic profile`);
      ok(res.body.department === undefined || res.body.department === null, 'department came back outside the basic profile');
    },
  },
  {
    id: 'users.employeeLeaveDateTime.needs-permission',
    title: 'employeeLeaveDateTime is not returned to a caller without User-LifeCycleInfo.Read.All and a role',
    source: { url: SRC.userGet, says: 'To read employeeLeaveDateTime the signed-in user needs Lifecycle Workflows Administrator or Global Reader and the app User-LifeCycleInfo.Read.All.' },
    sandboxOnly: 'needs the seeded manager who may not read leave dates (paul.girard) and a report with a leave date',
    async run(ctx) {
      const token = await ctx.sandbox!.token('paul.girard@contoso.example');
      const res = await ctx.call('GET', '/me/directReports?$select=displayName,employeeLeaveDateTime', { token });
      status(res, 200, 'GET /me/directReports as a manager without the permission');
      ok(res.body.value.length > 0, 'the seeded manager has reports');
      for (const r of res.body.value) ok(r.employeeLeaveDateTime === undefined || r.employeeLeaveDateTime === null, `leave date of ${r.displayName} leaked`);
    },
  },
  {
    id: 'users.employeeLeaveDateTime.filter-needs-advanced-query',
    title: '$filter on employeeLeaveDateTime without ConsistencyLevel: eventual and $count=true is refused',
    source: {
      url: SRC.advancedQueries,
      says: 'Advanced query capabilities need ConsistencyLevel: eventual and $count; the table of user properties has no row for employeeLeaveDateTime (its sibling employeeHireDate is advanced for every operator): the sandbox takes the harsher reading, as maintainers answer for employeeType (issue 12591).',
    },
    sandboxOnly: 'needs a caller who may read leave dates (the seeded HR partner, nadia.haddad); on a tenant, run with such a token',
    async run(ctx) {
      const token = await ctx.sandbox!.token('nadia.haddad@contoso.example');
      const filter = encodeURIComponent('employeeLeaveDateTime ge 2000-01-01T00:00:00Z');
      const bare = await ctx.call('GET', `/users?$filter=${filter}&$select=id`, { token });
      status(bare, 400, 'GET /users?$filter=employeeLeaveDateTime… without the advanced query parameters');
      eq(bare.body.error?.code, 'Request_UnsupportedQuery', 'error code');
      const headerOnly = await ctx.call('GET', `/users?$filter=${filter}&$select=id`, { token, headers: { ConsistencyLevel: 'eventual' } });
      status(headerOnly, 400, 'with ConsistencyLevel but without $count=true');
      const countOnly = await ctx.call('GET', `/users?$filter=${filter}&$select=id&$count=true`, { token });
      status(countOnly, 400, 'with $count=true but without ConsistencyLevel');
    },
  },
  {
    id: 'users.employeeLeaveDateTime.filter-range',
    title: 'With the advanced query parameters, ge/le on employeeLeaveDateTime lists the users leaving in that window, with @odata.count',
    source: { url: SRC.userResource, says: 'employeeLeaveDateTime (DateTimeOffset): the date and time when the user left or will leave the organization. Supports $filter (eq, ne, not, ge, le, in).' },
    sandboxOnly: 'needs a caller who may read leave dates (the seeded HR partner, nadia.haddad) and seeded leave dates',
    async run(ctx) {
      const token = await ctx.sandbox!.token('nadia.haddad@contoso.example');
      const from = new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
      const to = new Date(Date.now() + 120 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
      const filter = encodeURIComponent(`employeeLeaveDateTime ge ${from} and employeeLeaveDateTime le ${to}`);
      const res = await ctx.call('GET', `/users?$filter=${filter}&$count=true&$select=id,displayName,employeeLeaveDateTime`, { token, headers: { ConsistencyLevel: 'eventual' } });
      status(res, 200, 'GET /users?$filter=employeeLeaveDateTime ge … and … le …&$count=true with ConsistencyLevel');
      ok(res.body.value.length > 0, 'the seeded organisation has departures in the window');
      eq(res.body['@odata.count'], res.body.value.length, '@odata.count (one page)');
      for (const u of res.body.value) {
        const at = Date.parse(u.employeeLeaveDateTime);
        ok(at >= Date.parse(from) && at <= Date.parse(to), `${u.displayName} leaves on ${u.employeeLeaveDateTime}, outside the window`);
      }
      const all = await ctx.call('GET', '/users?$select=id,employeeLeaveDateTime&$top=999', { token });
      const inWindow = all.body.value.filter((u: any) => u.employeeLeaveDateTime && Date.parse(u.employeeLeaveDateTime) >= Date.parse(from) && Date.parse(u.employeeLeaveDateTime) <= Date.parse(to));
      eq(res.body.value.length, inWindow.length, 'every user leaving in the window, no more');
    },
  },
  {
    id: 'users.search.needs-consistencylevel',
    title: '$search on users without ConsistencyLevel: eventual is refused',
    source: { url: SRC.advancedQueries, says: '$search on directory objects is an advanced query: not available by default, the requester must set ConsistencyLevel: eventual.' },
    async run(ctx) {
      const res = await ctx.get(`/users?$search=${encodeURIComponent('"displayName:a"')}`);
      status(res, 400, 'GET /users?$search without ConsistencyLevel');
    },
  },
  {
    id: 'users.search.with-consistencylevel',
    title: '$search="displayName:word" with ConsistencyLevel: eventual finds matching users',
    source: { url: SRC.advancedQueries, says: 'With ConsistencyLevel: eventual, $search="displayName:…" is supported on users (example ~/applications?$search="displayName:Browser").' },
    async run(ctx) {
      const me = await ctx.me();
      const word = me.displayName.split(/\s+/)[0]!;
      const res = await ctx.get(`/users?$search=${encodeURIComponent(`"displayName:${word}"`)}&$select=id,displayName`, { ConsistencyLevel: 'eventual' });
      status(res, 200, 'GET /users?$search with ConsistencyLevel');
      ok(res.body.value.some((u: any) => u.id === me.id), `searching "${word}" did not find the signed-in user`);
      for (const u of res.body.value) ok(String(u.displayName).toLowerCase().includes(word.toLowerCase()), `"${u.displayName}" does not match "${word}"`);
    },
  },
  {
    id: 'users.count.segment-needs-consistencylevel',
    title: '/users/$count works with ConsistencyLevel: eventual and answers a number',
    source: { url: SRC.advancedQueries, says: 'Use of $count as a URL segment (~/groups/$count) is supported only in advanced queries (ConsistencyLevel: eventual).' },
    async run(ctx) {
      const without = await ctx.get('/users/$count');
      status(without, 400, 'GET /users/$count without ConsistencyLevel');
      const res = await ctx.get('/users/$count', { ConsistencyLevel: 'eventual' });
      status(res, 200, 'GET /users/$count with ConsistencyLevel');
      ok(/^\d+$/.test(String(res.body).trim()) && Number(String(res.body).trim()) >= 1, `not a count: ${JSON.stringify(res.body)}`);
    },
  },
];
