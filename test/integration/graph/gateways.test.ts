import type { Sandbox } from '../../../sandbox/index';
import { createSandbox } from '../../../sandbox/index';
import { createSandboxTokenProvider } from '../../../src/auth';
import { ianaTimeZone, localDateTime } from '../../../src/domain/types';
import {
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
  const first = await calendar.ensureCategory('Au revoir', 'preset4');
  const again = await calendar.ensureCategory('Au revoir', 'preset4');
  expect([first, again]).toEqual(['created', 'existed']);
  expect((await calendar.categories()).filter((c) => c === 'Au revoir')).toHaveLength(1);
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
