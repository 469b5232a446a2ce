import type { DateTime } from 'luxon';
import type { Sandbox } from '../../../sandbox/index';
import { CONSENT_PROPERTY_ID, OUTCOMES_PROPERTY_ID } from '../../../src/graph';
import { isoDate } from '../../../src/domain/types';
import { makePlan, PLAN_DATES, sandboxPerFile, serviceFor } from './helpers';
import { graphGet, viewPlan } from './mailbox';

// Real HTTP against an in-process sandbox: generous per-test time on a busy shared machine.
jest.setTimeout(30_000);

let sandbox: Sandbox;
sandboxPerFile((s) => (sandbox = s));

// Outcomes come after the leaver has gone: dated from the plan's last day (PLAN_DATES), like the moments
// the alumni list is read at.
const { conversation, lastDay } = PLAN_DATES;
const day = (d: DateTime) => isoDate(d.toISODate()!);

const q = encodeURIComponent;
/** One extended property of a contact, read with Graph directly (not through the app's gateways). */
const contactProperty = async (contactId: string, propertyId: string): Promise<string | undefined> => {
  const c = await graphGet(sandbox, `/me/contacts/${contactId}?$select=id&$expand=${q(`singleValueExtendedProperties($filter=id eq '${propertyId}')`)}`);
  return c?.singleValueExtendedProperties?.[0]?.value;
};

const bookOne = async (over: Parameters<typeof makePlan>[1] = {}) => {
  const svc = serviceFor(sandbox);
  const plan = makePlan(sandbox, over);
  const receipt = await svc.bookPlan(plan);
  expect(receipt.complete).toBe(true);
  return { svc, plan, contactId: receipt.contact!.id };
};

test('an outcome logged is in the contact in the mailbox, and comes back on the alumni list', async () => {
  const { svc, plan, contactId } = await bookOne();
  const client = day(lastDay.plus({ months: 2, days: 20 }));
  const introduced = day(lastDay.plus({ months: 4, days: 2 }));
  await svc.addOutcome!({ contactId, kind: 'client', date: client, note: 'Fabrikam signe <le contrat> & plus' });
  await svc.addOutcome!({ contactId, kind: 'weIntroduced', date: introduced, note: 'Présentée à Northwind' });

  const stored = JSON.parse((await contactProperty(contactId, OUTCOMES_PROPERTY_ID))!);
  expect(stored.entries).toEqual([
    expect.objectContaining({ kind: 'client', date: client, note: 'Fabrikam signe <le contrat> & plus' }),
    expect.objectContaining({ kind: 'weIntroduced', date: introduced, note: 'Présentée à Northwind' }),
  ]);

  const alumnus = (await svc.listAlumni(lastDay.plus({ months: 4, days: 20, hours: 10 }).toJSDate())).find((a) => a.planId === plan.id)!;
  expect(alumnus.outcomes?.map((o) => o.kind)).toEqual(['weIntroduced', 'client']);

  // Removing one leaves the other, in the mailbox.
  await svc.removeOutcome!({ contactId, outcomeId: alumnus.outcomes![0]!.id });
  const after = JSON.parse((await contactProperty(contactId, OUTCOMES_PROPERTY_ID))!);
  expect(after.entries.map((e: { kind: string }) => e.kind)).toEqual(['client']);
  // The reconnect log in the notes is not touched by outcomes.
  const notes = await graphGet(sandbox, `/me/contacts/${contactId}?$select=personalNotes`);
  expect(notes.personalNotes).toBe('');
});

test('two devices adding at the same moment: both entries are kept (If-Match, re-read, re-apply)', async () => {
  const { contactId } = await bookOne();
  const a = serviceFor(sandbox);
  const b = serviceFor(sandbox);
  const ids = await Promise.all(
    Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).addOutcome!({ contactId, kind: 'referenceGiven', date: day(lastDay.plus({ months: 2, days: 20 + i })), note: `n${i}` })),
  );
  expect(ids).toHaveLength(6);
  const stored = JSON.parse((await contactProperty(contactId, OUTCOMES_PROPERTY_ID))!);
  expect(stored.entries.map((e: { note: string }) => e.note).sort()).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5']);
});

