import type { IsoDate } from '../../domain/types';
import { isoDate } from '../../domain/types';
import type { Departure, Person } from '../../workflows/service';

/**
 * People the manager added by hand, with their last day. Graph rarely exposes leave dates to a
 * manager, so this list is how most departures get in. Kept in the browser per manager: directory
 * facts only (id, name, mail, title, last day) — never a token, never personal contact details.
 */
export interface AddedDeparture {
  readonly person: Pick<Person, 'id' | 'displayName' | 'mail' | 'jobTitle'>;
  readonly lastWorkingDay: IsoDate;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const keyFor = (managerMail: string): string => `aurevoir.departures.v1:${managerMail.toLowerCase()}`;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export const loadAdded = (store: KeyValueStore, managerMail: string): AddedDeparture[] => {
  const raw = store.getItem(keyFor(managerMail));
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e: unknown) {
    // A corrupted entry must not break the screen; start again from an empty list.
    console.warn('Au revoir: ignoring an unreadable list of added departures', e);
    return [];
  }
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

export const saveAdded = (store: KeyValueStore, managerMail: string, list: readonly AddedDeparture[]): void => {
  store.setItem(keyFor(managerMail), JSON.stringify(list));
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
