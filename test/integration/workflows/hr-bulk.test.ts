// The HR partner at scale (issue 12), over real HTTP against the sandbox, through the service the screen
// uses: ten departures across the organisation, one agenda and one rhythm, one of them failing on the
// first run; the other nine complete, a second run finishes the tenth, and the HR partner's mailbox, read
// back with Graph directly, holds each object exactly once.
import type { Sandbox } from '../../../sandbox/index';
import { defaultAgenda } from '../../../src/domain/agenda';
import { CADENCE_PRESETS } from '../../../src/domain/cadence';
import type { Plan } from '../../../src/domain/plan/model';
import { PLAN_TAG_ID, ROLE_TAG_ID } from '../../../src/graph';
import { bulkPlanId, wantedObjects, type BulkPlanResult, type BookingProgress, type OrgDeparture } from '../../../src/workflows';
import { assignSlots, bulkPlan, type BulkSettings } from '../../../src/apps/tab/bulk/plans';
import { serviceFor, startSandbox } from './helpers';

jest.setTimeout(120_000);

const NADIA = 'nadia.haddad@contoso.example';
const DOMAIN = '@contoso.example';
// Four leave dates are seeded; the HR system gives six more people one (set on the store, as Entra would hold them).
const MORE_LEAVERS: Array<[string, number]> = [['sarah.johnson', 15], ['thomas.bernard', 19], ['james.wilson', 26], ['hugo.petit', 33], ['emily.carter', 38], ['priya.sharma', 45]];

let sandbox: Sandbox;
beforeAll(async () => {
  // Exchange's limits: 4 concurrent requests per mailbox, 429 with Retry-After beyond.
  sandbox = await startSandbox({ throttle: { maxConcurrentPerMailbox: 4, retryAfterSeconds: 0 } });
});
afterAll(async () => {
  await sandbox.close();
});

const setLeaveDates = (): void => {
  for (const [upn, days] of MORE_LEAVERS) {
    const u = sandbox.store.user(`${upn}${DOMAIN}`)!;
    u.employeeLeaveDateTime = new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  }
};