test('consent recorded at booking is on the contact in the mailbox, and on the alumni list', async () => {
  // Given while the wizard was filled in, before the conversation.
  const givenAt = conversation.toUTC().startOf('day').minus({ days: 11 }).set({ hour: 9, minute: 30 }).toISO()!;
  const consentRecord = { givenAt, channel: 'tabWizard' as const, text: 'Émilie Laurent accepte que je conserve ces coordonnées pour garder le contact' };
  const { svc, plan, contactId } = await bookOne({ consentRecord });
  const stored = JSON.parse((await contactProperty(contactId, CONSENT_PROPERTY_ID))!);
  expect(stored).toEqual(expect.objectContaining({ givenAt: consentRecord.givenAt, channel: 'tabWizard', lang: 'fr', text: consentRecord.text }));
  const alumnus = (await svc.listAlumni(lastDay.plus({ days: 8, hours: 10 }).toJSDate())).find((a) => a.planId === plan.id)!;
  expect(alumnus.consent).toEqual({ ...consentRecord, lang: 'fr' });
});

test('no consent record is written when the leaver did not agree (and no contact at all)', async () => {
  const { receipt } = await (async () => {
    const svc = serviceFor(sandbox);
    const plan = makePlan(sandbox, {
      consentRecord: { givenAt: conversation.minus({ days: 11 }).toUTC().toISO()!, channel: 'tabWizard', text: 'x' },
    });
    const noConsent = { ...plan, leaver: { ...plan.leaver, consentToKeepContact: false, personalEmail: undefined, mobilePhone: undefined, profileUrl: undefined, nextCompany: undefined, nextRole: undefined } };
    return { receipt: await svc.bookPlan(noConsent) };
  })();
  expect(receipt.contact).toBeUndefined();
});

test('forget removes the contact, its photo, every event of the plan and the outcome log; the preview counts them', async () => {
  const { svc, plan, contactId } = await bookOne();
  await svc.addOutcome!({ contactId, kind: 'rehired', date: day(lastDay.plus({ months: 10 })), note: '' });
  const before = await viewPlan(sandbox, plan.id);
  expect(before.contacts).toHaveLength(1);
  expect(before.contactPhoto).toBe(true);
  const eventCount = [...before.events.values()].flat().length;
  expect(eventCount).toBeGreaterThan(2);

  expect(await svc.forgetPreview!(plan.id)).toEqual({ contacts: 1, photo: true, events: eventCount, outcomes: 1 });
  const result = await svc.forgetPerson!(plan.id);
  expect(result).toEqual({ removed: { contacts: 1, events: eventCount }, left: { contacts: 0, events: 0 }, complete: true });

  const after = await viewPlan(sandbox, plan.id);
  expect(after.ids.size).toBe(0);
  for (const id of before.ids) {
    expect(await graphGet(sandbox, `/me/events/${id}`)).toBeNull();
    expect(await graphGet(sandbox, `/me/contacts/${id}`)).toBeNull();
  }
  expect(await graphGet(sandbox, `/me/contacts/${contactId}/photo/$value`)).toBeNull();
  expect((await svc.listAlumni(lastDay.plus({ months: 10, days: 20, hours: 10 }).toJSDate())).some((a) => a.planId === plan.id)).toBe(false);
});

test('forget after an injected failure says what is left, and Forget again finishes', async () => {
  const { svc, plan, contactId } = await bookOne();
  const before = await viewPlan(sandbox, plan.id);
  const eventCount = [...before.events.values()].flat().length;
  // The contact's DELETE inside the batch fails with a 500 (not one to retry): the rest goes.
  sandbox.setFaults([{ match: { method: 'DELETE', path: `/contacts/` }, action: { status: 500 }, times: 1 }]);
  const first = await svc.forgetPerson!(plan.id);
  expect(first).toEqual({ removed: { contacts: 0, events: eventCount }, left: { contacts: 1, events: 0 }, complete: false });
  const middle = await viewPlan(sandbox, plan.id);
  expect(middle.contacts.map((c) => c.id)).toEqual([contactId]);
  expect(middle.events.size).toBe(0);

  const second = await svc.forgetPerson!(plan.id);
  expect(second).toEqual({ removed: { contacts: 1, events: 0 }, left: { contacts: 0, events: 0 }, complete: true });
  const after = await viewPlan(sandbox, plan.id);
  expect(after.ids.size).toBe(0);
  expect(await graphGet(sandbox, `/me/contacts/${contactId}/photo/$value`)).toBeNull();
});

test('forget under throttling: the 429 remainder goes again after Retry-After, nothing left', async () => {
  const { svc, plan } = await bookOne();
  sandbox.setFaults([{ match: { method: 'DELETE', path: '/events/' }, action: { status: 429, retryAfterSeconds: 0 }, times: 3 }]);
  const result = await svc.forgetPerson!(plan.id);
  expect(result.complete).toBe(true);
  expect((await viewPlan(sandbox, plan.id)).ids.size).toBe(0);
});
