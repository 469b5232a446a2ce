import { parseAddedDepartures } from '../../workflows';
import type { AddedDeparture, Departure, Person } from '../../workflows/service';

export type { AddedDeparture } from '../../workflows/service';

/**
 * Where an earlier version kept the hand-added departures: this browser's localStorage, one key per
 * manager. They now live in the manager's mailbox (workflows/added.ts); what is found here is moved
 * there once, then removed.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const legacyKeyFor = (managerMail: string): string => `aurevoir.departures.v1:${managerMail.toLowerCase()}`;

/** The list an earlier version left in this browser; undefined when there is none (nothing to move). */
export const readLegacyAdded = (store: KeyValueStore, managerMail: string): AddedDeparture[] | undefined => {
  const raw = store.getItem(legacyKeyFor(managerMail));
  if (raw === null) return undefined;
  try {
    return parseAddedDepartures(JSON.parse(raw) as unknown);
  } catch (e: unknown) {
    // Unreadable: nothing worth moving; it is removed all the same.
    console.warn('Au revoir: ignoring an unreadable list of added departures', e instanceof Error ? e.message : String(e));
    return [];
  }
};

export const removeLegacyAdded = (store: KeyValueStore, managerMail: string): void => {
  store.removeItem(legacyKeyFor(managerMail));
};

const samePerson = (a: Pick<Person, 'id' | 'mail'>, b: Pick<Person, 'id' | 'mail'>): boolean =>
  a.id === b.id || a.mail.toLowerCase() === b.mail.toLowerCase();

/**
 * What the Departures screen lists: Graph's departures (with their plan state) plus the people
 * added by hand that Graph does not know about yet; the hand-entered last day fills a gap in
 * Graph's. Soonest last day first; unknown last days at the end.
 */
export const mergeDepartures = (fromService: readonly Departure[], added: readonly AddedDeparture[]): Departure[] => {
  const merged: Departure[] = fromService.map((d) => {
    const local = added.find((a) => samePerson(a.person, d.person));
    return !d.lastWorkingDay && local ? { ...d, lastWorkingDay: local.lastWorkingDay } : d;
  });
  for (const a of added) {
    if (!merged.some((d) => samePerson(d.person, a.person))) {
      merged.push({ person: a.person, lastWorkingDay: a.lastWorkingDay, source: 'added', state: 'notPlanned' });
    }
  }
  return merged.sort((x, y) => {
    if (x.lastWorkingDay && y.lastWorkingDay) return x.lastWorkingDay.localeCompare(y.lastWorkingDay);
    if (x.lastWorkingDay) return -1;
    if (y.lastWorkingDay) return 1;
    return x.person.displayName.localeCompare(y.person.displayName);
  });
};
