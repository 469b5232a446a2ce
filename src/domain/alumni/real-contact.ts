import { DateTime } from 'luxon';
import type { TouchpointKind } from '../cadence/model';
import { isoDate, localDateTime, type IanaTimeZone, type IsoDate, type Localized, type LocalDateTime, type Weekday } from '../types';

/*
 * "Real contact resets the rhythm": when the manager actually met or wrote to an alumnus, "last
 * contacted" moves to that day and the next reminder moves by the cadence instead of nagging.
 *
 * Everything here is pure: the calendar items and messages come in already read (src/graph/real-contact.ts),
 * with wall-clock times in the manager's mailbox zone, and `now` is an argument.
 *
 * What counts as contact (matchEvents / matchMessages):
 * - an event that has ENDED by `now` (an all-day event ends at midnight after its last day), that is not
 *   cancelled, that the manager did not decline, where the alumnus's PERSONAL address is an attendee or
 *   the organiser and did not decline;
 * - never one of Au revoir's own items (its reminders and the exit conversation carry its tags, told
 *   apart in src/graph before they get here: `isAppItem`);
 * - never the leaver's WORK address: that account closes with the departure, and a meeting on it is a
 *   meeting with a colleague, not a reconnect. A "personal" address equal to the work one counts neither;
 * - a message (only when the manager turned mail matching on) that is not a draft, sent by the alumnus's
 *   personal address or to it (To or Cc).
 * The contact's day is the day on the manager's calendar: a timed event's start in the mailbox zone, an
 * all-day event's own date (all-day events have no instant: they float with the calendar's days).
 *
 * What "shifts by the cadence" means (shiftReminders), R being the next pending reminder:
 * - the rhythm R stands for: a series occurrence, the series' interval (every N months, or N days/weeks);
 *   a one-off touchpoint, the distance from the reminder (or the exit conversation) before it, in whole
 *   months, at least one; with nothing before it, one month (the shortest step of every preset);
 * - the new due day D is the contact day plus that rhythm, at R's time of day, rolled forward to the
 *   manager's next working day; when D is not after R, the contact came early enough and nothing moves;
 * - a one-off R: R and every later one-off of the plan move later by the same number of days (so their
 *   spacing stays), each rolled to a working day; the steady series are left alone;
 * - a series occurrence R: only that occurrence moves to D (Outlook keeps it as an exception). D is
 *   always before the series' next occurrence (D = contact + interval < R + interval because the contact
 *   is before R), and Outlook refuses to move an occurrence onto or past the next one, so a D that the
 *   working-day roll pushes there is dropped rather than sent. Shifting the whole series instead would move
 *   years of reminders for one lunch.
 */

export interface CalendarAttendee {
  readonly address: string;
  /** Graph's responseStatus.response: none, organizer, tentativelyAccepted, accepted, declined, notResponded. */
  readonly response?: string;
}

/** One event of the manager's calendar (occurrences expanded), wall clock in `zone`. */
export interface CalendarItem {
  readonly id: string;
  readonly subject: string;
  readonly start: LocalDateTime;
  readonly end: LocalDateTime;
  readonly isAllDay: boolean;
  readonly isCancelled: boolean;
  readonly organizer?: string;
  readonly attendees: readonly CalendarAttendee[];
  /** The manager's own answer (responseStatus.response of the event in their calendar). */
  readonly myResponse?: string;
  /** Au revoir's own reminder or conversation: never evidence of contact. */
  readonly isAppItem: boolean;
}

/** One message of the manager's mailbox, as Mail.ReadBasic gives it (no body). */
export interface MailItem {
  readonly id: string;
  readonly subject: string;
  /** ISO instant (sent for the manager's own mail, received otherwise). */
  readonly at: string;
  readonly from?: string;
  readonly to: readonly string[];
  readonly isDraft: boolean;
}

export type EvidenceSource = 'event' | 'mail';

