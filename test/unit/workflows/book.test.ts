import { defaultAgenda } from '../../../src/domain/agenda';
import { CADENCE_PRESETS } from '../../../src/domain/cadence';
import { AppError } from '../../../src/domain/errors';
import type { Plan } from '../../../src/domain/plan/model';
import { DEFAULT_WORKING_HOURS, ianaTimeZone, isoDate, localDateTime, planId } from '../../../src/domain/types';
import type { BookingGateway, BookingOp, BookingOutcome, PlanLookup } from '../../../src/graph';
import { bookPlan, wantedObjects } from '../../../src/workflows';

const plan: Plan = {
  id: planId('p-1'),
  manager: { displayName: 'Claire Martin', email: 'claire@contoso.example', workingHours: DEFAULT_WORKING_HOURS },
  leaver: {
    userId: 'u-1',
    displayName: 'Émilie Laurent',
    workEmail: 'emilie@contoso.example',
    lastWorkingDay: isoDate('2027-03-12'),
    personalEmail: 'emilie@example.org',
    consentToKeepContact: true,
  },
  conversation: { start: localDateTime('2027-03-03T14:00'), durationMinutes: 45, timeZone: ianaTimeZone('Europe/Paris'), place: { kind: 'teams' } },
  agenda: defaultAgenda('en'),
  prepNotes: 'secret notes',
  prepReminder: { minutesBefore: 60, durationMinutes: 30 },
  cadence: CADENCE_PRESETS.gentle,
  reconnect: true,
};

/** A scripted gateway: `answer` decides each op's outcome per call; everything is recorded. */
const fakeGateway = (answer: (op: BookingOp, call: number) => BookingOutcome | 'throw', lookup?: () => PlanLookup) => {
  const calls: Array<{ kind: 'submit' | 'lookup' | 'put'; ops?: BookingOp[]; layout?: string }> = [];
  let submits = 0;
  const gw: BookingGateway = {
    async submit(ops, shape) {
      submits += 1;
      calls.push({ kind: 'submit', ops: [...ops], layout: shape?.layout ?? 'parallel' });
      return ops.map((op) => {
        const out = answer(op, submits);
        if (out === 'throw') throw new AppError({ code: 'network', detail: 'dropped' });
        return out;
      });
    },
    async lookup(_planId, _category, shape) {
      calls.push({ kind: 'lookup', layout: shape?.layout ?? 'parallel' });
      return lookup?.() ?? { events: [], contacts: [], categoryExists: false };
    },
    async putContactPhoto() {
      calls.push({ kind: 'put' });
    },
  };
  return { gw, calls };
};

const ok = (op: BookingOp): BookingOutcome =>
  op.kind === 'userPhoto'
    ? { key: op.key, ok: true, createdNow: false, photo: { contentType: 'image/png', bytes: new Uint8Array([1]) } }
    : { key: op.key, ok: true, createdNow: true, id: `id-${op.key}` };
const fail = (op: BookingOp, status: number, retryAfterSeconds?: number): BookingOutcome => ({
  key: op.key,
  ok: false,
  status,
  error: new AppError({ code: status === 429 ? 'graph.throttled' : 'graph.server', status }),
  retryable: [424, 429, 503, 504].includes(status),
  ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
});

test('the plan asks for category, contact, photo, conversation, prep, one-off touchpoints and series', () => {
  const kinds = wantedObjects(plan).map((w) => w.kind);
  expect(kinds.slice(0, 5)).toEqual(['category', 'contact', 'contactPhoto', 'conversation', 'prepReminder']);
  expect(kinds[kinds.length - 1]).toBe('consentCheck');
  expect(kinds).toContain('touchpoint');
  expect(kinds).toContain('series');
  // The Outlook add-in composes the conversation itself: everything else is booked, not a second meeting.
  const fromOutlook = wantedObjects({ ...plan, conversationSource: 'outlookItem' }).map((w) => w.kind);
  expect(fromOutlook).not.toContain('conversation');
  expect(fromOutlook).toContain('prepReminder');
  expect(fromOutlook).toContain('contact');
  const noConsent = wantedObjects({ ...plan, leaver: { ...plan.leaver, consentToKeepContact: false }, reconnect: false, prepReminder: undefined });
  expect(noConsent.map((w) => w.kind)).toEqual(['category', 'conversation']);
});

