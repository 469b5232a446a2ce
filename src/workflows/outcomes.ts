import { AppError } from '../domain/errors';
import { addOutcome, readOutcomeLog, removeOutcome, serialiseOutcomeLog, type NewOutcome, type OutcomeEntry } from '../domain/alumni';
import type { PlanId } from '../domain/types';
import type { CalendarGateway, ContactsGateway, ForgetGateway, ForgetOptions, ForgetTarget } from '../graph';
import type { ForgetPreview, ForgetResult } from './service';

export interface OutcomeDeps {
  readonly contacts: ContactsGateway;
}

/**
 * Writes tried before giving up when other writers keep writing in between. Each try re-reads the log
 * and applies the change to what is there now, so writers adding at once all keep their entry; every
 * round of conflicting writes lets exactly one through, so N writers at once need at most N tries.
 */
const WRITE_TRIES = 8;

const change = async (deps: OutcomeDeps, contactId: string, apply: (log: readonly OutcomeEntry[]) => OutcomeEntry[]): Promise<OutcomeEntry[]> => {
  for (let attempt = 1; ; attempt += 1) {
    const read = await deps.contacts.readOutcomes(contactId);
    const { entries, unreadable } = readOutcomeLog(read.value);
    // Something we cannot read is somebody's data: never write over it.
    if (unreadable) throw new AppError({ code: 'unexpected', detail: `outcome log of ${contactId} is not one this version can read; left as it is` });
    const next = apply(entries);
    if (next.length === entries.length && next.every((e, i) => e === entries[i])) return next;
    try {
      // If-Match with the change key just read (graph/contacts.ts): a write in between is a conflict, not a loss.
      await deps.contacts.writeOutcomes(contactId, serialiseOutcomeLog(next), read.etag);
      return next;
    } catch (e: unknown) {
      if (AppError.is(e) && e.code === 'graph.conflict' && attempt < WRITE_TRIES) continue;
      throw e;
    }
  }
};

/** Adds an outcome (idempotent on its id: a retried add does not log it twice); returns the log, newest first. */
export const logOutcome = (deps: OutcomeDeps, contactId: string, outcome: NewOutcome): Promise<OutcomeEntry[]> =>
  change(deps, contactId, (log) => addOutcome(log, outcome));

/** Removes one outcome by id (absent: nothing to do); returns the log, newest first. */
export const unlogOutcome = (deps: OutcomeDeps, contactId: string, outcomeId: string): Promise<OutcomeEntry[]> =>
  change(deps, contactId, (log) => removeOutcome(log, outcomeId));

export interface ForgetDeps {
  readonly calendar: CalendarGateway;
  readonly contacts: ContactsGateway;
  readonly forget: ForgetGateway;
}


const planTargets = async (deps: ForgetDeps, planId: PlanId) => {
  const [events, contacts] = await Promise.all([deps.calendar.planEvents(planId), deps.contacts.planContacts(planId)]);
  return { events, contacts };
};

export const forgetPreview = async (deps: ForgetDeps, planId: PlanId): Promise<ForgetPreview> => {
  const { events, contacts } = await planTargets(deps, planId);
  const [photos, logs] = await Promise.all([
    Promise.all(contacts.map((c) => deps.contacts.hasPhoto(c.id))),
    Promise.all(contacts.map(async (c) => readOutcomeLog((await deps.contacts.readOutcomes(c.id)).value).entries.length)),
  ]);
  return { contacts: contacts.length, photo: photos.some(Boolean), events: events.length, outcomes: logs.reduce((a, b) => a + b, 0) };
};

/**
 * Forgets a person: the plan's contact (its photo, outcome log and consent record are part of it) and
 * every event of the plan, past ones included, in one step of `$batch` round trips (graph/forget.ts).
 * Objects are found by the plan's tags each time, so a second Forget after a partial failure finds
 * only what is left and finishes.
 */
export const forgetPerson = async (deps: ForgetDeps, planId: PlanId, options: ForgetOptions = {}): Promise<ForgetResult> => {
  const { events, contacts } = await planTargets(deps, planId);
  const targets: ForgetTarget[] = [...events.map((e) => ({ kind: 'event' as const, id: e.id })), ...contacts.map((c) => ({ kind: 'contact' as const, id: c.id }))];
  const outcome = await deps.forget.deleteAll(targets, options);
  const count = (list: readonly ForgetTarget[], kind: ForgetTarget['kind']) => list.filter((t) => t.kind === kind).length;
  const left = { contacts: count(outcome.left, 'contact'), events: count(outcome.left, 'event') };
  return {
    removed: { contacts: count(outcome.removed, 'contact'), events: count(outcome.removed, 'event') },
    left,
    complete: outcome.left.length === 0,
  };
};
