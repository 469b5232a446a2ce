import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { IsoDate } from '../../../domain/types';
import { useLoad, type LoadState } from '../../../ui/useLoad';
import { mergeLegacyDepartures } from '../../../workflows';
import type { AuRevoirService, Departure, MailboxSettings, Person } from '../../../workflows/service';
import { mergeDepartures, readLegacyAdded, removeLegacyAdded, type AddedDeparture, type KeyValueStore } from '../addedDepartures';

export interface LoadedDepartures {
  readonly manager: Person;
  readonly settings: MailboxSettings;
  readonly departures: readonly Departure[];
  readonly added: readonly AddedDeparture[];
}

export interface Departures {
  readonly state: LoadState<LoadedDepartures>;
  /** Loads again; `quiet` keeps the list on screen meanwhile (back from the wizard). */
  readonly reload: (quiet?: boolean) => Promise<void>;
  /** Graph's departures and the hand-added ones, merged; empty until loaded. */
  readonly rows: readonly Departure[];
  /** The last save that failed, with a Retry that makes the same change again. */
  readonly saveError: { readonly error: unknown; readonly retry: () => void } | undefined;
  readonly dismissSaveError: () => void;
  /** Adds someone (or gives a direct report Graph has no leave date for) a last day. */
  readonly rememberLastDay: (person: Pick<Person, 'id' | 'displayName' | 'mail' | 'jobTitle'>, day: IsoDate) => void;
  /** Takes a hand-added departure off the list. */
  readonly remove: (personId: string) => void;
  /** Shows a booking made a moment ago, before the service can see it. */
  readonly markBooked: (personId: string) => void;
}

/**
 * The Departures screen's data: the first load (and the move of what an earlier version kept in this
 * browser into the mailbox), the hand-added departures saved in the mailbox with the change shown at
 * once, and the bookings just made.
 */
export const useDepartures = (service: AuRevoirService, store: KeyValueStore): Departures => {
  const { state, reload } = useLoad<LoadedDepartures>(async () => {
    const [manager, settings, departures, inMailbox] = await Promise.all([service.me(), service.mailboxSettings(), service.departures(), service.addedDepartures()]);
    let added = inMailbox;
    const legacy = readLegacyAdded(store, manager.mail);
    if (legacy !== undefined) {
      // Moved once: into the mailbox first, and only then out of this browser.
      if (legacy.length > 0) added = await service.updateAddedDepartures((current) => mergeLegacyDepartures(current, legacy));
      removeLegacyAdded(store, manager.mail);
    }
    return { manager, settings, departures, added };
  });
  // What this screen changed since the load (undefined: nothing, the mailbox's list as loaded).
  const [added, setAdded] = useState<readonly AddedDeparture[] | undefined>(undefined);
  const [saveError, setSaveError] = useState<Departures['saveError']>();
  const [bookedNow, setBookedNow] = useState<readonly string[]>([]);

  const loaded = state.status === 'ready' ? state.data : undefined;
  const addedList = useMemo(() => added ?? loaded?.added ?? [], [added, loaded]);
  const rows = useMemo(() => {
    if (!loaded) return [];
    return mergeDepartures(loaded.departures, addedList).map((d) =>
      // The service may not see a booking made a moment ago yet; the receipt is proof enough.
      bookedNow.includes(d.person.id) && d.state === 'notPlanned' ? { ...d, state: 'booked' as const } : d,
    );
  }, [loaded, addedList, bookedNow]);

  // The list on screen, for a Retry clicked long after the render that offered it.
  const shown = useRef(addedList);
  useLayoutEffect(() => {
    shown.current = addedList;
  });
  // Saves may overlap (two quick clicks, one slow answer). Each answer is the mailbox's list after that
  // save, so one that comes while another save is on its way is already out of date: the change made
  // since stays on screen, and only the last answer of the batch (or, if none succeeded, the list as
  // it was before the batch) is shown.
  const saves = useRef<{ pending: number; before: readonly AddedDeparture[]; saved?: readonly AddedDeparture[] }>({ pending: 0, before: [] });

  /**
   * Shows the change at once, then saves it in the mailbox, applied to the latest list (another
   * device may have changed it meanwhile); a failed save puts the list back and offers Retry.
   */
  const updateAdded = (change: (current: readonly AddedDeparture[]) => readonly AddedDeparture[]): void => {
    if (!loaded) return;
    if (saves.current.pending === 0) saves.current = { pending: 0, before: shown.current };
    saves.current.pending++;
    setSaveError(undefined);
    setAdded(change(shown.current));
    const settle = (saved: readonly AddedDeparture[] | undefined) => {
      const batch = saves.current;
      batch.pending--;
      if (saved) batch.saved = saved;
      if (batch.pending === 0) setAdded(batch.saved ?? batch.before);
    };
    service.updateAddedDepartures(change).then(settle, (error: unknown) => {
      settle(undefined);
      setSaveError({ error, retry: () => updateAdded(change) });
    });
  };

  return {
    state,
    reload,
    rows,
    saveError,
    dismissSaveError: () => setSaveError(undefined),
    rememberLastDay: (person, day) => {
      const entry: AddedDeparture = {
        person: { id: person.id, displayName: person.displayName, mail: person.mail, ...(person.jobTitle ? { jobTitle: person.jobTitle } : {}) },
        lastWorkingDay: day,
      };
      updateAdded((list) => [...list.filter((a) => a.person.id !== person.id), entry]);
    },
    remove: (personId) => updateAdded((list) => list.filter((a) => a.person.id !== personId)),
    markBooked: (personId) => setBookedNow((ids) => [...ids, personId]),
  };
};