test('kept details come with a yearly question, on the first working day of the month they left, a year on (issue 12)', () => {
  const check = wantedObjects(plan).find((w) => w.kind === 'consentCheck')?.op;
  if (check?.kind !== 'event') throw new Error('no yearly consent check');
  // Last day 12 March 2027 (a Friday); working days start on Monday: the first Monday of March 2028 is the 6th.
  expect(plan.leaver.lastWorkingDay).toBe('2027-03-12');
  expect(check.draft.start).toBe(`2028-03-06T${plan.manager.workingHours.startTime.slice(0, 5)}:00`);
  expect(check.draft.recurrence?.pattern).toEqual({ type: 'relativeYearly', interval: 1, daysOfWeek: ['monday'], index: 'first', month: 3 });
  expect(check.draft.recurrence?.range).toEqual(expect.objectContaining({ type: 'numbered', startDate: '2028-03-06', numberOfOccurrences: 10 }));
  expect(check.draft.tags).toEqual({ planId: plan.id, role: 'consentCheck' });
  expect(check.draft.showAs).toBe('free');
  expect(check.draft.attendees ?? []).toEqual([]);
  // The first of the month already that weekday: that day.
  const may = wantedObjects({ ...plan, leaver: { ...plan.leaver, lastWorkingDay: isoDate('2027-05-20') } }).find((w) => w.kind === 'consentCheck')?.op;
  if (may?.kind !== 'event') throw new Error('no yearly consent check');
  expect(may.draft.start.slice(0, 10)).toBe('2028-05-01');
  // No details kept, no question.
  expect(wantedObjects({ ...plan, leaver: { ...plan.leaver, consentToKeepContact: false } }).some((w) => w.kind === 'consentCheck')).toBe(false);
});

test('the invite never carries the prep notes; reminders are free and the prep block is private', () => {
  const byKey = new Map(wantedObjects(plan).map((w) => [w.key, w.op]));
  const conv = byKey.get('conversation');
  const prep = byKey.get('prep');
  if (conv?.kind !== 'event' || prep?.kind !== 'event') throw new Error('missing events');
  expect(conv.draft.bodyHtml).not.toContain('secret notes');
  expect(prep.draft.bodyHtml).toContain('secret notes');
  expect(prep.draft.private).toBe(true);
  expect(prep.draft.start).toBe('2027-03-03T13:00:00');
  expect(conv.draft.end).toBe('2027-03-03T14:45:00');
  for (const w of wantedObjects(plan).filter((x) => x.kind === 'touchpoint' || x.kind === 'series')) {
    if (w.op?.kind !== 'event') throw new Error('touchpoint without event');
    expect(w.op.draft.showAs).toBe('free');
    expect(w.op.draft.isReminderOn).toBe(true);
    expect(w.op.draft.attendees ?? []).toEqual([]);
  }
});

test('a fresh plan: one fully parallel submit holding everything, then the photo', async () => {
  const { gw, calls } = fakeGateway(ok);
  const progress: string[] = [];
  const receipt = await bookPlan({ booking: gw }, plan, { onProgress: (p) => progress.push(p.phase) });
  expect(calls.map((c) => [c.kind, c.layout])).toEqual([
    ['submit', 'parallel'],
    ['put', undefined],
  ]);
  const ops = calls[0]!.ops!;
  expect(ops.map((o) => o.key).sort()).toEqual([...wantedObjects(plan).flatMap((w) => (w.op ? [w.key] : [])), 'userPhoto'].sort());
  expect(receipt.complete).toBe(true);
  expect(progress.at(-1)).toBe('done');
});

test('items a parallel batch got back as 429 are resent as one sequential batch; a share of 1 is sequential from the start', async () => {
  const { gw, calls } = fakeGateway((op, call) => (call === 1 && ['touchpoint:', 'series:', 'category', 'userPhoto'].some((k) => op.key.startsWith(k)) ? fail(op, 429, 1) : ok(op)));
  const r = await bookPlan({ booking: gw, sleep: async () => undefined }, plan);
  expect(r.complete).toBe(true);
  expect(calls.map((c) => [c.kind, c.layout])).toEqual([
    ['submit', 'parallel'],
    ['submit', 'sequential'],
    ['put', undefined],
  ]);

  const shared = fakeGateway(ok);
  await bookPlan({ booking: shared.gw }, plan, { parallel: 1, resume: true });
  expect(shared.calls.map((c) => [c.kind, c.layout])).toEqual([
    ['lookup', 'sequential'],
    ['submit', 'sequential'],
    ['put', undefined],
  ]);
});

