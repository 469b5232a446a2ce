import { DateTime } from 'luxon';
import { appendReconnect, lastContacted } from '../domain/alumni';
import {
  EVIDENCE_LOG_NOTE,
  addedLines,
  matchEvents,
  matchMessages,
  newEvidence,
  parseRealContactRecord,
  removeLogBlock,
  shiftReminders,
  undoneRecord,
  type ContactEvidence,
  type Every,
  type PendingReminder,
  type RealContactRecord,
  type ReminderMove,
} from '../domain/alumni/real-contact';
import type { Recurrence } from '../domain/cadence/model';
import { AppError } from '../domain/errors';
import { localDateTime, type IanaTimeZone, type Lang, type LocalDateTime } from '../domain/types';
import type { CalendarGateway, ContactsGateway, EventInfo, RealContactGateway } from '../graph';
import { toWindowsZone } from '../graph';
import type { RealContactNotice } from './service';
import type { MailboxState } from './state';

/**
 * Real contact resets the rhythm (the rules: domain/alumni/real-contact.ts). Runs when the Alumni screen
 * opens: past events (and, when the manager turned it on, messages) with an alumnus's personal address
 * move "last contacted" (a line in the contact's reconnect log, so Outlook shows it too) and the next
 * reminder; what was changed is recorded with the contact, so that one click undoes it.
 */
export interface RealContactDeps {
  readonly calendar: CalendarGateway;
  readonly contacts: ContactsGateway;
  readonly realContact: RealContactGateway;
  readonly state: MailboxState;
}

/** The switch "count emails as contact", kept in the mailbox (workflows/state.ts), never in one browser. */
export const MAIL_MATCHING_KEY = 'realContact.mail.v1';
export interface MailMatching {
  readonly on: boolean;
}
export const parseMailMatching = (raw: unknown): MailMatching | undefined =>
  typeof raw === 'object' && raw !== null && typeof (raw as { on?: unknown }).on === 'boolean' ? { on: (raw as { on: boolean }).on } : undefined;

/** How far back a first look goes when nothing was ever logged (as the Alumni view's overdue look-back). */
const LOOK_BACK_DAYS = 400;
/** How far ahead pending reminders are read: beyond the longest rhythm of every preset (a year). */
const LOOK_AHEAD_DAYS = 800;
const DAY_MS = 86_400_000;

const utcMs = (dt: string | undefined): number => (dt ? Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(dt) ? dt : `${dt}Z`) : NaN);
const wall = (utc: string | undefined, zone: IanaTimeZone): LocalDateTime | undefined => {
  const d = DateTime.fromMillis(utcMs(utc), { zone });
  return d.isValid ? localDateTime(d.toFormat("yyyy-LL-dd'T'HH:mm:ss")) : undefined;
};
const isReminder = (role: string | undefined): boolean => !!role && (role.startsWith('touchpoint:') || role.startsWith('series:'));

const everyOf = (r: Recurrence | undefined): Every | undefined => {
  if (!r) return undefined;
  const p = r.pattern;
  switch (p.type) {
    case 'absoluteMonthly':
    case 'relativeMonthly':
      return { months: p.interval };
    case 'absoluteYearly':
    case 'relativeYearly':
      return { months: 12 * p.interval };
    case 'weekly':
      return { days: 7 * p.interval };
    case 'daily':
      return { days: p.interval };
  }
};

