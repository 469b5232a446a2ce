import type { Sandbox } from '../../../sandbox/index';
import { createSandbox } from '../../../sandbox/index';
import { createSandboxTokenProvider } from '../../../src/auth';
import { ianaTimeZone, localDateTime } from '../../../src/domain/types';
import {
  createBookingGateway,
  createCalendarGateway,
  createContactsGateway,
  createDirectoryGateway,
  createGraphClient,
} from '../../../src/graph';

// Real HTTP against an in-process sandbox: generous per-test time on a busy shared machine.
jest.setTimeout(30_000);

const MANAGER = 'claire.martin@contoso.example';
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox({ port: 0, dataFile: null });
});
afterAll(async () => {
  await sandbox.close();
});
const gateways = () => {
  const graph = createGraphClient({ baseUrl: sandbox.graphUrl, tokenProvider: createSandboxTokenProvider({ sandboxUrl: sandbox.url, user: MANAGER }) });
  return { graph, directory: createDirectoryGateway(graph), calendar: createCalendarGateway(graph), contacts: createContactsGateway(graph) };
};

test('directory photos come back as data URLs; no photo is undefined, not an error', async () => {
  const { directory } = gateways();
  const emilie = sandbox.store.user('emilie.laurent@contoso.example')!;
  const hugo = sandbox.store.user('hugo.petit@contoso.example')!;
  expect(await directory.photoDataUrl(emilie.id)).toMatch(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/);
  expect(await directory.photoDataUrl(hugo.id)).toBeUndefined();
});

test('the category is created once; asking again says it existed', async () => {
  sandbox.reset();
  const { calendar } = gateways();
  const first = await calendar.ensureCategory('Au revoir', 'preset5');
  const again = await calendar.ensureCategory('Au revoir', 'preset5');
  expect([first, again]).toEqual(['created', 'existed']);
  expect((await calendar.categories()).filter((c) => c === 'Au revoir')).toHaveLength(1);
});

test('a category refused on create (any 4xx, a duplicate is not documented as 409) is looked up by name, then known for the session', async () => {
  sandbox.reset();
  await gateways().calendar.ensureCategory('Au revoir', 'preset5');
  // A new session: the category exists, the gateway does not know it yet.
  const { graph, calendar } = gateways();
  sandbox.clearLog();
  expect(await calendar.ensureCategory('Au revoir', 'preset5')).toBe('existed');
  expect(sandbox.log().map((e) => `${e.method} ${e.status} ${e.path.split('?')[0]}`)).toEqual([
    'POST 409 /me/outlook/masterCategories',
    'GET 200 /me/outlook/masterCategories',
  ]);
  sandbox.clearLog();
  expect(await calendar.ensureCategory('Au revoir', 'preset5')).toBe('existed');
  expect(sandbox.log()).toEqual([]);

  // The booking gateway: the lookup rides in the same $batch as the POST, one round trip.
  const booking = createBookingGateway(graph);
  const op = { key: 'category', kind: 'category', name: 'Au revoir', color: 'preset5' } as const;
  sandbox.clearLog();
  expect(await booking.submit([op], { layout: 'sequential' })).toEqual([{ key: 'category', ok: true, createdNow: false }]);
  expect(sandbox.log().filter((e) => e.roundTrip)).toHaveLength(1);
  expect(sandbox.log().filter((e) => !e.roundTrip).map((e) => `${e.method} ${e.status}`)).toEqual(['GET 200', 'POST 409']);
  sandbox.clearLog();
  expect(await booking.submit([op])).toEqual([{ key: 'category', ok: true, createdNow: false }]);
  expect(sandbox.log()).toEqual([]);
});

