// Delegated scopes decide what comes back: tokens carry `scp` (space-separated, as Entra's v2 access
// tokens), each route checks it against its page's permission table, and directory properties beyond what
// the scopes reach come back null. Sources are named in sandbox/permissions.ts.
import type { Sandbox } from '../../../sandbox/index';
import { APP_SCOPES } from '../../../sandbox/permissions';
import { CLAIRE, EMILIE, PAUL, client, start } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

/** A test client whose token has exactly these scopes (no tenant-granted extras). */
const withScopes = (scopes: string[], upn = CLAIRE) => client(sb, upn, { Authorization: `Bearer ${sb.token(upn, { scopes, exactScopes: true })}` });
const payloadOf = (token: string): { scp?: string } => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { scp?: string };

describe('tokens carry scopes', () => {
  it('POST /sandbox/token: the app’s scopes by default, plus what the demo tenant granted; `scope` says which', async () => {
    const res = await fetch(`${sb.url}/sandbox/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: CLAIRE }) });
    const body = (await res.json()) as { access_token: string; scope: string };
    expect(payloadOf(body.access_token).scp).toBe(body.scope);
    expect(body.scope.split(' ')).toEqual([...APP_SCOPES, 'User-LifeCycleInfo.Read.All']);
    const asked = await fetch(`${sb.url}/sandbox/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: CLAIRE, scopes: ['User.Read'], exactScopes: true }),
    });
    expect(((await asked.json()) as { scope: string }).scope).toBe('User.Read');
    const bad = await fetch(`${sb.url}/sandbox/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: CLAIRE, scopes: 'User.Read' }) });
    expect(bad.status).toBe(400);
  });
});

describe('routes are gated as their permission tables say', () => {
  const outlookDenied = { error: expect.objectContaining({ code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' }) };
  const directoryDenied = { error: expect.objectContaining({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' }) };

  it('events: Calendars.ReadBasic reads, only Calendars.ReadWrite writes; User.Read alone reads nothing', async () => {
    expect(await withScopes(['User.Read']).get('/me/events?$top=1')).toEqual(expect.objectContaining({ status: 403, body: outlookDenied }));
    const reader = withScopes(['Calendars.ReadBasic']);
    expect((await reader.get('/me/events?$top=1')).status).toBe(200);
    expect((await reader.get('/me/calendar')).status).toBe(200);
    const post = await reader.post('/me/events', { subject: 'x', start: { dateTime: '2027-01-05T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2027-01-05T10:30:00', timeZone: 'UTC' } });
    expect(post).toEqual(expect.objectContaining({ status: 403, body: outlookDenied }));
  });

  it('findMeetingTimes needs a Calendars.*.Shared scope; getSchedule Calendars.Read or ReadWrite', async () => {
    const body = { attendees: [{ type: 'required', emailAddress: { address: EMILIE } }], meetingDuration: 'PT30M' };
    expect((await withScopes(['Calendars.ReadWrite']).post('/me/findMeetingTimes', body)).status).toBe(403);
    expect((await withScopes(['Calendars.Read.Shared']).post('/me/findMeetingTimes', body)).status).toBe(200);
    const sched = { schedules: [EMILIE], startTime: { dateTime: '2027-01-05T08:00:00', timeZone: 'UTC' }, endTime: { dateTime: '2027-01-05T18:00:00', timeZone: 'UTC' } };
    expect(await withScopes(['Calendars.ReadBasic']).post('/me/calendar/getSchedule', sched)).toEqual(expect.objectContaining({ status: 403, body: outlookDenied }));
    expect((await withScopes(['Calendars.Read']).post('/me/calendar/getSchedule', sched)).status).toBe(200);
  });

  it('contacts: Contacts.Read reads, Contacts.ReadWrite writes', async () => {
    const reader = withScopes(['Contacts.Read']);
    expect((await reader.get('/me/contacts?$top=1')).status).toBe(200);
    expect(await reader.post('/me/contacts', { givenName: 'Nope' })).toEqual(expect.objectContaining({ status: 403, body: outlookDenied }));
    expect((await withScopes(['Calendars.ReadWrite']).get('/me/contacts')).status).toBe(403);
  });

  it('master categories and mailbox settings: MailboxSettings.Read reads, MailboxSettings.ReadWrite writes', async () => {
    const reader = withScopes(['MailboxSettings.Read']);
    expect((await reader.get('/me/outlook/masterCategories')).status).toBe(200);
    expect((await reader.get('/me/mailboxSettings')).status).toBe(200);
    expect(await reader.post('/me/outlook/masterCategories', { displayName: 'Nope', color: 'preset5' })).toEqual(
      expect.objectContaining({ status: 403, body: outlookDenied }),
    );
    expect((await withScopes(['User.Read']).get('/me/mailboxSettings')).status).toBe(403);
  });

  it('the directory: /users needs User.ReadBasic.All or higher; /me only User.Read', async () => {
    const self = withScopes(['User.Read']);
    expect(await self.get('/users?$top=1')).toEqual(expect.objectContaining({ status: 403, body: directoryDenied }));
    expect(await self.get(`/users/${EMILIE}`)).toEqual(expect.objectContaining({ status: 403, body: directoryDenied }));
    const me = await self.get('/me');
    expect(me.status).toBe(200);
    expect(me.body.jobTitle).toBe('Responsable ingénierie');
    expect((await withScopes(['User.ReadBasic.All']).get('/users?$top=1')).status).toBe(200);
  });

  it('a $batch item is held to the scopes of the batch’s token', async () => {
    const res = await withScopes(['User.Read']).post('/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/me' },
        { id: '2', method: 'GET', url: '/me/events?$top=1' },
      ],
    });
    expect(res.status).toBe(200);
    const byId = new Map(res.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    expect(byId.get('1')).toBe(200);
    expect(byId.get('2')).toBe(403);
  });
});

describe('what the scopes reach of other users', () => {
  it('User.ReadBasic.All: the basic profile; the rest of the default set is null, not the real value', async () => {
    const res = await withScopes(['User.ReadBasic.All']).get(`/users/${EMILIE}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.objectContaining({ displayName: 'Émilie Laurent', givenName: 'Émilie', surname: 'Laurent', mail: EMILIE, userPrincipalName: EMILIE, jobTitle: null, officeLocation: null, mobilePhone: null, preferredLanguage: null, businessPhones: [] }),
    );
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const full = await withScopes(['User.Read.All']).get(`/users/${EMILIE}`);
    expect(full.body.jobTitle).toBe('Designer produit');
  });

  it('leave dates need User-LifeCycleInfo.Read.All and an admin-like role, both', async () => {
    const select = '/me/directReports?$select=displayName,employeeLeaveDateTime';
    const dated = (r: { body: { value: Array<{ employeeLeaveDateTime: string | null }> } }) => r.body.value.filter((u) => u.employeeLeaveDateTime !== null).length;
    expect(dated(await withScopes([...APP_SCOPES]).get(select))).toBe(0);
    expect(dated(await withScopes([...APP_SCOPES, 'User-LifeCycleInfo.Read.All']).get(select))).toBe(2);
    // Paul has the scope but not the role.
    expect(dated(await withScopes([...APP_SCOPES, 'User-LifeCycleInfo.Read.All'], PAUL).get(select))).toBe(0);
    expect((await withScopes([...APP_SCOPES]).get(`/users?$filter=employeeLeaveDateTime ge 2020-01-01T00:00:00Z`, { ConsistencyLevel: 'eventual' })).status).toBe(403);
  });
});