/** Graph read as the HR partner, directly (not through the app's gateways). */
const asNadia = async (path: string): Promise<any> => {
  const res = await fetch(`${sandbox.graphUrl}${path}`, { headers: { Authorization: `Bearer ${sandbox.token(NADIA)}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
};

const allAppEvents = async (): Promise<Array<{ planId: string; role: string; attendees: string[] }>> => {
  const out: Array<{ planId: string; role: string; attendees: string[] }> = [];
  const expand = encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${PLAN_TAG_ID}' or id eq '${ROLE_TAG_ID}')`);
  let next: string | null = `/me/events?$top=500&$select=id,attendees&$expand=${expand}`;
  while (next) {
    const page: any = await asNadia(next);
    for (const e of page.value) {
      const tag = (id: string) => e.singleValueExtendedProperties?.find((p: any) => p.id.toLowerCase() === id.toLowerCase())?.value;
      if (tag(PLAN_TAG_ID)) out.push({ planId: tag(PLAN_TAG_ID), role: tag(ROLE_TAG_ID), attendees: (e.attendees ?? []).map((a: any) => a.emailAddress.address.toLowerCase()) });
    }
    next = page['@odata.nextLink'] ? String(page['@odata.nextLink']).slice(sandbox.graphUrl.length) : null;
  }
  return out;
};

const BULK: BulkSettings = { agenda: defaultAgenda('fr'), cadence: CADENCE_PRESETS.quarterly, reconnect: true, durationMinutes: 45, place: { kind: 'teams' } };

test('the HR partner lists the organisation’s departures with their managers; a manager without the role gets none', async () => {
  sandbox.reset();
  setLeaveDates();
  const org = await serviceFor(sandbox, NADIA).organisationDepartures!({ now: new Date(), withinDays: 90 });
  expect(org.canReadLeaveDates).toBe(true);
  expect(org.departures.map((d) => d.person.mail).sort()).toEqual(
    ['emilie.laurent', 'lea.dubois', 'julien.moreau', 'arjun.rao', ...MORE_LEAVERS.map(([u]) => u)].map((u) => `${u}${DOMAIN}`).sort(),
  );
  const managerOf = (upn: string) => org.departures.find((d) => d.person.mail === `${upn}${DOMAIN}`)?.manager?.mail;
  expect(managerOf('julien.moreau')).toBe(`paul.girard${DOMAIN}`);
  expect(managerOf('emilie.laurent')).toBe(`claire.martin${DOMAIN}`);
  expect(managerOf('priya.sharma')).toBeUndefined();
  // Sorted by last day, soonest first.
  const days = org.departures.map((d) => d.lastWorkingDay);
  expect(days).toEqual([...days].sort());

  const paul = await serviceFor(sandbox, `paul.girard${DOMAIN}`).organisationDepartures!({ now: new Date(), withinDays: 90 });
  expect(paul).toEqual({ canReadLeaveDates: false, departures: [] });
});

test('10 departures, one failing: 9 booked, a second run finishes the tenth, each object exactly once in her mailbox', async () => {
  sandbox.reset();
  setLeaveDates();
  const svc = serviceFor(sandbox, NADIA);
  const now = new Date();
  const [me, settings, org] = await Promise.all([svc.me(), svc.mailboxSettings(), svc.organisationDepartures!({ now, withinDays: 90 })]);
  expect(org.departures).toHaveLength(10);
  const suggestions = await Promise.all(
    org.departures.map(async (departure: OrgDeparture) => ({
      departure,
      suggestions: await svc.suggestSlots({ attendeeEmail: departure.person.mail, before: departure.lastWorkingDay, durationMinutes: BULK.durationMinutes, now }),
    })),
  );
  const slots = assignSlots(suggestions, me, settings, now);
  expect(slots.size).toBe(10);
  const plans: Plan[] = org.departures.map((d) =>
    bulkPlan({ departure: d, planId: bulkPlanId(me.mail, d.person.id, d.lastWorkingDay), slot: slots.get(d.person.id)! }, me, settings, BULK),
  );
  // Never two conversations at once for the organiser.
  const starts = plans.map((p) => p.conversation.start);
  expect(new Set(starts).size).toBe(10);

  // One departure's invite keeps failing (500) for the whole first run; nothing else is touched. (Hugo
  // manages nobody, so his address is in no other plan's invite.)
  const tenth = plans.find((p) => p.leaver.workEmail === `hugo.petit${DOMAIN}`)!;
  const others = plans.filter((p) => p !== tenth);
  sandbox.setFaults([{ match: { method: 'POST', path: '^/me/events$', body: tenth.leaver.workEmail.replace(/\./g, '\\.') }, action: { status: 500 }, times: 1000 }]);
  const perPlan = new Map<string, BookingProgress[]>();
  const done: BulkPlanResult[] = [];
  const first = await svc.bookPlans!(plans, {
    onPlanProgress: (id, p) => perPlan.set(id, [...(perPlan.get(id) ?? []), p]),
    onPlanDone: (r) => done.push(r),
  });
  expect(sandbox.log().filter((e) => e.fault !== undefined).length).toBeGreaterThan(0);
  const ok = (r: BulkPlanResult) => 'receipt' in r && r.receipt.complete;
  expect(first.filter(ok).map((r) => r.planId).sort()).toEqual(others.map((p) => p.id).sort());
  const failed = first.find((r) => r.planId === tenth.id)!;
  expect(ok(failed)).toBe(false);
  if ('receipt' in failed) expect(failed.receipt.missing).toContain('conversation');
  expect(done).toHaveLength(10);
  // Every plan reported its own progress, ending with all its objects for the nine.
  for (const p of others) {
    const last = perPlan.get(p.id)?.at(-1);
    expect(last).toEqual(expect.objectContaining({ done: last?.total }));
  }

  sandbox.setFaults([]);
  const second = await svc.bookPlans!(plans);
  expect(second.every(ok)).toBe(true);

  // Read back directly: every (plan, role) once, as many as the plans asked for, the managers invited.
  const events = (await allAppEvents()).filter((e) => plans.some((p) => p.id === e.planId));
  const keys = events.map((e) => `${e.planId}|${e.role}`);
  expect(new Set(keys).size).toBe(keys.length);
  const wanted = plans.flatMap((p) => wantedObjects(p).filter((w) => w.op?.kind === 'event').map((w) => `${p.id}|${w.key}`));
  expect(keys.sort()).toEqual(wanted.sort());
  const conversations = events.filter((e) => e.role === 'conversation');
  expect(conversations).toHaveLength(10);
  const julien = plans.find((p) => p.leaver.workEmail === `julien.moreau${DOMAIN}`)!;
  expect(conversations.find((e) => e.planId === julien.id)!.attendees).toEqual(expect.arrayContaining([`julien.moreau${DOMAIN}`, `paul.girard${DOMAIN}`]));
  // No contact: a bulk plan cannot collect the leaver's consent.
  const contacts = await asNadia('/me/contacts?$select=id&$top=500');
  expect(contacts.value).toHaveLength(0);

  // A third run (another day, another device: same plan ids) creates nothing more.
  await serviceFor(sandbox, NADIA).bookPlans!(plans);
  expect((await allAppEvents()).filter((e) => plans.some((p) => p.id === e.planId))).toHaveLength(events.length);
});