/** The plan's reminders still ahead, in time order, with what the shift needs to know of each. */
const pendingOf = (planId: string, masters: readonly EventInfo[], occurrences: readonly EventInfo[], now: Date, zone: IanaTimeZone): PendingReminder[] => {
  const byId = new Map(masters.map((m) => [m.id, m]));
  const mine = occurrences
    .map((o) => ({ o, master: o.seriesMasterId ? byId.get(o.seriesMasterId) : byId.get(o.id) }))
    .filter(({ o, master }) => (o.planId ?? master?.planId) === planId && isReminder(o.role ?? master?.role) && !o.isCancelled)
    .filter(({ o }) => utcMs(o.start) >= now.getTime())
    .sort((a, b) => utcMs(a.o.start) - utcMs(b.o.start));
  // Before a one-off: the plan's previous one-off or its exit conversation (singles carry their own start).
  const anchors = masters.filter((m) => m.planId === planId && (m.role === 'conversation' || m.role?.startsWith('touchpoint:')) && !m.recurrence);
  const out: PendingReminder[] = [];
  mine.forEach(({ o, master }, i) => {
    const start = wall(o.start, zone);
    const end = wall(o.end, zone);
    if (!start || !end) return;
    if (o.seriesMasterId) {
      const every = everyOf(master?.recurrence);
      if (!every) return; // a series whose pattern we cannot read is left alone
      const next = mine.slice(i + 1).find((x) => x.o.seriesMasterId === o.seriesMasterId);
      const nextStart = next ? wall(next.o.start, zone) : undefined;
      out.push({ id: o.id, start, end, series: { every, ...(nextStart ? { nextStart } : {}) } });
      return;
    }
    const before = anchors.filter((a) => a.id !== o.id && utcMs(a.start) < utcMs(o.start)).sort((a, b) => utcMs(b.start) - utcMs(a.start))[0];
    const previousStart = before ? wall(before.start, zone) : undefined;
    out.push({ id: o.id, start, end, ...(previousStart ? { previousStart } : {}) });
  });
  return out;
};

const recordOf = (raw: string | undefined): RealContactRecord => {
  if (raw === undefined) return parseRealContactRecord(undefined);
  try {
    return parseRealContactRecord(JSON.parse(raw) as unknown);
  } catch (e: unknown) {
    // Edited by hand or by a future version: start afresh rather than break the Alumni screen.
    console.warn('Au revoir: ignoring an unreadable real-contact record', e instanceof Error ? e.message : String(e));
    return parseRealContactRecord(undefined);
  }
};

const noticeOf = (contactId: string, r: RealContactRecord): RealContactNotice | undefined => {
  const a = r.applied;
  if (!a) return undefined;
  const first = a.moves[0];
  return {
    contactId,
    source: a.evidence.source,
    subject: a.evidence.subject,
    date: a.evidence.date,
    ...(a.previousLastContacted ? { previousLastContacted: a.previousLastContacted } : {}),
    ...(first ? { moved: { from: first.from.start, to: first.to.start } } : {}),
  };
};

const applyMoves = async (calendar: CalendarGateway, moves: readonly ReminderMove[], zone: IanaTimeZone, to: 'to' | 'from'): Promise<void> => {
  // Graph takes every Windows zone name but only some IANA ones (graph/timezones.ts).
  const timeZone = toWindowsZone(zone);
  for (const m of moves) {
    const slot = m[to];
    await calendar.updateEvent(m.id, { start: { dateTime: slot.start, timeZone }, end: { dateTime: slot.end, timeZone } });
  }
};

export const mailMatching = async (state: MailboxState): Promise<boolean> => (await state.get(MAIL_MATCHING_KEY, parseMailMatching))?.on === true;

/**
 * Turns "count emails as contact" on or off. On: `consent` (Mail.ReadBasic, asked now and not before)
 * comes first, so a refused consent leaves the switch off; then the choice is saved in the mailbox.
 */
export const setMailMatching = async (state: MailboxState, on: boolean, consent: () => Promise<void>): Promise<boolean> => {
  if (on) await consent();
  return (await state.update(MAIL_MATCHING_KEY, parseMailMatching, () => ({ on }))).on;
};

/**
 * Finds real contact since each alumnus's last logged contact, applies what is new, and returns the
 * notices of every alumnus whose last applied evidence is not undone.
 */