export interface ContactEvidence {
  readonly source: EvidenceSource;
  /** The event's or message's id: an undone evidence is remembered by it and not applied again. */
  readonly key: string;
  readonly subject: string;
  /** The day on the manager's calendar. */
  readonly date: IsoDate;
  /** ISO instant, for ordering (an all-day event: its day's start in the mailbox zone). */
  readonly at: string;
  readonly kind?: TouchpointKind;
}

export interface AlumnusAddresses {
  readonly personal: readonly string[];
  /** The leaver's work address, which never counts. */
  readonly work?: string;
}

const norm = (a: string | undefined): string => (a ?? '').trim().toLowerCase();

/** The personal addresses that may count: trimmed, lower-cased, without the work address. */
const personalSet = (who: AlumnusAddresses): Set<string> => {
  const work = norm(who.work);
  return new Set(who.personal.map(norm).filter((a) => a !== '' && a !== work));
};

const LUNCH = /\b(lunch|déjeuner|dejeuner|repas|dîner|diner|dinner|brunch)\b/iu;

/** Lunch when the subject says so; otherwise no kind (a meeting is neither a call nor an email for sure). */
export const kindOfEvent = (subject: string): TouchpointKind | undefined => (LUNCH.test(subject) ? 'lunch' : undefined);

const local = (s: string, zone: IanaTimeZone): DateTime => DateTime.fromISO(s.replace(/\.\d+$/, ''), { zone });

/**
 * The latest past event with the alumnus, or undefined. Events not over by `now`, cancelled, declined
 * by either side, Au revoir's own, or with only the work address, do not count.
 */
export const matchEvents = (items: readonly CalendarItem[], who: AlumnusAddresses, zone: IanaTimeZone, now: Date): ContactEvidence | undefined => {
  const mine = personalSet(who);
  if (mine.size === 0) return undefined;
  let best: ContactEvidence | undefined;
  for (const e of items) {
    if (e.isAppItem || e.isCancelled || norm(e.myResponse) === 'declined') continue;
    const end = local(e.end, zone);
    const start = local(e.start, zone);
    if (!end.isValid || !start.isValid || end.toMillis() > now.getTime()) continue;
    const theirs = e.attendees.filter((a) => mine.has(norm(a.address)));
    const organised = mine.has(norm(e.organizer));
    if (!organised && (theirs.length === 0 || theirs.every((a) => norm(a.response) === 'declined'))) continue;
    const date = start.toISODate();
    if (!date) continue;
    const at = start.toUTC().toISO() ?? '';
    if (best && Date.parse(best.at) >= Date.parse(at)) continue;
    const kind = kindOfEvent(e.subject);
    best = { source: 'event', key: e.id, subject: e.subject, date: isoDate(date), at, ...(kind ? { kind } : {}) };
  }
  return best;
};

/** The latest message exchanged with the alumnus's personal address by `now`, or undefined. */
export const matchMessages = (items: readonly MailItem[], who: AlumnusAddresses, zone: IanaTimeZone, now: Date): ContactEvidence | undefined => {
  const mine = personalSet(who);
  if (mine.size === 0) return undefined;
  let best: ContactEvidence | undefined;
  for (const m of items) {
    if (m.isDraft) continue;
    const at = Date.parse(m.at);
    if (Number.isNaN(at) || at > now.getTime()) continue;
    if (!mine.has(norm(m.from)) && !m.to.some((a) => mine.has(norm(a)))) continue;
    if (best && Date.parse(best.at) >= at) continue;
    const date = DateTime.fromMillis(at, { zone }).toISODate();
    if (!date) continue;
    best = { source: 'mail', key: m.id, subject: m.subject, date: isoDate(date), at: new Date(at).toISOString(), kind: 'email' };
  }
  return best;
};

/**
 * The evidence to apply: the latest of those given, when its day is after the last contact already
 * known (the reconnect log) and it was not undone before. Undefined otherwise.
 */
export const newEvidence = (
  candidates: ReadonlyArray<ContactEvidence | undefined>,
  lastContacted: IsoDate | undefined,
  dismissed: readonly string[],
): ContactEvidence | undefined => {
  const undone = new Set(dismissed);
  const best = candidates
    .filter((c): c is ContactEvidence => c !== undefined && !undone.has(c.key))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
  if (!best) return undefined;
  return lastContacted === undefined || best.date > lastContacted ? best : undefined;
};

