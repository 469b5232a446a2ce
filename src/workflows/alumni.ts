import { DateTime } from 'luxon';
import { AppError } from '../domain/errors';
import type { Recurrence, TouchpointKind } from '../domain/cadence/model';
import type { IsoDate, PlanId } from '../domain/types';
import type { CalendarChange, CalendarGateway, ContactsGateway, EventInfo } from '../graph';
import { MAX_VIEW_DAYS } from '../graph';
import { appendReconnect, lastContacted, parseConsent, parseOutcomeLog, parseReconnectLog, sortAlumni } from '../domain/alumni';
import { TOUCHPOINT_KIND_LABELS } from '../domain/cadence';
import { langFromLocale } from '../domain/lang';
import type { Lang } from '../domain/types';
import type { Alumnus } from './service';

export interface AlumniDeps {
  readonly calendar: CalendarGateway;
  readonly contacts: ContactsGateway;
}

const KINDS = new Set<string>(['call', 'email', 'lunch']);
const isTouchpointRole = (role: string | undefined): boolean => !!role && (role.startsWith('touchpoint:') || role.startsWith('series:'));
const utcMs = (dt: string | undefined): number => (dt ? Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(dt) ? dt : `${dt}Z`) : NaN);

/** How far back a missed touchpoint still counts as overdue, and how far ahead "next" looks. */
const LOOK_BACK_DAYS = 400;
const LOOK_AHEAD_DAYS = 800;
const DAY_MS = 86_400_000;

/**
 * Everyone the manager kept in touch with: the app's tagged contacts, each with the last time they
 * were contacted (from the reconnect log in the contact's notes) and the next reminder. Overdue
 * means a reminder fell due after the last contact and before now. Overdue first, then the soonest.
 */
export const listAlumni = async (deps: AlumniDeps, now: Date, lang: Lang = 'fr'): Promise<Alumnus[]> => {
  const start = new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000).toISOString();
  const end = new Date(now.getTime() + LOOK_AHEAD_DAYS * 86_400_000).toISOString();
  const [contacts, masters, occurrences] = await Promise.all([
    deps.contacts.appContacts(),
    deps.calendar.appEvents(),
    deps.calendar.appOccurrences(start, end),
  ]);
  const byId = new Map(masters.map((m) => [m.id, m]));
  // Occurrences of a series carry the master's id; the tags live on the master.
  const tagged = occurrences
    .map((o) => {
      const master = o.seriesMasterId ? byId.get(o.seriesMasterId) : byId.get(o.id);
      return { occ: o, planId: o.planId ?? master?.planId, role: o.role ?? master?.role, kind: o.kind ?? master?.kind };
    })
    .filter((t) => t.planId && isTouchpointRole(t.role) && !t.occ.isCancelled);

  const nowMs = now.getTime();
  const alumni = contacts
    .filter((c) => c.planId)
    .map((c): Alumnus => {
      const log = parseReconnectLog(c.personalNotes);
      const last = lastContacted(c.personalNotes);
      const lastMs = last ? Date.parse(`${last}T23:59:59Z`) : -Infinity;
      const mine = tagged.filter((t) => t.planId === c.planId).sort((a, b) => utcMs(a.occ.start) - utcMs(b.occ.start));
      const next = mine.find((t) => utcMs(t.occ.start) >= nowMs);
      const overdue = mine.some((t) => {
        const at = utcMs(t.occ.start);
        return at < nowMs && at > lastMs;
      });
      const personalEmail = c.emails[0];
      const outcomes = parseOutcomeLog(c.outcomesJson);
      const consent = parseConsent(c.consentJson);
      return {
        planId: c.planId as PlanId,
        contactId: c.id,
        displayName: c.displayName,
        ...(personalEmail ? { personalEmail } : {}),
        ...(c.mobilePhone ? { mobilePhone: c.mobilePhone } : {}),
        ...(c.businessHomePage ? { profileUrl: c.businessHomePage } : {}),
        ...(c.companyName ? { company: c.companyName } : {}),
        ...(c.jobTitle ? { jobTitle: c.jobTitle } : {}),
        ...(last ? { lastContacted: `${last}T00:00:00.000Z` } : {}),
        ...(next
          ? {
              nextTouchpoint: {
                eventId: next.occ.id,
                start: new Date(utcMs(next.occ.start)).toISOString(),
                kind: (KINDS.has(next.kind ?? '') ? next.kind : 'call') as TouchpointKind,
              },
            }
          : {}),
        overdue,
        notes: log.map((e) => [e.date, ...(e.kind ? [TOUCHPOINT_KIND_LABELS[e.kind][lang]] : []), ...(e.note ? [e.note] : [])].join(' · ')),
        ...(outcomes.length > 0 ? { outcomes } : {}),
        ...(consent ? { consent } : {}),
      };
    });
  return sortAlumni(alumni, now);
};

