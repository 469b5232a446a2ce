import { DateTime } from 'luxon';
import type { Recurrence } from '../domain/cadence/model';
import type { VCardVersion } from '../domain/export/vcard';
import { ianaTimeZone, localDateTime, type Lang, type PlanId } from '../domain/types';
import type { CalendarGateway, ContactsGateway, PortableGateway } from '../graph';
import { AppError } from '../domain/errors';

import type { ExportFile } from './service';

export interface ExportDeps {
  readonly calendar: CalendarGateway;
  readonly contacts: ContactsGateway;
  readonly portable: PortableGateway;
}

/** The reconnect reminders ring 15 minutes before, as booked (workflows/drafts.ts, TOUCHPOINT_REMINDER). */
const ALARM_MINUTES = 15;

/*
 * The writers (ical.js, the time zone rules) weigh more than every screen needs: they come over the network
 * the first time a person asks for a file, never with the workflows' chunk.
 */
const writers = () => import(/* webpackChunkName: "export" */ '../domain/export');

const isWebUrl = (s: string | undefined): s is string => !!s && /^https?:\/\//i.test(s);

/** One alumnus as a vCard file: the contact's details and notes as they are in Outlook, with its photo. */
export const exportContact = async (deps: ExportDeps, input: { contactId: string; version: VCardVersion }): Promise<ExportFile> => {
  const [contact, photo, w] = await Promise.all([deps.portable.contact(input.contactId), deps.portable.contactPhoto(input.contactId), writers()]);
  const email = contact.emails[0];
  const text = w.writeVCard(
    {
      displayName: contact.displayName,
      ...(contact.givenName ? { givenName: contact.givenName } : {}),
      ...(contact.surname ? { surname: contact.surname } : {}),
      ...(email ? { personalEmail: email } : {}),
      ...(contact.mobilePhone ? { mobilePhone: contact.mobilePhone } : {}),
      ...(isWebUrl(contact.businessHomePage) ? { profileUrl: contact.businessHomePage } : {}),
      ...(contact.companyName ? { company: contact.companyName } : {}),
      ...(contact.jobTitle ? { jobTitle: contact.jobTitle } : {}),
      ...(contact.personalNotes ? { notes: contact.personalNotes } : {}),
      ...(photo && photo.bytes.length > 0 ? { photo: { contentType: photo.contentType, bytes: photo.bytes } } : {}),
    },
    input.version,
  );
  return { fileName: `${w.fileStem(contact.displayName)}.vcf`, mimeType: 'text/vcard;charset=utf-8', text };
};

const utcMs = (dt: string | undefined): number => (dt ? Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(dt) ? dt : `${dt}Z`) : NaN);

/** A UTC instant from Graph as wall clock in `zone`. */
const wallClock = (utc: string, zone: string) => {
  const at = DateTime.fromMillis(utcMs(utc), { zone });
  if (!at.isValid) throw new AppError({ code: 'unexpected', detail: `export: no wall clock for ${utc} in ${zone}` });
  return localDateTime(at.toFormat("yyyy-LL-dd'T'HH:mm:ss"));
};

/** A series is over when its end date is behind us (a stopped series ends the day before its next occurrence). */
const seriesOver = (r: Recurrence, now: Date): boolean =>
  r.range.type === 'endDate' && r.range.endDate < (DateTime.fromJSDate(now, { zone: r.range.recurrenceTimeZone }).toISODate() ?? '');

/**
 * The plan's reconnect reminders still ahead as an .ics file: one-off touchpoints from now on, and each
 * series that has not ended (with its RRULE; calendars show what is ahead). Read in UTC and written in the
 * manager's zone (a series in its own recurrence zone), so that they ring at the same wall-clock time.
 */
export const exportReminders = async (
  deps: ExportDeps,
  input: { planId: PlanId; now: Date; lang: Lang },
): Promise<ExportFile> => {
  const [events, contacts, settings, w] = await Promise.all([
    deps.calendar.planEvents(input.planId),
    deps.contacts.planContacts(input.planId),
    deps.calendar.mailboxSettings(),
    writers(),
  ]);
  const contact = contacts[0];
  const person = {
    displayName: contact?.displayName ?? '',
    ...(contact?.emails[0] ? { personalEmail: contact.emails[0] } : {}),
    ...(contact?.mobilePhone ? { mobilePhone: contact.mobilePhone } : {}),
    ...(isWebUrl(contact?.businessHomePage) ? { profileUrl: contact.businessHomePage } : {}),
    ...(contact?.companyName ? { company: contact.companyName } : {}),
    ...(contact?.jobTitle ? { jobTitle: contact.jobTitle } : {}),
  };
  const description = w.reminderDescription(person, input.lang);
  const nowMs = input.now.getTime();
  const reminders = events
    .filter((e) => !e.isCancelled && e.start && e.end)
    .filter((e) =>
      e.role?.startsWith('touchpoint:') ? utcMs(e.start) >= nowMs : e.role?.startsWith('series:') ? !!e.recurrence && !seriesOver(e.recurrence, input.now) : false,
    )
    .sort((a, b) => utcMs(a.start) - utcMs(b.start))
    .map((e) => {
      const zone = e.recurrence?.range.recurrenceTimeZone ?? settings.timeZone;
      return {
        // Stable per plan and role: importing a newer export updates these events instead of adding copies.
        uid: `${input.planId}.${(e.role ?? e.id).replace(/[^A-Za-z0-9-]+/g, '-')}@au-revoir`,
        summary: e.subject,
        description,
        start: wallClock(e.start!, zone),
        end: wallClock(e.end!, zone),
        timeZone: ianaTimeZone(zone),
        ...(e.recurrence ? { recurrence: e.recurrence } : {}),
        alarmMinutesBefore: ALARM_MINUTES,
        categories: [...e.categories],
      };
    });
  const text = w.writeCalendar({ events: reminders, stamp: input.now, name: w.calendarName(person, input.lang) });
  return { fileName: `${w.fileStem(person.displayName || 'au-revoir')}-${input.lang === 'fr' ? 'rappels' : 'reminders'}.ics`, mimeType: 'text/calendar;charset=utf-8', text };
};
