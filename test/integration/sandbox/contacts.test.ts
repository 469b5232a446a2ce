// Conformance: contacts, contact folders, contact photos, master categories and mailbox settings.
import { initialsPng } from '../../../sandbox/photos';
import type { Sandbox } from '../../../sandbox/index';
import { client, q, start } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

const PROP = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name AuRevoirAlumni';

// The docs' "Create contact" example.
const pavel = {
  givenName: 'Pavel',
  surname: 'Bansky',
  emailAddresses: [{ address: 'pavelb@fabrikam.example', name: 'Pavel Bansky' }],
  businessPhones: ['+1 732 555 0102'],
};

describe('contacts', () => {
  it('POST /me/contacts → 201 with Location, displayName derived, parentFolderId set', async () => {
    const c = client(sb);
    const res = await c.post('/me/contacts', pavel);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toContain(`/Contacts('${res.body.id}')`);
    expect(res.body).toMatchObject({ givenName: 'Pavel', surname: 'Bansky', displayName: 'Pavel Bansky', businessPhones: ['+1 732 555 0102'], emailAddresses: [{ address: 'pavelb@fabrikam.example', name: 'Pavel Bansky' }] });
    expect(res.body['@odata.etag']).toBe(`W/"${res.body.changeKey}"`);
    expect(typeof res.body.parentFolderId).toBe('string');
  });

  it('GET, PATCH (mobilePhone, homePhones, personalNotes, categories) and DELETE', async () => {
    const c = client(sb);
    const created = await c.post('/me/contacts', { ...pavel, givenName: 'Ana' });
    const patched = await c.patch(`/me/contacts/${created.body.id}`, {
      mobilePhone: '+33 6 11 22 33 44',
      homePhones: ['+33 1 23 45 67 89'],
      businessHomePage: 'https://www.linkedin.com/in/ana',
      personalNotes: 'Partie chez Fabrikam',
      categories: ['Au revoir'],
      companyName: 'Fabrikam',
    });
    expect(patched.status).toBe(200);
    const got = await c.get(`/me/contacts/${created.body.id}?$select=mobilePhone,homePhones,personalNotes,categories,companyName,businessHomePage`);
    const { '@odata.context': _ctx, '@odata.etag': _tag, ...rest } = got.body;
    expect(rest).toEqual({ id: created.body.id, mobilePhone: '+33 6 11 22 33 44', homePhones: ['+33 1 23 45 67 89'], personalNotes: 'Partie chez Fabrikam', categories: ['Au revoir'], companyName: 'Fabrikam', businessHomePage: 'https://www.linkedin.com/in/ana' });
    expect((await c.del(`/me/contacts/${created.body.id}`)).status).toBe(204);
    expect((await c.get(`/me/contacts/${created.body.id}`)).status).toBe(404);
  });

  it('filters by extended property and expands it; unknown filter property → 400', async () => {
    const c = client(sb);
    const created = await c.post('/me/contacts', { ...pavel, givenName: 'Tagged', singleValueExtendedProperties: [{ id: PROP, value: 'alumni-7' }] });
    const res = await c.get(`/me/contacts?$filter=${q(`singleValueExtendedProperties/Any(ep: ep/id eq '${PROP}' and ep/value eq 'alumni-7')`)}&$expand=${q(`singleValueExtendedProperties($filter=id eq '${PROP}')`)}`);
    expect(res.body.value.map((x: { id: string }) => x.id)).toEqual([created.body.id]);
    expect(res.body.value[0].singleValueExtendedProperties).toEqual([{ id: PROP, value: 'alumni-7' }]);
    const bad = await c.get(`/me/contacts?$filter=${q("nickname2 eq 'x'")}`);
    expect(bad.status).toBe(400);
  });

  it('PUT /me/contacts/{id}/photo/$value stores the image; GET .../photo/$value returns it', async () => {
    const c = client(sb);
    const created = await c.post('/me/contacts', pavel);
    const none = await c.get(`/me/contacts/${created.body.id}/photo/$value`);
    expect(none.status).toBe(404);
    const png = initialsPng('PB', 3, 48);
    const put = await fetch(`${sb.graphUrl}/me/contacts/${created.body.id}/photo/$value`, { method: 'PUT', headers: { Authorization: `Bearer ${c.token}`, 'Content-Type': 'image/png' }, body: new Uint8Array(png) });
    expect(put.status).toBe(200);
    const got = await fetch(`${sb.graphUrl}/me/contacts/${created.body.id}/photo/$value`, { headers: { Authorization: `Bearer ${c.token}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);
    const notImage = await fetch(`${sb.graphUrl}/me/contacts/${created.body.id}/photo/$value`, { method: 'PUT', headers: { Authorization: `Bearer ${c.token}`, 'Content-Type': 'image/jpeg' }, body: 'hello' });
    expect(notImage.status).toBe(400);
  });
});

describe('contact folders', () => {
  it('creates a folder, adds a contact in it, lists it there and not in /me/contacts', async () => {
    const c = client(sb);
    const folder = await c.post('/me/contactFolders', { displayName: 'Anciens collègues' });
    expect(folder.status).toBe(201);
    expect(folder.body.displayName).toBe('Anciens collègues');
    const dup = await c.post('/me/contactFolders', { displayName: 'Anciens collègues' });
    expect(dup.status).toBe(409);
    const inFolder = await c.post(`/me/contactFolders/${folder.body.id}/contacts`, { givenName: 'Marie', surname: 'Curie' });
    expect(inFolder.status).toBe(201);
    expect(inFolder.body.parentFolderId).toBe(folder.body.id);
    const list = await c.get(`/me/contactFolders/${folder.body.id}/contacts`);
    expect(list.body.value.map((x: { displayName: string }) => x.displayName)).toEqual(['Marie Curie']);
    const root = await c.get(`/me/contacts?$top=100&$filter=${q("givenName eq 'Marie'")}`);
    expect(root.body.value).toHaveLength(0);
    const folders = await c.get('/me/contactFolders');
    expect(folders.body.value.map((f: { displayName: string }) => f.displayName)).toContain('Anciens collègues');
  });
});

describe('master categories', () => {
  it('GET lists the presets; POST creates (201); a duplicate displayName is refused; DELETE → 204', async () => {
    const c = client(sb);
    const list = await c.get('/me/outlook/masterCategories');
    expect(list.status).toBe(200);
    expect(list.body.value.length).toBeGreaterThan(0);
    const created = await c.post('/me/outlook/masterCategories', { displayName: 'Au revoir', color: 'preset9' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: 'Au revoir', color: 'preset9' });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const dup = await c.post('/me/outlook/masterCategories', { displayName: 'au revoir', color: 'preset1' });
    expect(dup.status).toBe(409);
    const found = await c.get(`/me/outlook/masterCategories?$filter=${q("displayName eq 'Au revoir'")}&$select=id,displayName`);
    expect(found.body.value).toEqual([{ id: created.body.id, displayName: 'Au revoir' }]);
    const none = await c.get(`/me/outlook/masterCategories?$filter=${q("displayName eq 'Nope'")}`);
    expect(none.body.value).toEqual([]);
    const badColor = await c.post('/me/outlook/masterCategories', { displayName: 'Other', color: 'purple' });
    expect(badColor.status).toBe(400);
    expect((await c.del(`/me/outlook/masterCategories/${created.body.id}`)).status).toBe(204);
    const after = await c.get('/me/outlook/masterCategories');
    expect(after.body.value.some((x: { displayName: string }) => x.displayName === 'Au revoir')).toBe(false);
  });
});

describe('mailbox settings', () => {
  it('GET returns timeZone and workingHours; PATCH changes them; GET .../timeZone reads one', async () => {
    const c = client(sb);
    const got = await c.get('/me/mailboxSettings');
    expect(got.status).toBe(200);
    expect(got.body.timeZone).toBe('Romance Standard Time');
    expect(got.body.workingHours).toEqual({
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '09:00:00.0000000',
      endTime: '18:00:00.0000000',
      timeZone: { name: 'Romance Standard Time' },
    });
    const patched = await c.patch('/me/mailboxSettings', { timeZone: 'Europe/Paris', workingHours: { startTime: '08:30:00.0000000', endTime: '17:00:00.0000000' } });
    expect(patched.status).toBe(200);
    expect(patched.body.timeZone).toBe('Europe/Paris');
    expect(patched.body.workingHours.startTime).toBe('08:30:00.0000000');
    const selected = await c.get('/me/mailboxSettings?$select=timeZone,workingHours');
    expect(Object.keys(selected.body).sort()).toEqual(['@odata.context', 'timeZone', 'workingHours']);
    const tz = await c.get('/me/mailboxSettings/timeZone');
    expect(tz.body.value).toBe('Europe/Paris');
    const bad = await c.patch('/me/mailboxSettings', { timeZone: 'Atlantis/Capital' });
    expect(bad.status).toBe(400);
  });
});
