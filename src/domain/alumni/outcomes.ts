import { DateTime } from 'luxon';
import { AppError } from '../errors';
import { isoDate, type IsoDate, type Localized } from '../types';

/*
 * What a former colleague became, and the good turns that went either way: a dated log kept with the
 * contact in the manager's mailbox (graph/contacts.ts says where and why: one extended property holding
 * this module's JSON).
 *
 * CHOICE, the three groups the Alumni screen sums up:
 * - "what they became": client, supplier, partner, competitor, manager (of ours), rehired;
 * - "they gave": introducedUs (they introduced us to someone), referenceReceived (they gave us a
 *   reference: vouched for us, for our company or one of our people);
 * - "we gave": weIntroduced (we introduced them to someone), referenceGiven (we gave a reference for them).
 * A reference is named from our side: "given" is one we gave, "received" one we got.
 *
 * The JSON is ours, but it lives in someone's mailbox for years, may be written by an older or newer
 * version of the app, and could be edited by any tool that writes MAPI properties: it is read back
 * leniently. Anything that is not JSON reads as an empty log; an entry with an unknown kind or a date
 * that is not a calendar date is skipped, never guessed; a note is cut to NOTE_MAX; the same id twice
 * keeps the first. What cannot be read is never written back over silently: the workflow refuses to
 * add to a log that is present but unreadable (see `readOutcomeLog`'s `unreadable`).
 */

export const OUTCOME_KINDS = [
  'client',
  'supplier',
  'partner',
  'competitor',
  'manager',
  'rehired',
  'introducedUs',
  'referenceReceived',
  'weIntroduced',
  'referenceGiven',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export const isOutcomeKind = (v: unknown): v is OutcomeKind => typeof v === 'string' && (OUTCOME_KINDS as readonly string[]).includes(v);

export type OutcomeGroup = 'became' | 'theyGave' | 'weGave';
export const OUTCOME_GROUPS: readonly OutcomeGroup[] = ['became', 'theyGave', 'weGave'];
export const OUTCOME_GROUP: Readonly<Record<OutcomeKind, OutcomeGroup>> = {
  client: 'became',
  supplier: 'became',
  partner: 'became',
  competitor: 'became',
  manager: 'became',
  rehired: 'became',
  introducedUs: 'theyGave',
  referenceReceived: 'theyGave',
  weIntroduced: 'weGave',
  referenceGiven: 'weGave',
};

/** Labels for Outlook-side texts and the domain's own messages; the apps use their i18n catalogues. */
export const OUTCOME_KIND_LABELS: Readonly<Record<OutcomeKind, Localized>> = {
  client: { fr: 'Devenu client', en: 'Became a client' },
  supplier: { fr: 'Devenu fournisseur', en: 'Became a supplier' },
  partner: { fr: 'Devenu partenaire', en: 'Became a partner' },
  competitor: { fr: 'Chez un concurrent', en: 'Joined a competitor' },
  manager: { fr: 'Devenu notre responsable', en: 'Became a manager of ours' },
  rehired: { fr: 'Réembauché', en: 'Rehired' },
  introducedUs: { fr: 'Nous a présenté quelqu’un', en: 'Introduced us to someone' },
  referenceReceived: { fr: 'Nous a recommandés', en: 'Gave us a reference' },
  weIntroduced: { fr: 'Présenté par nous à quelqu’un', en: 'We introduced them' },
  referenceGiven: { fr: 'Recommandé par nous', en: 'We gave a reference' },
};

export interface OutcomeEntry {
  /** Chosen by whoever adds it (a UUID); what removing names. */
  readonly id: string;
  readonly kind: OutcomeKind;
  readonly date: IsoDate;
  /** Plain text as typed; escaped where it becomes HTML. May be empty. */
  readonly note: string;
}

export const NOTE_MAX = 500;
/** Ids are ours (UUIDs); anything longer or stranger is not an entry we wrote. */
const ID = /^[A-Za-z0-9._-]{1,64}$/;
const FORMAT_VERSION = 1;

const validDate = (v: unknown): IsoDate | undefined =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v, { zone: 'UTC' }).isValid ? isoDate(v) : undefined;

const cleanNote = (v: unknown): string => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim().slice(0, NOTE_MAX) : '');

/** Newest first; on the same day, the one added last (later in the stored array) first. */
const newestFirst = (entries: readonly OutcomeEntry[]): OutcomeEntry[] =>
  entries
    .map((e, order) => ({ e, order }))
    .sort((a, b) => (a.e.date === b.e.date ? b.order - a.order : a.e.date < b.e.date ? 1 : -1))
    .map(({ e }) => e);