export const findRealContact = async (deps: RealContactDeps, now: Date, lang: Lang): Promise<RealContactNotice[]> => {
  const [mailbox, contacts, masters, records, mailOn] = await Promise.all([
    deps.calendar.mailboxSettings(),
    deps.contacts.appContacts(),
    deps.calendar.appEvents(),
    deps.realContact.records(),
    mailMatching(deps.state),
  ]);
  const zone = mailbox.timeZone;
  const alumni = contacts.filter((c) => c.planId);
  const recs = new Map(alumni.map((c) => [c.id, recordOf(records.get(c.id))]));
  if (alumni.length === 0) return [];

  const floor = now.getTime() - LOOK_BACK_DAYS * DAY_MS;
  const since = Math.min(
    ...alumni.map((c) => {
      const last = lastContacted(c.personalNotes);
      const lastMs = last ? DateTime.fromISO(last, { zone }).plus({ days: 1 }).toMillis() : floor;
      return Math.max(floor, lastMs);
    }),
  );
  const sinceIso = new Date(Math.min(since, now.getTime())).toISOString();
  const addresses = [...new Set(alumni.flatMap((c) => c.emails.map((e) => e.trim().toLowerCase())).filter((e) => e !== ''))];
  const appIds = new Set(masters.map((m) => m.id));
  const [items, messages] = await Promise.all([
    deps.realContact.calendarItems(sinceIso, now.toISOString(), toWindowsZone(zone)),
    // Not one mail request, not one Mail.ReadBasic token, unless the manager turned it on.
    mailOn ? deps.realContact.messagesWith(addresses, sinceIso) : Promise.resolve([]),
  ]);
  // Occurrences of the app's series are the app's own, whatever their categories say now.
  const calendarItems = items.map((i) => (i.seriesMasterId && appIds.has(i.seriesMasterId) ? { ...i, isAppItem: true } : i));

  const found: Array<{ contactId: string; evidence: ContactEvidence }> = [];
  for (const c of alumni) {
    const work = masters.find((m) => m.planId === c.planId && m.role === 'conversation')?.attendees[0];
    const who = { personal: c.emails, ...(work ? { work } : {}) };
    const record = recs.get(c.id)!;
    const evidence = newEvidence(
      [matchEvents(calendarItems, who, zone, now), matchMessages(messages, who, zone, now)],
      lastContacted(c.personalNotes),
      record.dismissed,
    );
    if (evidence) found.push({ contactId: c.id, evidence });
  }

  if (found.length > 0) {
    const occurrences = await deps.calendar.appOccurrences(now.toISOString(), new Date(now.getTime() + LOOK_AHEAD_DAYS * DAY_MS).toISOString());
    for (const { contactId, evidence } of found) {
      const contact = alumni.find((c) => c.id === contactId)!;
      const record = recs.get(contactId)!;
      const previous = lastContacted(contact.personalNotes);
      // The same evidence already applied (a run cut short after the record was saved): only the log line is missing.
      const again = record.applied?.evidence.key === evidence.key;
      const moves = again
        ? record.applied!.moves
        : shiftReminders({ contactDate: evidence.date, zone, workingDays: mailbox.workingHours.daysOfWeek, pending: pendingOf(contact.planId!, masters, occurrences, now, zone) });
      const notes = appendReconnect(contact.personalNotes, {
        at: DateTime.fromISO(evidence.date, { zone }).set({ hour: 12 }).toJSDate(),
        timeZone: zone,
        note: EVIDENCE_LOG_NOTE[evidence.source][lang],
        lang,
        ...(evidence.kind ? { kind: evidence.kind } : {}),
      });
      const block = addedLines(contact.personalNotes, notes);
      const next: RealContactRecord = {
        v: 1,
        dismissed: record.dismissed,
        applied: { evidence, logLine: block[block.length - 1] ?? '', logBlock: block, moves, zone, ...(previous ? { previousLastContacted: previous } : {}) },
      };
      // Record first: whatever happens next, undo knows what to take back (moving back what never moved is harmless).
      await deps.realContact.writeRecord(contactId, JSON.stringify(next));
      if (!again) await applyMoves(deps.calendar, moves, zone, 'to');
      await deps.contacts.updateContact(contactId, { personalNotes: notes });
      recs.set(contactId, next);
    }
  }
  return alumni.map((c) => noticeOf(c.id, recs.get(c.id)!)).filter((n): n is RealContactNotice => n !== undefined);
};

/**
 * Undoes the last applied evidence of one alumnus: the reminders go back to their previous dates, the
 * log line goes (so "last contacted" is what it was), and the evidence is remembered as undone so the
 * next look does not apply it again.
 */
export const undoRealContact = async (deps: RealContactDeps, contactId: string): Promise<void> => {
  const record = recordOf((await deps.realContact.records()).get(contactId));
  const applied = record.applied;
  if (!applied) throw new AppError({ code: 'validation', detail: `nothing to undo for contact ${contactId}` });
  await applyMoves(deps.calendar, applied.moves, applied.zone, 'from');
  const contact = await deps.contacts.getContact(contactId);
  const notes = removeLogBlock(contact.personalNotes, applied.logBlock ?? [], applied.logLine);
  if (notes !== contact.personalNotes) await deps.contacts.updateContact(contactId, { personalNotes: notes });
  await deps.realContact.writeRecord(contactId, JSON.stringify(undoneRecord(record)));
};
