import type { PlanId } from '../domain/types';
import type { MailboxState } from './state';

/**
 * What the app remembers of bookings that did not finish, so that a retry after a reload (Teams
 * reloads the tab, the manager closes the window mid-booking, a connection drops after Graph did the
 * work) books into the plan already started instead of a new one — on any device: a booking cut off
 * in Teams desktop is resumed from the browser or the Outlook task pane.
 *
 * Why a journal and not a deterministic plan id: contacts have no transactionId, so only a lookup
 * of the plan's tagged objects finds a contact created by a lost request, and that lookup needs the
 * plan id of the first attempt. Deriving the id from (manager, leaver) would find it too, but would
 * also tie every later plan for the same person (after a cancellation, say) to the deleted objects'
 * transactionIds, whose fate Exchange does not document. So the first attempt's random id is kept,
 * and only until that booking completes.
 *
 * Where: the manager's mailbox, the state document `bookings.v1` (workflows/state.ts, graph/state.ts),
 * written with the holder's change key so that two devices starting or finishing bookings at once lose
 * nothing (412, re-read, re-apply). Earlier versions kept it in one browser's localStorage
 * (`JOURNAL_KEY`); what is found there is moved into the mailbox once, then removed.
 *
 * What is stored: plan ids and, for each, the leaver's address (lower case). Not hashed any more, on
 * purpose: the hash was there because localStorage belongs to a browser that others may share, and it
 * had a per-browser salt so the value meant nothing elsewhere. The mailbox is the manager's own, and
 * the very booking this entry tracks writes the same address, in clear, into the same mailbox (the
 * invitation's attendee, the leaver's contact), readable by exactly the same people (the manager, their
 * delegates, their admins). A salted hash there would need its salt beside it in the same document for
 * every device to match it, and a work address is guessable from the directory: it would hide nothing
 * from anyone able to read it, and would keep the manager (or support) from seeing what is pending.
 * The manager's own address is not stored at all: the mailbox says whose it is. Entries moved from an
 * earlier version keep their salted fingerprint (it cannot be reversed) and are matched by hashing.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  /** Optional for stores that only ever held a journal to read; the legacy move removes the key with it. */
  removeItem?(key: string): void;
}

/** Seam for tests: SHA-256 of a string, hex. */
export type Digest = (text: string) => Promise<string>;

export interface Who {
  readonly managerMail: string;
  readonly leaverMail: string;
}

export interface BookingJournal {
  /** Whether a booking of this plan was attempted and has not completed (so: look before creating). */
  has(planId: string): Promise<boolean>;
  /**
   * Records an attempt before its first request leaves; `who` identifies manager and leaver. Resolves to
   * whether this plan was already pending (an earlier attempt, on this device or another): one round trip
   * fewer than asking `has` first.
   */
  started(planId: string, who: Who): Promise<boolean>;
  /** The plan id of an unfinished booking for this leaver, if any (the latest). */
  pendingFor(who: Who): Promise<PlanId | undefined>;
  /** The booking completed (or the plan was cancelled): nothing left to resume. */
  completed(planId: string): Promise<void>;
}

/** Where an earlier version kept the journal: this browser's localStorage. */
export const JOURNAL_KEY = 'aurevoir.pendingBookings.v1';
/** The mailbox state document now holding it. */
export const JOURNAL_STATE_KEY = 'bookings.v1';
/** Enough for any manager's unfinished bookings; the oldest go first (and the document stays small). */
const MAX_ENTRIES = 50;

/** An entry: the leaver's address, or (moved from an earlier version) a salted fingerprint of manager and leaver. */
export type JournalEntry =
  | { readonly planId: string; readonly leaverMail: string }
  | { readonly planId: string; readonly salt: string; readonly who: string };