/**
 * Logs a reconnect: one dated line in the contact's notes, under the log's heading (the domain's
 * format, readable in Outlook); "last contacted" follows from it. The date is the one on the
 * manager's calendar (mailbox time zone).
 */
export const markReconnected = async (
  deps: AlumniDeps,
  input: { contactId: string; note: string; at: Date; kind?: TouchpointKind; lang?: Lang },
): Promise<void> => {
  const [contact, mailbox] = await Promise.all([deps.contacts.getContact(input.contactId), deps.calendar.mailboxSettings()]);
  const personalNotes = appendReconnect(contact.personalNotes, {
    at: input.at,
    timeZone: mailbox.timeZone,
    note: input.note,
    lang: input.lang ?? langFromLocale(mailbox.locale),
    ...(input.kind ? { kind: input.kind } : {}),
  });
  await deps.contacts.updateContact(input.contactId, { personalNotes });
};

const shift = (dateTime: string, days: number): string =>
  DateTime.fromISO(dateTime.replace(/\.\d+$/, ''), { zone: 'UTC' }).plus({ days }).toFormat("yyyy-LL-dd'T'HH:mm:ss");

/** Moves one reminder (a single event or one occurrence of a series) later by `days`, same time of day. */
export const snooze = async (deps: AlumniDeps, input: { eventId: string; days: number }): Promise<void> => {
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > 365) {
    throw new AppError({ code: 'validation', detail: `snooze: days must be 1..365, got ${input.days}` });
  }
  const ev = await deps.calendar.getEvent(input.eventId);
  if (!ev.start || !ev.end) throw new AppError({ code: 'unexpected', detail: `event ${input.eventId} has no start or end` });
  const zone = ev.timeZone ?? 'UTC';
  await deps.calendar.updateEvent(input.eventId, {
    start: { dateTime: shift(ev.start, input.days), timeZone: zone },
    end: { dateTime: shift(ev.end, input.days), timeZone: zone },
  });
};

const futureOf = (events: readonly EventInfo[], nowMs: number) => events.filter((e) => utcMs(e.start) >= nowMs);

/** How far ahead stopReminders looks for a series' next occurrence (as before: about nine years). */
const STOP_HORIZON_DAYS = LOOK_AHEAD_DAYS * 4;

/**
 * Stops the reconnect reminders of a plan: each series ends the day before its next occurrence (past
 * ones stay, as a record), a series that has not started yet is deleted, and future one-off
 * touchpoints are deleted.
 *
 * The next occurrences come from calendarView windows of at most MAX_VIEW_DAYS (Graph refuses longer
 * ones), asked one after the other only while some series has not shown its next occurrence yet: one
 * window in practice. A series whose zone or end date cannot be computed stops everything with an error:
 * a wrong date here would end the series in the past or delete it with its history.
 */