export type Every = { readonly months: number } | { readonly days: number };

/** A reminder still ahead, wall clock in the mailbox zone, in time order. */
export interface PendingReminder {
  readonly id: string;
  readonly start: LocalDateTime;
  readonly end: LocalDateTime;
  /** Set for an occurrence of a steady series. */
  readonly series?: { readonly every: Every; readonly nextStart?: LocalDateTime };
  /** For a one-off: the start of the reminder (or the exit conversation) before it, if known. */
  readonly previousStart?: LocalDateTime;
}

export interface ReminderMove {
  readonly id: string;
  readonly from: { readonly start: LocalDateTime; readonly end: LocalDateTime };
  readonly to: { readonly start: LocalDateTime; readonly end: LocalDateTime };
}

export interface ShiftInput {
  readonly contactDate: IsoDate;
  readonly zone: IanaTimeZone;
  /** The manager's working days: a moved reminder lands on one. */
  readonly workingDays: readonly Weekday[];
  /** Reminders still ahead of now, of this alumnus's plan, in time order. */
  readonly pending: readonly PendingReminder[];
}

const DAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const FMT = "yyyy-LL-dd'T'HH:mm:ss";

const toWorkingDay = (d: DateTime, workingDays: readonly Weekday[]): DateTime => {
  if (workingDays.length === 0) return d;
  let out = d;
  for (let i = 0; i < 7 && !workingDays.includes(DAYS[out.weekday - 1]!); i += 1) out = out.plus({ days: 1 });
  return out;
};

/** The rhythm a one-off stands for: whole months since the reminder before it, at least one. */
const rhythmOf = (r: PendingReminder, zone: IanaTimeZone): Every => {
  if (r.series) return r.series.every;
  if (!r.previousStart) return { months: 1 };
  const months = Math.round(local(r.start, zone).diff(local(r.previousStart, zone), 'months').months);
  return { months: Math.max(1, months) };
};

const ldt = (d: DateTime): LocalDateTime => localDateTime(d.toFormat(FMT));

/** The moves that put the next reminder one rhythm after the contact day (see the header). Pure. */
export const shiftReminders = (input: ShiftInput): ReminderMove[] => {
  const { zone, workingDays } = input;
  const r = input.pending[0];
  if (!r) return [];
  const start = local(r.start, zone);
  const end = local(r.end, zone);
  const contact = DateTime.fromISO(input.contactDate, { zone });
  if (!start.isValid || !end.isValid || !contact.isValid) return [];
  const every = rhythmOf(r, zone);
  const dueDay = contact.plus('months' in every ? { months: every.months } : { days: every.days });
  const due = toWorkingDay(dueDay.set({ hour: start.hour, minute: start.minute, second: start.second, millisecond: 0 }), workingDays);
  if (due <= start) return [];
  const length = end.diff(start);
  if (r.series) {
    const next = r.series.nextStart ? local(r.series.nextStart, zone) : undefined;
    if (next?.isValid && due.startOf('day') >= next.startOf('day')) return [];
    return [{ id: r.id, from: { start: r.start, end: r.end }, to: { start: ldt(due), end: ldt(due.plus(length)) } }];
  }
  const days = Math.round(due.startOf('day').diff(start.startOf('day'), 'days').days);
  return input.pending
    .filter((p) => !p.series && local(p.start, zone) >= start)
    .map((p) => {
      const s = local(p.start, zone);
      const e = local(p.end, zone);
      const to = toWorkingDay(s.plus({ days }), workingDays);
      return { id: p.id, from: { start: p.start, end: p.end }, to: { start: ldt(to), end: ldt(to.plus(e.diff(s))) } };
    });
};

/** What the reconnect log says of an applied evidence (no subject: it may be private). */
export const EVIDENCE_LOG_NOTE: Readonly<Record<EvidenceSource, Localized>> = {
  event: { fr: 'Rencontre trouvée dans votre agenda', en: 'Meeting found in your calendar' },
  mail: { fr: 'Échange de courriels trouvé dans votre boîte', en: 'Email exchange found in your mailbox' },
};

