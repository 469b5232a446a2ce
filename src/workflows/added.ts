import { isoDate } from '../domain/types';
import type { MailboxState } from './state';
import type { AddedDeparture } from './service';

/** The mailbox state document holding the hand-added departures. */
export const ADDED_DEPARTURES_KEY = 'departures.v1';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Keeps the well-formed entries of a stored list (written by any version, or edited by hand). */
export const parseAddedDepartures = (parsed: unknown): AddedDeparture[] => {
  if (!Array.isArray(parsed)) return [];
  const out: AddedDeparture[] = [];
  for (const item of parsed) {
    if (!isRecord(item) || !isRecord(item.person)) continue;
    const { id, displayName, mail, jobTitle } = item.person;
    if (typeof id !== 'string' || typeof displayName !== 'string' || typeof mail !== 'string') continue;
    if (typeof item.lastWorkingDay !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(item.lastWorkingDay)) continue;
    out.push({
      person: { id, displayName, mail, ...(typeof jobTitle === 'string' ? { jobTitle } : {}) },
      lastWorkingDay: isoDate(item.lastWorkingDay),
    });
  }
  return out;
};

/** Only the directory facts, whatever the caller's objects carry (a photo, a leave date...). */
const trim = (a: AddedDeparture): AddedDeparture => ({
  person: { id: a.person.id, displayName: a.person.displayName, mail: a.person.mail, ...(a.person.jobTitle ? { jobTitle: a.person.jobTitle } : {}) },
  lastWorkingDay: a.lastWorkingDay,
});

export const listAddedDepartures = async (state: MailboxState): Promise<AddedDeparture[]> =>
  (await state.get(ADDED_DEPARTURES_KEY, parseAddedDepartures)) ?? [];

export const updateAddedDepartures = (
  state: MailboxState,
  change: (current: readonly AddedDeparture[]) => readonly AddedDeparture[],
): Promise<AddedDeparture[]> =>
  state.update(ADDED_DEPARTURES_KEY, parseAddedDepartures, (current) => change(current ?? []).map(trim));

/**
 * What an earlier version left in this browser's localStorage, merged once into the mailbox's list:
 * entries for people already there keep the mailbox's (newer, shared) last day.
 */
export const mergeLegacyDepartures = (mailbox: readonly AddedDeparture[], legacy: readonly AddedDeparture[]): AddedDeparture[] => [
  ...mailbox,
  ...legacy.filter((l) => !mailbox.some((m) => m.person.id === l.person.id || m.person.mail.toLowerCase() === l.person.mail.toLowerCase())),
];