export const stopReminders = async (deps: AlumniDeps, planId: PlanId, now: Date): Promise<void> => {
  const events = await deps.calendar.planEvents(planId);
  const nowMs = now.getTime();
  const changes: CalendarChange[] = futureOf(events.filter((e) => e.role?.startsWith('touchpoint:')), nowMs).map((e) => ({ kind: 'delete', id: e.id }));
  const allSeries = events.filter((e) => e.role?.startsWith('series:'));
  const unresolved = allSeries.find((e) => !e.recurrence);
  if (unresolved) {
    throw new AppError({ code: 'unexpected', detail: `stop reminders: series ${unresolved.id} has no readable recurrence (${unresolved.recurrenceZoneUnresolved ?? 'no recurrence'})` });
  }
  const series = allSeries.filter((e): e is EventInfo & { recurrence: Recurrence } => !!e.recurrence);
  const next = new Map<string, EventInfo>();
  const horizon = nowMs + STOP_HORIZON_DAYS * DAY_MS;
  for (let from = nowMs; from < horizon && next.size < series.length; from += MAX_VIEW_DAYS * DAY_MS) {
    const to = Math.min(horizon, from + MAX_VIEW_DAYS * DAY_MS);
    const occurrences = await deps.calendar.appOccurrences(new Date(from).toISOString(), new Date(to).toISOString());
    for (const s of series) {
      if (next.has(s.id)) continue;
      const first = occurrences
        .filter((o) => o.seriesMasterId === s.id && utcMs(o.start) >= nowMs)
        .sort((a, b) => utcMs(a.start) - utcMs(b.start))[0];
      if (first) next.set(s.id, first);
    }
  }
  for (const s of series) {
    const upcoming = next.get(s.id);
    if (!upcoming?.start) continue; // nothing left to stop
    const zone = s.recurrence.range.recurrenceTimeZone;
    const day = DateTime.fromMillis(utcMs(upcoming.start), { zone });
    const endDate = day.isValid ? day.startOf('day').minus({ days: 1 }).toISODate() : null;
    if (!endDate) {
      throw new AppError({ code: 'unexpected', detail: `stop reminders: no end date for series ${s.id} (next ${upcoming.start}, zone ${JSON.stringify(zone)})` });
    }
    // The day before the next occurrence is before the series' first day only when nothing has happened yet.
    const notStarted = endDate < s.recurrence.range.startDate;
    changes.push(notStarted ? { kind: 'delete', id: s.id } : { kind: 'endSeries', id: s.id, recurrence: s.recurrence, endDate: endDate as IsoDate });
  }
  await deps.calendar.applyChanges(changes);
};

/** What the leaver reads in the cancellation, in the language of the invite they got. */
const CANCEL_MESSAGE: Readonly<Record<Lang, string>> = {
  fr: 'Je dois malheureusement annuler notre entretien. Je reviens vers vous très vite.',
  en: "I'm sorry, I need to cancel our conversation. I'll be in touch very soon.",
};

/**
 * Cancels a plan: the exit conversation is cancelled with a message to the leaver when it is still
 * ahead and the invitation went out (it has attendees); otherwise it is simply deleted. Everything
 * else the plan booked (prep, reminders, contact) is deleted.
 */
export const cancelPlan = async (deps: AlumniDeps, planId: PlanId, now: Date): Promise<void> => {
  const [events, contacts] = await Promise.all([deps.calendar.planEvents(planId), deps.contacts.planContacts(planId)]);
  await deps.calendar.applyChanges(
    events.map((e): CalendarChange =>
      e.role === 'conversation' && !e.isCancelled && e.attendees.length > 0 && utcMs(e.start) > now.getTime()
        ? { kind: 'cancel', id: e.id, comment: CANCEL_MESSAGE[e.lang === 'en' ? 'en' : 'fr'] }
        : { kind: 'delete', id: e.id },
    ),
  );
  for (const c of contacts) await deps.contacts.deleteContact(c.id);
};