export interface JournalDocument {
  readonly entries: readonly JournalEntry[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const toEntry = (v: unknown): JournalEntry | undefined => {
  if (!isRecord(v) || typeof v.planId !== 'string' || v.planId === '') return undefined;
  if (typeof v.leaverMail === 'string') return { planId: v.planId, leaverMail: v.leaverMail };
  if (typeof v.salt === 'string' && typeof v.who === 'string') return { planId: v.planId, salt: v.salt, who: v.who };
  return undefined;
};

/** Keeps the well-formed entries of a stored journal (written by any version, or edited by hand). */
export const parseJournal = (raw: unknown): JournalDocument | undefined => {
  if (!isRecord(raw) || !Array.isArray(raw.entries)) return undefined;
  return { entries: raw.entries.map(toEntry).filter((e): e is JournalEntry => e !== undefined) };
};

/** What an earlier version left in localStorage: `{ salt, entries: [{ planId, who }] }`, one salt for all. */
const parseLegacy = (text: string): JournalEntry[] => {
  const raw = JSON.parse(text) as unknown;
  if (!isRecord(raw) || typeof raw.salt !== 'string' || !Array.isArray(raw.entries)) return [];
  const salt = raw.salt;
  return raw.entries.flatMap((e: unknown) => (isRecord(e) && typeof e.planId === 'string' && typeof e.who === 'string' ? [{ planId: e.planId, salt, who: e.who }] : []));
};

export const webCryptoDigest: Digest = async (text) => {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
};

/** Addresses compare without case or surrounding spaces, as Exchange does. */
const norm = (mail: string): string => mail.trim().toLowerCase();

export interface BookingJournalOptions {
  /** This browser's storage, where an earlier version may have left its journal (moved once, then removed). */
  readonly legacyStore?: KeyValueStore;
  readonly digest?: Digest;
}

export const createBookingJournal = (state: MailboxState, options: BookingJournalOptions = {}): BookingJournal => {
  const digest = options.digest ?? webCryptoDigest;
  const legacyStore = options.legacyStore;

  const read = async (): Promise<readonly JournalEntry[]> => (await state.get(JOURNAL_STATE_KEY, parseJournal))?.entries ?? [];
  // A change that returns the entries it was given writes nothing (MailboxState.update).
  const update = (change: (entries: readonly JournalEntry[]) => readonly JournalEntry[]): Promise<JournalDocument> =>
    state.update(JOURNAL_STATE_KEY, parseJournal, (current) => {
      const entries = current?.entries ?? [];
      const next = change(entries);
      return current && next === entries ? current : { entries: next.slice(-MAX_ENTRIES) };
    });

  // The move from localStorage, once per page (and retried on the next call when the mailbox failed):
  // into the mailbox first, and only then out of the browser, so a failure loses nothing.
  let moved: Promise<void> | undefined;
  const moveLegacy = (): Promise<void> => {
    if (!legacyStore) return Promise.resolve();
    moved ??= (async () => {
      let text: string | null;
      try {
        text = legacyStore.getItem(JOURNAL_KEY);
      } catch (e: unknown) {
        // Storage the browser refuses holds nothing we could move.
        console.warn('Au revoir: could not read an earlier booking journal', e instanceof Error ? e.message : String(e));
        return;
      }
      if (text === null) return;
      let legacy: JournalEntry[] = [];
      try {
        legacy = parseLegacy(text);
      } catch (e: unknown) {
        // Unreadable: nothing worth moving; it is removed all the same.
        console.warn('Au revoir: ignoring an unreadable earlier booking journal', e instanceof Error ? e.message : String(e));
      }
      if (legacy.length > 0) {
        await update((entries) => [...legacy.filter((l) => !entries.some((e) => e.planId === l.planId)), ...entries]);
      }
      legacyStore.removeItem?.(JOURNAL_KEY);
    })().catch((e: unknown) => {
      moved = undefined;
      throw e;
    });
    return moved;
  };

  const matches = async (entry: JournalEntry, who: Who): Promise<boolean> =>
    'leaverMail' in entry
      ? norm(entry.leaverMail) === norm(who.leaverMail)
      : entry.who === (await digest(`${entry.salt}\n${norm(who.managerMail)}\n${norm(who.leaverMail)}`));

  return {
    async has(planId) {
      await moveLegacy();
      return (await read()).some((e) => e.planId === planId);
    },

    async started(planId, who) {
      await moveLegacy();
      let already = false;
      // `change` runs again on a 412 (another device wrote): `already` is set from what is there then.
      await update((entries) => {
        already = entries.some((e) => e.planId === planId);
        return [...entries.filter((e) => e.planId !== planId), { planId, leaverMail: norm(who.leaverMail) }];
      });
      return already;
    },

    async pendingFor(who) {
      await moveLegacy();
      const entries = await read();
      // The latest attempt for this person wins.
      for (const entry of [...entries].reverse()) {
        if (await matches(entry, who)) return entry.planId as PlanId;
      }
      return undefined;
    },

    async completed(planId) {
      await moveLegacy();
      // A read first: a plan that was never pending (most cancellations) writes nothing, and a mailbox
      // without the document does not get a holder contact for an empty list.
      if (!(await read()).some((e) => e.planId === planId)) return;
      await update((entries) => (entries.some((e) => e.planId === planId) ? entries.filter((e) => e.planId !== planId) : entries));
    },
  };
};
