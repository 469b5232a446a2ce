import { DateTime } from 'luxon';
import type { TouchpointKind } from '../cadence/model';
import { AppError } from '../errors';
import { TOUCHPOINT_KIND_LABELS } from '../cadence/presets';
import { isoDate, type IanaTimeZone, type IsoDate, type Lang, type Localized } from '../types';

/*
 * The reconnect log lives in the contact's personal notes, a plain-text field that the manager
 * also reads and edits in Outlook. So it is written for a person first:
 *
 *   — Au revoir · historique des échanges —
 *   2026-11-25 · Déjeuner · Au Petit Zinc, il se plaît chez Fabrikam
 *   2027-05-12 · Appel · Projet de salon commun
 *     (a second line of the same note, indented)
 *
 * and read back leniently, because that person may have edited it: any ISO date at the start of a
 * line opens an entry (a leading "-" or "•", or brackets around the date, are fine), the separator may be "·", "-", "–", ":" or
 * "|", the kind is recognised in French or English when it is the first word group, indented
 * lines continue the entry above, and text that is not an entry is left alone. When the heading
 * is there, only what follows it is the log (a summary above it may well start with a date).
 */

export interface ReconnectEntry {
  readonly date: IsoDate;
  readonly kind?: TouchpointKind;
  /** The note as the manager typed it (several lines joined with "\n"); may be empty. */
  readonly note: string;
}

export const RECONNECT_LOG_HEADING: Localized = {
  fr: '— Au revoir · historique des échanges —',
  en: '— Au revoir · keeping-in-touch log —',
};

const HEADING = /^\s*[—–-]*\s*au revoir\s*·\s*(historique des échanges|keeping-in-touch log)\s*[—–-]*\s*$/iu;
// `s`: the rest of a line may hold characters that `.` does not match otherwise, a lone "\r" or the
// Unicode line and paragraph separators (U+2028, U+2029) that a pasted note can carry; lines are split on
// "\n" only, so those stay inside the entry. Found by the append-then-parse property.
const ENTRY = /^\s*(?:[-*•]\s+)?\[?(\d{4}-\d{2}-\d{2})\]?(?:\s*[·•|:–—-]\s*|\s+|$)(.*)$/su;
const SEPARATOR = /^\s*[·•|:–—-]\s*/u;
const CONTINUATION = /^[ \t]+\S/;

/** Words a person may use for each kind, longest first so "e-mail" wins over "mail". */
const KIND_WORDS: readonly (readonly [string, TouchpointKind])[] = [
  ['téléphone', 'call'], ['telephone', 'call'], ['appel', 'call'], ['phone', 'call'], ['call', 'call'],
  ['courriel', 'email'], ['e-mail', 'email'], ['email', 'email'], ['mail', 'email'],
  ['déjeuner', 'lunch'], ['dejeuner', 'lunch'], ['lunch', 'lunch'], ['repas', 'lunch'],
];

const splitKind = (rest: string): { kind?: TouchpointKind; note: string } => {
  const lower = rest.toLowerCase();
  for (const [word, kind] of KIND_WORDS) {
    if (!lower.startsWith(word)) continue;
    const after = rest.slice(word.length);
    if (after.trim() === '') return { kind, note: '' };
    const sep = SEPARATOR.exec(after);
    // "Lunch was great" is a note that starts with a word, not a lunch.
    if (sep) return { kind, note: after.slice(sep[0].length).trim() };
  }
  return { note: rest.trim() };
};

const linesOf = (notes: string): string[] => notes.split(/\r?\n/);

interface Located {
  readonly entry: ReconnectEntry;
  /** Index of the entry's first line and of its last (continuation) line. */
  readonly first: number;
  readonly last: number;
}

const locate = (notes: string): { readonly lines: string[]; readonly heading: number; readonly entries: Located[] } => {
  const lines = linesOf(notes);
  const heading = lines.findIndex((l) => HEADING.test(l));
  const entries: Located[] = [];
  let current: { date: IsoDate; kind?: TouchpointKind; note: string[]; first: number; last: number } | undefined;
  const close = () => {
    if (!current) return;
    const { date, kind, note, first, last } = current;
    entries.push({ entry: { date, ...(kind ? { kind } : {}), note: note.filter((l) => l !== '').join('\n') }, first, last });
    current = undefined;
  };
  for (let i = heading + 1; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const m = ENTRY.exec(line);
    const date = m?.[1];
    // Indented lines belong to the entry above even when they start with a date: that is how a
    // note of several lines is written, and one of them may well begin with a date.
    if (current && CONTINUATION.test(line)) {
      current.note.push(line.trim());
      current.last = i;
    } else if (m && date && DateTime.fromISO(date).isValid) {
      close();
      const { kind, note } = splitKind(m[2] ?? '');
      current = { date: isoDate(date), ...(kind ? { kind } : {}), note: [note], first: i, last: i };
    } else {
      close();
    }
  }
  close();
  return { lines, heading, entries };
};

/** The entries of the log, newest first (on the same day, the one written last comes first). */
export const parseReconnectLog = (notes: string): ReconnectEntry[] =>
  locate(notes)
    .entries.map((e, order) => ({ e: e.entry, order }))
    .sort((a, b) => (a.e.date === b.e.date ? b.order - a.order : a.e.date < b.e.date ? 1 : -1))
    .map(({ e }) => e);

/** The date of the latest entry, or undefined when nothing was logged. */
export const lastContacted = (notes: string): IsoDate | undefined => parseReconnectLog(notes)[0]?.date;

export interface AppendReconnectInput {
  /** When the manager got back in touch. */
  readonly at: Date;
  /** The manager's time zone: the date written is the one on their calendar. */
  readonly timeZone: IanaTimeZone;
  readonly kind?: TouchpointKind;
  /** As typed; kept as is apart from surrounding spaces and blank lines. */
  readonly note: string;
  /** Language of the kind's label and of the heading when the log starts. */
  readonly lang: Lang;
}

/**
 * The notes with one more dated line, after the last entry of the log (or under a new heading
 * at the end when there is no log yet, after one blank line). The rest of the notes is left as
 * it was, line endings included. Plain text: no escaping here, it happens where text becomes HTML.
 */
export const appendReconnect = (notes: string, input: AppendReconnectInput): string => {
  const date = DateTime.fromJSDate(input.at, { zone: input.timeZone }).toISODate();
  if (date === null) throw new AppError({ code: 'validation', detail: `cannot date ${String(input.at)} in ${input.timeZone}` });
  const [firstLine = '', ...more] = input.note
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const head = [date, ...(input.kind ? [TOUCHPOINT_KIND_LABELS[input.kind][input.lang]] : []), ...(firstLine ? [firstLine] : [])].join(' · ');
  const block = [head, ...more.map((l) => `  ${l}`)];

  const eol = notes.includes('\r\n') ? '\r\n' : '\n';
  const { lines, heading, entries } = locate(notes);
  const lastEntry = entries[entries.length - 1];
  if (lastEntry) {
    lines.splice(lastEntry.last + 1, 0, ...block);
    return lines.join(eol);
  }
  if (heading >= 0) {
    lines.splice(heading + 1, 0, ...block);
    return lines.join(eol);
  }
  const before = notes.replace(/\s+$/u, '');
  const start = before === '' ? '' : `${before}${eol}${eol}`;
  return `${start}${[RECONNECT_LOG_HEADING[input.lang], ...block].join(eol)}`;
};