test('events: create, read in UTC, patch, delete (a second delete is not an error)', async () => {
  const { calendar } = gateways();
  const created = await calendar.createEvent({
    subject: "Point d'étape",
    bodyHtml: '<p>x</p>',
    start: localDateTime('2027-01-12T10:00'),
    end: localDateTime('2027-01-12T10:30'),
    timeZone: ianaTimeZone('Europe/Paris'),
    categories: ['Au revoir'],
    showAs: 'free',
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    tags: { planId: "plan-o'brien", role: 'touchpoint:0', kind: 'call' },
  });
  const planEvents = await calendar.planEvents("plan-o'brien");
  expect(planEvents.map((e) => [e.id, e.role, e.kind, e.start?.slice(0, 16)])).toEqual([[created.id, 'touchpoint:0', 'call', '2027-01-12T09:00']]);
  await calendar.updateEvent(created.id, { start: { dateTime: '2027-01-13T10:00:00', timeZone: 'Europe/Paris' }, end: { dateTime: '2027-01-13T10:30:00', timeZone: 'Europe/Paris' } });
  expect((await calendar.planEvents("plan-o'brien"))[0]?.start?.slice(0, 16)).toBe('2027-01-13T09:00');
  await calendar.deleteEvent(created.id);
  await calendar.deleteEvent(created.id);
  expect(await calendar.planEvents("plan-o'brien")).toEqual([]);
});

test('contacts: tagged ones are found, notes updated, photo set and detected', async () => {
  const { contacts } = gateways();
  const c = await contacts.createContact({
    displayName: 'Léa Dubois',
    emails: [{ address: 'lea@example.org', name: 'Léa Dubois' }],
    personalNotes: '',
    categories: ['Au revoir'],
    tags: { planId: 'plan-c', role: 'contact' },
  });
  expect((await contacts.appContacts()).map((x) => x.id)).toContain(c.id);
  expect((await contacts.planContacts('plan-c')).map((x) => x.id)).toEqual([c.id]);
  expect(await contacts.hasPhoto(c.id)).toBe(false);
  const png = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
  await contacts.setPhoto(c.id, { contentType: 'image/png', bytes: png });
  expect(await contacts.hasPhoto(c.id)).toBe(true);
  await contacts.updateContact(c.id, { personalNotes: 'Notes' });
  expect((await contacts.getContact(c.id)).personalNotes).toBe('Notes');
});

test('free/busy has three answers: free, busy, and unknown for an address Graph cannot read', async () => {
  const { calendar } = gateways();
  const emilie = 'emilie.laurent@contoso.example';
  // A Sunday night in Paris: nobody's working hours, nothing booked.
  const night = { startUtc: '2027-01-10T01:00:00Z', endUtc: '2027-01-10T01:30:00Z' };
  const res = await calendar.freeBusy({ emails: [MANAGER, emilie, 'someone@elsewhere.example'], ...night });
  expect(res).toEqual([
    { email: MANAGER, availability: 'free' },
    { email: emilie, availability: 'free' },
    { email: 'someone@elsewhere.example', availability: 'unknown' },
  ]);
  const ev = await calendar.createEvent({
    subject: 'free/busy probe',
    bodyHtml: '',
    start: localDateTime('2027-01-10T02:00'),
    end: localDateTime('2027-01-10T03:00'),
    timeZone: ianaTimeZone('Europe/Paris'),
    categories: [],
    showAs: 'busy',
    isReminderOn: false,
    tags: { planId: 'freebusy-probe', role: 'prep' },
  });
  try {
    const after = await calendar.freeBusy({ emails: [MANAGER], ...night });
    expect(after).toEqual([{ email: MANAGER, availability: 'busy' }]);
  } finally {
    await calendar.deleteEvent(ev.id);
  }
});

test('with the app’s scopes, other people come back as the basic profile: no job title, and nothing breaks', async () => {
  const { directory } = gateways();
  const me = await directory.me();
  expect(me.jobTitle).toBe('Responsable ingénierie');
  const found = await directory.searchPeople('Laurent');
  const emilie = found.find((p) => p.mail === 'emilie.laurent@contoso.example');
  expect(emilie).toEqual({ id: expect.any(String), displayName: 'Émilie Laurent', mail: 'emilie.laurent@contoso.example' });
  const reports = await directory.directReports();
  expect(reports.length).toBeGreaterThanOrEqual(5);
  expect(reports.every((r) => r.jobTitle === undefined)).toBe(true);
});
