import { DateTime } from 'luxon';
import type { Agenda } from '../../../domain/agenda/model';
import type { Cadence } from '../../../domain/cadence/model';
import type { Plan } from '../../../domain/plan/model';
import type { IanaTimeZone, PlanId } from '../../../domain/types';
import type { MailboxSettings, OrgDeparture, Person, SlotSuggestion } from '../../../workflows/service';
import { toLocal, usableSlots } from '../wizard/draft';

/**
 * The HR partner's plans: pure, so the screen, its UI tests and the integration test build the same ones.
 *
 * Whose mailbox, who organises. The HR partner books in HER OWN mailbox and organises every conversation,
 * with the leaver and the leaver's manager as required attendees: the manager gets the invite and its
 * agenda in their calendar and can forward or reschedule like any meeting. Booking in each manager's
 * calendar instead would need Calendars.ReadWrite.Shared and every manager to have shared their calendar
 * with write access or named her a delegate ("Calendars.ReadWrite.Shared: ... events in all calendars the
 * user has permissions to access, including delegate and shared calendars",
 * https://learn.microsoft.com/en-us/graph/permissions-reference) — one more scope, and a setup nobody has.
 * The reconnect reminders (the one rhythm) land in her calendar: she keeps the alumni relationship for the
 * organisation; a manager who wants their own reminders plans from their own tab. No contact is saved:
 * personal details are kept only with the leaver's consent, which a bulk plan cannot collect.
 */

export interface BulkSettings {
  readonly agenda: Agenda;
  readonly cadence: Cadence;
  readonly reconnect: boolean;
  readonly durationMinutes: number;
  readonly place: Plan['conversation']['place'];
}

export interface BulkRow {
  readonly departure: OrgDeparture;
  readonly planId: PlanId;
  /** The slot chosen for the conversation, or undefined when none is free before the last day. */
  readonly slot?: SlotSuggestion;
}

const overlaps = (a: SlotSuggestion, b: SlotSuggestion): boolean =>
  DateTime.fromISO(a.start, { setZone: true }) < DateTime.fromISO(b.end, { setZone: true }) &&
  DateTime.fromISO(b.start, { setZone: true }) < DateTime.fromISO(a.end, { setZone: true });

/**
 * One slot per departure, earliest last day first, never two at once: the HR partner attends them all.
 * Each departure's suggestions are Graph's (findMeetingTimes over her and the leaver's calendars), kept
 * when usable (future, before the last day, in her working hours).
 */
export const assignSlots = (
  rows: ReadonlyArray<{ readonly departure: OrgDeparture; readonly suggestions: readonly SlotSuggestion[] }>,
  organiser: Person,
  settings: MailboxSettings,
  now: Date,
): Map<string, SlotSuggestion> => {
  const chosen = new Map<string, SlotSuggestion>();
  const taken: SlotSuggestion[] = [];
  const byLastDay = [...rows].sort((a, b) => a.departure.lastWorkingDay.localeCompare(b.departure.lastWorkingDay));
  for (const { departure, suggestions } of byLastDay) {
    const usable = usableSlots(suggestions, { manager: organiser, settings, leaver: departure.person, lastWorkingDay: departure.lastWorkingDay }, now);
    const slot = usable.find((s) => !taken.some((t) => overlaps(s, t)));
    if (slot) {
      chosen.set(departure.person.id, slot);
      taken.push(slot);
    }
  }
  return chosen;
};

/** The plan for one row (its slot must be set). */
export const bulkPlan = (row: BulkRow & { readonly slot: SlotSuggestion }, organiser: Person, settings: MailboxSettings, bulk: BulkSettings): Plan => {
  const d = row.departure;
  const zone: IanaTimeZone = settings.timeZone;
  const manager = d.manager && d.manager.mail.toLowerCase() !== organiser.mail.toLowerCase() ? d.manager : undefined;
  return {
    id: row.planId,
    manager: { displayName: organiser.displayName, email: organiser.mail, workingHours: settings.workingHours },
    leaver: {
      userId: d.person.id,
      displayName: d.person.displayName,
      workEmail: d.person.mail,
      lastWorkingDay: d.lastWorkingDay,
      ...(d.person.jobTitle ? { jobTitle: d.person.jobTitle } : {}),
      consentToKeepContact: false,
    },
    conversation: { start: toLocal(row.slot.start, zone), durationMinutes: bulk.durationMinutes, timeZone: zone, place: bulk.place },
    agenda: bulk.agenda,
    prepNotes: '',
    cadence: bulk.cadence,
    reconnect: bulk.reconnect,
    ...(manager ? { invitees: [{ displayName: manager.displayName, email: manager.mail }] } : {}),
  };
};
