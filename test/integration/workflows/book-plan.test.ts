import type { DateTime } from 'luxon';
import type { Sandbox } from '../../../sandbox/index';
import { PLAN_TAG_ID, ROLE_TAG_ID, tagFilter, toWindowsZone } from '../../../src/graph';
import { renderInviteHtml } from '../../../src/domain/agenda';
import { wantedObjects } from '../../../src/workflows';
import { BATCH_BEHAVIOUR, makePlan, MANAGER, PLAN_DATES, sandboxPerFile, serviceFor } from './helpers';

// Real HTTP against an in-process sandbox: generous per-test time on a busy shared machine.
jest.setTimeout(30_000);

let sandbox: Sandbox;
sandboxPerFile((s) => (sandbox = s));
beforeEach(() => sandbox.clearLog());

/** Reads the mailbox straight from the sandbox, independently of the app's gateways. */
const graphGet = async (path: string, zone = 'Europe/Paris'): Promise<any> => {
  const res = await fetch(`${sandbox.graphUrl}${path}`, {
    headers: { Authorization: `Bearer ${sandbox.token(MANAGER)}`, Prefer: `outlook.timezone="${zone}"` },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return /json/.test(res.headers.get('content-type') ?? '') ? res.json() : Buffer.from(await res.arrayBuffer());
};
const q = encodeURIComponent;
/** A wall-clock time in Paris as Graph writes it (read with Prefer: outlook.timezone="Europe/Paris"). */
const wall = (d: DateTime): string => d.toFormat("yyyy-MM-dd'T'HH:mm:ss");
const EXPAND = `singleValueExtendedProperties($filter=id eq '${PLAN_TAG_ID}' or id eq '${ROLE_TAG_ID}')`;

test('a full plan is booked in one $batch plus the photo PUT, with every field in the mailbox', async () => {
  const svc = serviceFor(sandbox);
  const plan = makePlan(sandbox);
  const receipt = await svc.bookPlan(plan);

  // Round trips: the $batch, then the contact photo (it needs the new contact's id). Under the reported
  // behaviour (items beyond 4 of a parallel batch get 429), what was refused goes again as one sequential batch.
  const trips = sandbox.log().filter((e) => e.roundTrip);
  const batches = BATCH_BEHAVIOUR === 'reported429' ? ['POST /$batch', 'POST /$batch'] : ['POST /$batch'];
  expect(trips.map((t) => `${t.method} ${t.path.split('?')[0]}`)).toEqual([...batches, expect.stringMatching(/^PUT \/me\/contacts\/[^/]+\/photo\/\$value$/)]);
  const subRequests = sandbox.log().filter((e) => !e.roundTrip);
  expect(subRequests.every((s) => (s.status >= 200 && s.status < 300) || (BATCH_BEHAVIOUR === 'reported429' && s.status === 429))).toBe(true);

  expect(receipt.complete).toBe(true);
  expect(receipt.missing).toEqual([]);
  expect(receipt.objects.every((o) => o.createdNow)).toBe(true);
  expect(receipt.objects.map((o) => o.key ?? o.kind)).toEqual(wantedObjects(plan).map((w) => w.key));
  expect(receipt.conversation?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
  expect(receipt.conversation?.webLink).toMatch(/^https:\/\//);

  // Every object carries the plan tag.
  const tagged = await graphGet(
    `/me/events?$filter=${q(tagFilter(PLAN_TAG_ID, plan.id))}&$expand=${q(EXPAND)}&$select=subject,body,start,end,attendees,categories,showAs,isReminderOn,reminderMinutesBeforeStart,recurrence,onlineMeeting,isOnlineMeeting,sensitivity,transactionId,type`,
  );
  const byRole = new Map<string, any>(
    tagged.value.map((e: any) => [e.singleValueExtendedProperties.find((p: any) => p.id.toLowerCase() === ROLE_TAG_ID.toLowerCase())?.value, e]),
  );
  const eventRoles = wantedObjects(plan)
    .filter((w) => w.op?.kind === 'event')
    .map((w) => w.key);
  expect([...byRole.keys()].sort()).toEqual([...eventRoles].sort());

  // Each event is the one the plan described: subject, body, wall-clock times, reminder.
  for (const w of wantedObjects(plan)) {
    if (w.op?.kind !== 'event') continue;
    const e = byRole.get(w.key);
    const d = w.op.draft;
    expect({ role: w.key, subject: e.subject }).toEqual({ role: w.key, subject: d.subject });
    expect(e.body.content).toContain(d.bodyHtml);
    expect(e.start.dateTime.slice(0, 19)).toBe(d.start);
    expect(e.end.dateTime.slice(0, 19)).toBe(d.end);
    expect(e.reminderMinutesBeforeStart).toBe(15);
  }

  const conv = byRole.get('conversation');
  expect(conv.subject).toBe('Entretien de départ avec Émilie Laurent');
  expect(conv.body.contentType).toBe('html');
  // The agenda exactly as renderInviteHtml wrote it (Graph may wrap it in <html><body>).
  expect(conv.body.content).toContain(
    renderInviteHtml({ agenda: plan.agenda, durationMinutes: 60, leaverName: 'Émilie Laurent', managerName: 'Claire Martin' }),
  );
  for (const section of plan.agenda.sections) expect(conv.body.content).toContain(section.title.replace(/'/g, '&#39;'));
  expect(conv.body.content).not.toContain('Atlas'); // the prep notes never go into the invite
  expect(conv.attendees).toEqual([
    expect.objectContaining({ type: 'required', emailAddress: expect.objectContaining({ address: plan.leaver.workEmail }) }),
  ]);
  expect(conv.isOnlineMeeting).toBe(true);
  expect(conv.onlineMeeting.joinUrl).toBe(receipt.conversation?.joinUrl);
  expect(conv.categories).toEqual(['Au revoir']);
  expect(conv.isReminderOn).toBe(true);
  expect(conv.reminderMinutesBeforeStart).toBe(15);
  // 14:00-15:00 in Paris on the plan's day, and its prep at the same hour the day before, for half an hour.
  const { conversation } = PLAN_DATES;
  expect(conv.start.dateTime.slice(0, 19)).toBe(wall(conversation));
  expect(conv.end.dateTime.slice(0, 19)).toBe(wall(conversation.plus({ hours: 1 })));
  expect(conv.transactionId).toBe(`aurevoir-${plan.id}-conversation`);

  const prep = byRole.get('prep');
  expect(prep.attendees).toEqual([]);
  expect(prep.showAs).toBe('busy');
  expect(prep.sensitivity).toBe('private');
  expect(prep.body.content).toContain('projet &lt;Atlas&gt; &amp; de sa'); // escaped
  expect(prep.start.dateTime.slice(0, 19)).toBe(wall(conversation.minus({ days: 1 })));
  expect(prep.end.dateTime.slice(0, 19)).toBe(wall(conversation.minus({ days: 1 }).plus({ minutes: 30 })));

  const singles = [...byRole.entries()].filter(([r]) => r.startsWith('touchpoint:'));
  expect(singles.length).toBeGreaterThan(0);
  for (const [, e] of singles) {
    expect(e.showAs).toBe('free');
    expect(e.isReminderOn).toBe(true);
    expect(e.attendees).toEqual([]);
    expect(e.type).toBe('singleInstance');
    expect(e.categories).toEqual(['Au revoir']);
    expect(e.body.content).toContain('Émilie');
  }
  const series = [...byRole.entries()].filter(([r]) => r.startsWith('series:'));
  expect(series.length).toBeGreaterThan(0);
  for (const [role, e] of series) {
    const wanted = wantedObjects(plan).find((w) => w.key === role);
    const rec = wanted?.op?.kind === 'event' ? wanted.op.draft.recurrence : undefined;
    expect(e.type).toBe('seriesMaster');
    expect(e.showAs).toBe('free');
    expect(e.recurrence.pattern.type).toBe(rec?.pattern.type);
    expect(e.recurrence.pattern.interval).toBe(rec?.pattern.interval);
    // The zone goes to Graph as its Windows name (Graph takes only a listed few IANA names).
    expect(e.recurrence.range).toEqual(expect.objectContaining({ ...rec?.range, recurrenceTimeZone: rec ? toWindowsZone(rec.range.recurrenceTimeZone) : undefined }));
  }

  // The contact: personal details, category, tag, photo copied from the directory.
  const contact = await graphGet(
    `/me/contacts/${receipt.contact?.id}?$select=displayName,givenName,surname,emailAddresses,mobilePhone,businessHomePage,companyName,jobTitle,categories&$expand=${q(EXPAND)}`,
  );
  expect(contact).toEqual(
    expect.objectContaining({
      displayName: 'Émilie Laurent',
      givenName: 'Émilie',
      surname: 'Laurent',
      mobilePhone: '+33612345678',
      businessHomePage: 'https://www.linkedin.com/in/emilie-laurent',
      companyName: 'Fabrikam',
      jobTitle: 'Lead designer',
      categories: ['Au revoir'],
    }),
  );
  expect(contact.emailAddresses[0].address).toBe('emilie.l@example.org');
  expect(contact.singleValueExtendedProperties).toEqual(
    expect.arrayContaining([expect.objectContaining({ value: plan.id }), expect.objectContaining({ value: 'contact' })]),
  );
  const photo: Buffer = await graphGet(`/me/contacts/${receipt.contact?.id}/photo/$value`);
  const directoryPhoto: Buffer = await graphGet(`/users/${plan.leaver.userId}/photo/$value`);
  expect(photo.length).toBeGreaterThan(100);
  expect(photo.equals(directoryPhoto)).toBe(true);

  const categories = await graphGet('/me/outlook/masterCategories');
  expect(categories.value.filter((c: any) => c.displayName === 'Au revoir')).toHaveLength(1);
});

test('booking the same plan again creates nothing and says everything was already there', async () => {
  const svc = serviceFor(sandbox);
  const plan = makePlan(sandbox);
  await svc.bookPlan(plan);
  sandbox.clearLog();
  const again = await svc.bookPlan(plan);
  expect(again.complete).toBe(true);
  expect(again.objects.every((o) => !o.createdNow)).toBe(true);
  expect(again.objects).toHaveLength(wantedObjects(plan).length);
  const writes = sandbox.log().filter((e) => e.method !== 'GET' && !(e.roundTrip && e.path.startsWith('/$batch')));
  expect(writes).toEqual([]);
});

test('a leaver without a directory photo needs a single round trip (two when Graph refuses the 5th+ items with 429)', async () => {
  const svc = serviceFor(sandbox);
  const plan = makePlan(sandbox, {}, 'hugo.petit@contoso.example');
  const progress: Array<{ done: number; total: number; phase: string }> = [];
  const receipt = await svc.bookPlan(plan, (p) => progress.push(p));
  expect(progress[0]?.phase).toBe('booking');
  expect(progress.at(-1)).toEqual({ done: receipt.objects.length, total: receipt.objects.length, phase: 'done' });
  expect(receipt.complete).toBe(true);
  expect(sandbox.log().filter((e) => e.roundTrip)).toHaveLength(BATCH_BEHAVIOUR === 'reported429' ? 2 : 1);
  // No photo to copy: the receipt does not pretend one was found or added.
  expect(receipt.objects.find((o) => o.kind === 'contactPhoto')).toBeUndefined();
  expect(receipt.objects.find((o) => o.kind === 'contact')?.createdNow).toBe(true);
});

test('without consent no contact is kept; a place instead of Teams gives a location and no join link', async () => {
  const svc = serviceFor(sandbox);
  const base = makePlan(sandbox);
  const plan = {
    ...base,
    leaver: {
      userId: base.leaver.userId,
      displayName: base.leaver.displayName,
      workEmail: base.leaver.workEmail,
      lastWorkingDay: base.leaver.lastWorkingDay,
      consentToKeepContact: false,
    },
    conversation: { ...base.conversation, place: { kind: 'place' as const, location: 'Salle Rivoli, 3e étage' } },
  };
  const receipt = await svc.bookPlan(plan);
  expect(receipt.complete).toBe(true);
  expect(receipt.contact).toBeUndefined();
  expect(receipt.conversation?.joinUrl).toBeUndefined();
  const conv = await graphGet(`/me/events/${receipt.conversation?.id}?$select=location,isOnlineMeeting`);
  expect(conv.location.displayName).toBe('Salle Rivoli, 3e étage');
  expect(conv.isOnlineMeeting).toBe(false);
  const contacts = await graphGet(`/me/contacts?$filter=${q(tagFilter(PLAN_TAG_ID, plan.id))}`);
  expect(contacts.value).toEqual([]);
});

test('a plan that validatePlan refuses sends nothing to Graph', async () => {
  const svc = serviceFor(sandbox);
  const base = makePlan(sandbox);
  const bad = { ...base, leaver: { ...base.leaver, personalEmail: 'pas une adresse' } };
  await expect(svc.bookPlan(bad)).rejects.toMatchObject({ code: 'validation' });
  expect(sandbox.log()).toEqual([]);
});