/**
 * The lines `appendReconnect` inserted into `before` to make `after` (the dated line, and the heading with
 * its blank line when the log started there), found by comparing both: what undo takes back.
 */
export const addedLines = (before: string, after: string): string[] => {
  if (before === '') return after.split(/\r?\n/);
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return b.slice(i, i + Math.max(0, b.length - a.length));
};

/**
 * The notes without the block of lines an evidence added (`block`, as addedLines found it), when that block is
 * still there as written; otherwise without its dated line alone (`line`, the last identical one), so a
 * manager's edits around it stay. Notes without either are returned as they are.
 */
export const removeLogBlock = (notes: string, block: readonly string[], line: string): string => {
  if (notes === block.join('\n') || notes === block.join('\r\n')) return '';
  const eol = notes.includes('\r\n') ? '\r\n' : '\n';
  const lines = notes.split(/\r?\n/);
  if (block.length > 0) {
    for (let i = lines.length - block.length; i >= 0; i -= 1) {
      if (block.every((b, k) => lines[i + k] === b)) {
        lines.splice(i, block.length);
        return lines.join(eol);
      }
    }
  }
  return removeLogLine(notes, line);
};

/**
 * The notes without the log line that an evidence added (the last line equal to `line`, trimmed):
 * undo takes back exactly what was written. Notes without that line are returned as they are (the
 * manager removed it by hand).
 */
export const removeLogLine = (notes: string, line: string): string => {
  const eol = notes.includes('\r\n') ? '\r\n' : '\n';
  const lines = notes.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    if (lines[i]!.trim() === line.trim()) {
      lines.splice(i, 1);
      return lines.join(eol);
    }
  }
  return notes;
};

/** The record kept with the contact: what the last evidence changed (for undo) and which were undone. */
export interface RealContactRecord {
  readonly v: 1;
  readonly applied?: {
    readonly evidence: ContactEvidence;
    /** The exact dated log line written, removed again by undo. */
    readonly logLine: string;
    /** Every line inserted with it (a new log's heading too), removed together when still as written. */
    readonly logBlock?: readonly string[];
    readonly previousLastContacted?: IsoDate;
    readonly moves: readonly ReminderMove[];
    readonly zone: IanaTimeZone;
  };
  /** Keys of evidence the manager undid: never applied again. Newest last, at most MAX_DISMISSED. */
  readonly dismissed: readonly string[];
}

export const MAX_DISMISSED = 50;
export const EMPTY_RECORD: RealContactRecord = { v: 1, dismissed: [] };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Lenient read of a stored record: anything unreadable is an empty record (never a crash on a card). */
export const parseRealContactRecord = (raw: unknown): RealContactRecord => {
  if (!isObj(raw) || raw.v !== 1) return EMPTY_RECORD;
  const dismissed = Array.isArray(raw.dismissed) ? raw.dismissed.filter((d): d is string => typeof d === 'string').slice(-MAX_DISMISSED) : [];
  const a = raw.applied;
  if (!isObj(a) || !isObj(a.evidence) || typeof a.logLine !== 'string' || !Array.isArray(a.moves) || typeof a.zone !== 'string') return { v: 1, dismissed };
  const ev = a.evidence;
  if ((ev.source !== 'event' && ev.source !== 'mail') || typeof ev.key !== 'string' || typeof ev.date !== 'string' || typeof ev.at !== 'string') return { v: 1, dismissed };
  return { v: 1, dismissed, applied: a as unknown as NonNullable<RealContactRecord['applied']> };
};

/** The record after an undo: nothing applied, the evidence remembered as undone. */
export const undoneRecord = (record: RealContactRecord): RealContactRecord => {
  if (!record.applied) return record;
  return { v: 1, dismissed: [...record.dismissed.filter((k) => k !== record.applied!.evidence.key), record.applied.evidence.key].slice(-MAX_DISMISSED) };
};
