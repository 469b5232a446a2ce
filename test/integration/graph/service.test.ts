import type { Sandbox } from '../../../sandbox/index';
import { createSandbox } from '../../../sandbox/index';
import { createSandboxTokenProvider } from '../../../src/auth';
import { isoDate } from '../../../src/domain/types';
import { createAuRevoirService } from '../../../src/workflows';
import { makePlan, PLAN_DATES } from '../workflows/helpers';

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
const service = (user = MANAGER) =>
  createAuRevoirService({ graphBaseUrl: sandbox.graphUrl, tokenProvider: createSandboxTokenProvider({ sandboxUrl: sandbox.url, user }) });

test('me, mailbox settings (Windows zone mapped to IANA) and working hours', async () => {
  const svc = service();
  const me = await svc.me();
  expect(me).toEqual(expect.objectContaining({ displayName: 'Claire Martin', mail: MANAGER }));
  const settings = await svc.mailboxSettings();
  expect(settings.timeZone).toBe('Europe/Paris');
  expect(settings.workingHours).toEqual(expect.objectContaining({ startTime: '09:00', endTime: '18:00', timeZone: 'Europe/Paris' }));
  expect(settings.workingHours.daysOfWeek).toContain('monday');
});

test('departures: direct reports, with leave dates when this manager may read them', async () => {
  const deps = await service().departures();
  expect(deps.length).toBeGreaterThanOrEqual(5);
  const emilie = deps.find((d) => d.person.mail.startsWith('emilie.laurent'));
  expect(emilie?.source).toBe('directReport');
  expect(emilie?.lastWorkingDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(emilie?.state).toBe('notPlanned');
});

test('people search with $search and ConsistencyLevel, including a quote in the query', async () => {
  const svc = service();
  const found = await svc.searchPeople('Laurent');
  expect(found.map((p) => p.displayName)).toContain('Émilie Laurent');
  await expect(svc.searchPeople('O"Brien \' or 1')).resolves.toEqual(expect.any(Array));
  expect(await svc.searchPeople('a')).toEqual([]);
});

test('slots before the last day, and a slot check that names who is busy', async () => {
  const svc = service();
  const now = new Date(Date.now() + 86_400_000);
  const before = isoDate(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  const slots = await svc.suggestSlots({ attendeeEmail: 'emilie.laurent@contoso.example', before, durationMinutes: 60, now });
  expect(slots.length).toBeGreaterThan(0);
  for (const s of slots) {
    expect(Date.parse(s.start)).toBeGreaterThanOrEqual(now.getTime() + 60 * 60_000); // an hour's notice at least
    expect(Date.parse(s.end) - Date.parse(s.start)).toBe(60 * 60_000);
    expect(s.start.endsWith('Z')).toBe(true);
  }
  const first = slots[0]!;
  const check = await svc.checkSlot({ attendeeEmail: 'emilie.laurent@contoso.example', start: first.start, end: first.end });
  expect(check).toEqual({ free: true, busy: [], unknown: [] });
  // An address Exchange cannot resolve answers with a freeBusyError: that slot is unknown, never free.
  const stranger = await svc.checkSlot({ attendeeEmail: 'someone@elsewhere.example', start: first.start, end: first.end });
  expect(stranger).toEqual({ free: false, busy: [], unknown: ['someone@elsewhere.example'] });
  expect(await svc.suggestSlots({ attendeeEmail: 'x@y.z', before: isoDate('2000-01-01'), durationMinutes: 30, now })).toEqual([]);
});

test('a booked conversation shows in departures, and its slot is then reported busy for both', async () => {
  const svc = service();
  const leaver = sandbox.store.user('lea.dubois@contoso.example')!;
  const plan = makePlan(sandbox, {}, 'lea.dubois@contoso.example');
  const receipt = await svc.bookPlan(plan);
  expect(receipt.complete).toBe(true);
  const deps = await svc.departures();
  const lea = deps.find((d) => d.person.id === leaver.id);
  expect(lea).toEqual(expect.objectContaining({ state: 'booked', planId: plan.id }));
  // A half hour inside the conversation (14:00 in Paris), asked in UTC as the wizard asks.
  const utc = (minutes: number) => PLAN_DATES.conversation.plus({ minutes }).toUTC().toISO({ suppressMilliseconds: true })!;
  const check = await svc.checkSlot({ attendeeEmail: leaver.mail, start: utc(15), end: utc(45) });
  expect(check.free).toBe(false);
  expect(check.busy.map((b) => b.toLowerCase()).sort()).toEqual([leaver.mail.toLowerCase(), MANAGER].sort());
});

test('an expired or invalid token is an AppError the UI can act on', async () => {
  const svc = createAuRevoirService({ graphBaseUrl: sandbox.graphUrl, tokenProvider: { getToken: async () => 'not-a-token' } });
  await expect(svc.me()).rejects.toMatchObject({ name: 'AppError', code: 'graph.unauthorized', status: 401, graphCode: 'InvalidAuthenticationToken' });
});