export interface OutcomeLogRead {
  /** Newest first. */
  readonly entries: OutcomeEntry[];
  /** true when something was stored but is not a log this code can read: do not write over it. */
  readonly unreadable: boolean;
}

/** Reads the stored text (absent: an empty log). */
export const readOutcomeLog = (stored: string | undefined | null): OutcomeLogRead => {
  if (stored === undefined || stored === null || stored.trim() === '') return { entries: [], unreadable: false };
  let doc: unknown;
  try {
    doc = JSON.parse(stored);
  } catch {
    return { entries: [], unreadable: true };
  }
  const raw = Array.isArray(doc) ? doc : doc && typeof doc === 'object' ? (doc as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(raw)) return { entries: [], unreadable: true };
  const seen = new Set<string>();
  const entries: OutcomeEntry[] = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object') continue;
    const { id, kind, date, note } = item as Record<string, unknown>;
    const day = validDate(date);
    if (typeof id !== 'string' || !ID.test(id) || seen.has(id) || !isOutcomeKind(kind) || !day) continue;
    seen.add(id);
    entries.push({ id, kind, date: day, note: cleanNote(note) });
  }
  return { entries: newestFirst(entries), unreadable: false };
};

/** The entries, newest first; an unreadable log reads as empty. */
export const parseOutcomeLog = (stored: string | undefined | null): OutcomeEntry[] => readOutcomeLog(stored).entries;

/** Largest stored text: graph/contacts.ts explains the figure. */
export const MAX_OUTCOME_LOG_CHARS = 32_000;

/** The text to store for a log held newest first (as read): stored oldest first, so same-day order survives. */
export const serialiseOutcomeLog = (entries: readonly OutcomeEntry[]): string => {
  // In memory a log is newest first (as read); stored, oldest first.
  const oldestFirst = [...entries].reverse();
  const text = JSON.stringify({ v: FORMAT_VERSION, entries: oldestFirst.map(({ id, kind, date, note }) => ({ id, kind, date, note })) });
  if (text.length > MAX_OUTCOME_LOG_CHARS) {
    throw new AppError({ code: 'validation', detail: `outcome log too large (${text.length} chars, at most ${MAX_OUTCOME_LOG_CHARS})` });
  }
  return text;
};

export interface NewOutcome {
  readonly id: string;
  readonly kind: OutcomeKind;
  /** A calendar date (the caller picks it: today in the manager's zone by default). */
  readonly date: string;
  readonly note: string;
}

/** The log with one more entry (or unchanged if that id is already there: a retried add). */
export const addOutcome = (entries: readonly OutcomeEntry[], input: NewOutcome): OutcomeEntry[] => {
  const date = validDate(input.date);
  if (!date) throw new AppError({ code: 'validation', detail: `outcome date is not a calendar date: ${input.date}` });
  if (!isOutcomeKind(input.kind)) throw new AppError({ code: 'validation', detail: `unknown outcome kind ${String(input.kind)}` });
  if (!ID.test(input.id)) throw new AppError({ code: 'validation', detail: `bad outcome id ${input.id}` });
  if (input.note.trim().length > NOTE_MAX) throw new AppError({ code: 'validation', detail: `outcome note longer than ${NOTE_MAX} characters` });
  if (entries.some((e) => e.id === input.id)) return [...entries];
  // Appended after the others of its day, so it reads as the newest of that day.
  const oldestFirst = [...entries].reverse();
  return newestFirst([...oldestFirst, { id: input.id, kind: input.kind, date, note: cleanNote(input.note) }]);
};

export const removeOutcome = (entries: readonly OutcomeEntry[], id: string): OutcomeEntry[] => entries.filter((e) => e.id !== id);

export interface OutcomeSummary {
  readonly byKind: Readonly<Record<OutcomeKind, number>>;
  readonly byGroup: Readonly<Record<OutcomeGroup, number>>;
  /** Alumni with at least one outcome. */
  readonly people: number;
}

/** Counts over everyone's logs (one log per alumnus). */
export const summariseOutcomes = (logs: readonly (readonly OutcomeEntry[])[]): OutcomeSummary => {
  const byKind = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number>;
  const byGroup: Record<OutcomeGroup, number> = { became: 0, theyGave: 0, weGave: 0 };
  let people = 0;
  for (const log of logs) {
    if (log.length > 0) people += 1;
    for (const e of log) {
      byKind[e.kind] += 1;
      byGroup[OUTCOME_GROUP[e.kind]] += 1;
    }
  }
  return { byKind, byGroup, people };
};

/** The date of the newest outcome (of `kind`, when given), or undefined. */
export const latestOutcome = (log: readonly OutcomeEntry[], kind?: OutcomeKind): IsoDate | undefined =>
  newestFirst(log.filter((e) => kind === undefined || e.kind === kind))[0]?.date;
