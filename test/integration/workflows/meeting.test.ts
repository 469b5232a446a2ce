import type { Sandbox } from '../../../sandbox/index';
import { createSandboxTokenProvider } from '../../../src/auth';
import { parseReconnectLog } from '../../../src/domain/alumni';
import { threadIdFromJoinUrl } from '../../../src/domain/meeting';
import { createMeetingService } from '../../../src/workflows';
import { makePlan, MANAGER, PLAN_DATES, sandboxPerFile, serviceFor } from './helpers';
import { graphGet } from './mailbox';

// The meeting side panel's workflow over real HTTP: the plan found from the meeting's chat thread,
// the summary written into the contact's reconnect log, read back with Graph directly.
jest.setTimeout(30_000);

let sandbox: Sandbox;
sandboxPerFile((s) => (sandbox = s));

/** The conversation's day (PLAN_DATES) at 00:00 UTC: the moments below are counted from it. */
const conversationDay = PLAN_DATES.conversation.toUTC().startOf('day');

const meetingService = () =>
  createMeetingService({ graphBaseUrl: sandbox.graphUrl, tokenProvider: createSandboxTokenProvider({ sandboxUrl: sandbox.url, user: MANAGER }), retryDelaySeconds: 0.05 });

const book = async (over: Parameters<typeof makePlan>[1] = {}) => {
  const plan = makePlan(sandbox, over);
  const receipt = await serviceFor(sandbox).bookPlan(plan);
  expect(receipt.complete).toBe(true);
  const event = await graphGet(sandbox, `/me/events/${receipt.conversation!.id}?$select=onlineMeeting`);
  const threadId = threadIdFromJoinUrl(event.onlineMeeting.joinUrl);
  expect(threadId).toMatch(/^19:meeting_.+@thread\.v2$/);
  return { plan, receipt, threadId: threadId! };
};

test('the plan is found from the meeting chat thread: agenda body, language, contact', async () => {
  const { plan, receipt, threadId } = await book();
  const found = await meetingService().findPlan(threadId);
  expect(found).toEqual(
    expect.objectContaining({ planId: plan.id, eventId: receipt.conversation!.id, lang: 'fr', contact: { id: receipt.contact!.id, displayName: 'Émilie Laurent' } }),
  );
  // The invite's agenda is in the body the guide reads: one <h3> per section, with its minutes.
  const headings = found!.bodyHtml.match(/<h3[^>]*>[^<]*<\/h3>/g) ?? [];
  expect(headings).toHaveLength(plan.agenda.sections.length);
  expect(headings[0]).toMatch(/\d+\u00a0min/);
});

test('a meeting Au revoir did not book finds no plan (and a cancelled one neither)', async () => {
  const { receipt, threadId } = await book();
  const svc = meetingService();
  expect(await svc.findPlan('19:meeting_NotOneOfOurs0000@thread.v2')).toBeUndefined();
  await serviceFor(sandbox).cancelPlan(receipt.planId, conversationDay.minus({ days: 52 }).plus({ hours: 10 }).toJSDate());
  expect(await svc.findPlan(threadId)).toBeUndefined();
});

test('Keep a summary writes a dated entry in the agenda language into the contact notes, after what was there', async () => {
  const { receipt, threadId } = await book();
  const svc = meetingService();
  const found = (await svc.findPlan(threadId))!;
  const alumni = serviceFor(sandbox);
  await alumni.markReconnected({ contactId: receipt.contact!.id, note: 'Premier café', at: conversationDay.minus({ days: 2 }).plus({ hours: 12 }).toJSDate() });
  // 23:30 UTC on the conversation's day is already the next day on the manager's calendar (Paris).
  const nextDay = conversationDay.plus({ days: 1 }).toISODate()!;
  await svc.keepSummary({
    contactId: found.contact!.id,
    summary: 'Très bon échange.\nVeut rester en contact pour le salon.',
    covered: ['Bilan', 'La suite'],
    lang: found.lang,
    at: conversationDay.plus({ hours: 23, minutes: 30 }).toJSDate(),
  });
  const contact = await graphGet(sandbox, `/me/contacts/${receipt.contact!.id}?$select=personalNotes`);
  const log = parseReconnectLog(contact.personalNotes);
  expect(log).toHaveLength(2);
  expect(log[0]).toEqual({ date: nextDay, note: 'Entretien de départ\u00a0: Très bon échange.\nVeut rester en contact pour le salon.\nAbordé\u00a0: Bilan, La suite' });
  expect(log[1]?.note).toBe('Premier café');
  // The alumni card reads the same log.
  const me = (await alumni.listAlumni(conversationDay.plus({ days: 2, hours: 10 }).toJSDate())).find((a) => a.planId === receipt.planId)!;
  expect(me.lastContacted?.startsWith(nextDay)).toBe(true);
  expect(me.notes[0]).toMatch(new RegExp(`^${nextDay} · Entretien de départ`));
});

test('an empty summary is refused before anything is written', async () => {
  const { receipt } = await book();
  await expect(meetingService().keepSummary({ contactId: receipt.contact!.id, summary: '  \n ', covered: [], lang: 'fr', at: new Date() })).rejects.toMatchObject({ code: 'validation' });
  const contact = await graphGet(sandbox, `/me/contacts/${receipt.contact!.id}?$select=personalNotes`);
  expect(parseReconnectLog(contact.personalNotes ?? '')).toHaveLength(0);
});