test('429 items are resent after their Retry-After, without a lookup; 503 items trigger a lookup first', async () => {
  const waits: number[] = [];
  const { gw, calls } = fakeGateway((op, call) => (call === 1 && op.key === 'conversation' ? fail(op, 429, 2) : call === 1 && op.key === 'prep' ? fail(op, 424) : ok(op)));
  const receipt = await bookPlan({ booking: gw, sleep: async (ms) => void waits.push(ms) }, plan);
  expect(receipt.complete).toBe(true);
  expect(waits).toEqual([2000]);
  expect(calls.map((c) => c.kind)).toEqual(['submit', 'submit', 'put']);
  expect(calls[1]!.ops!.map((o) => o.key).sort()).toEqual(['conversation', 'prep']);

  const second = fakeGateway((op, call) => (call === 1 && op.key === 'contact' ? fail(op, 503) : ok(op)));
  await bookPlan({ booking: second.gw, sleep: async () => undefined }, plan);
  expect(second.calls.map((c) => c.kind)).toEqual(['submit', 'lookup', 'submit', 'put']);
});

test('a 500 or a dropped connection ends with a partial receipt; a resumed run looks up first', async () => {
  const { gw } = fakeGateway((op) => (op.key === 'conversation' ? fail(op, 500) : ok(op)));
  const partial = await bookPlan({ booking: gw }, plan);
  expect(partial.complete).toBe(false);
  expect(partial.missing).toEqual(['conversation']);

  const dropped = fakeGateway(() => 'throw');
  const r = await bookPlan({ booking: dropped.gw }, plan);
  expect(r.complete).toBe(false);
  expect(r.objects).toEqual([]);

  const resumed = fakeGateway(ok, () => ({
    events: [{ id: 'c1', subject: 's', role: 'conversation', isCancelled: false, categories: [], attendees: [], joinUrl: 'https://teams/j' }],
    contacts: [{ id: 'k1', displayName: 'É', emails: [], personalNotes: '', categories: [], role: 'contact', planId: 'p-1' }],
    categoryExists: true,
  }));
  const done = await bookPlan({ booking: resumed.gw }, plan, { resume: true });
  expect(resumed.calls[0]?.kind).toBe('lookup');
  const created = resumed.calls[1]!.ops!.map((o) => o.key);
  expect(created).not.toContain('conversation');
  expect(created).not.toContain('contact');
  expect(created).not.toContain('category');
  expect(created).toContain('contactPhotoCheck');
  expect(done.conversation).toEqual({ id: 'c1', joinUrl: 'https://teams/j' });
  expect(done.objects.find((o) => o.kind === 'conversation')?.createdNow).toBe(false);
});

test('waits longer than the bound are not slept through: the receipt says what is missing', async () => {
  const { gw } = fakeGateway((op) => (op.key === 'conversation' ? fail(op, 429, 3600) : ok(op)));
  const waits: number[] = [];
  const r = await bookPlan({ booking: gw, sleep: async (ms) => void waits.push(ms) }, plan, { maxWaitSeconds: 30 });
  expect(waits).toEqual([]);
  expect(r.complete).toBe(false);
  expect(r.missing).toContain('conversation');
});

test('retries are bounded', async () => {
  const { gw, calls } = fakeGateway((op) => (op.key === 'conversation' ? fail(op, 429, 0) : ok(op)));
  const r = await bookPlan({ booking: gw, sleep: async () => undefined }, plan, { maxRounds: 3 });
  expect(calls.filter((c) => c.kind === 'submit')).toHaveLength(3);
  expect(r.complete).toBe(false);
});

test('a 403 on the batch is not retried: the user must act', async () => {
  const gw: BookingGateway = {
    submit: async () => {
      throw new AppError({ code: 'graph.forbidden', status: 403 });
    },
    lookup: async () => ({ events: [], contacts: [], categoryExists: false }),
    putContactPhoto: async () => undefined,
  };
  await expect(bookPlan({ booking: gw }, plan)).rejects.toMatchObject({ code: 'graph.forbidden' });
});
