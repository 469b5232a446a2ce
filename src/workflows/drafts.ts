import { DateTime } from 'luxon';
import { inviteSubject, renderInviteHtml } from '../domain/agenda';
import { expandCadence } from '../domain/cadence';
import type { CadencePlan, Touchpoint, TouchpointSeries } from '../domain/cadence/model';
import type { Plan } from '../domain/plan/model';
import { renderConsentCheck, renderPrepReminder, renderTouchpoint } from '../domain/texts';
import type { TouchpointLeaver } from '../domain/texts';
import { WEEKDAYS, isoDate, localDateTime, type LocalDateTime, type Weekday } from '../domain/types';
import type { BookedObjectKind } from './service';
import { AU_REVOIR_CATEGORY, AU_REVOIR_CATEGORY_COLOR } from '../domain/category';
import { CONSENT_PROPERTY_ID, splitName, type BookingOp, type ContactDraft, type EventDraft } from '../graph';
import { serialiseConsent } from '../domain/alumni';

/** One object a plan asks for: its key in the receipt (the tag role), its kind, how to create it. */
export interface WantedObject {
  readonly key: string;
  readonly kind: BookedObjectKind;
  /** Absent for the contact photo, which needs the contact's id first. */
  readonly op?: BookingOp;
}

/** Reminder before the conversation and the prep block; touchpoints remind at their start (15 min). */
const MEETING_REMINDER = 15;
const TOUCHPOINT_REMINDER = 15;

export const addMinutes = (at: LocalDateTime, minutes: number): LocalDateTime =>
  localDateTime(DateTime.fromISO(at, { zone: 'UTC' }).plus({ minutes }).toFormat("yyyy-LL-dd'T'HH:mm:ss"));

const touchpointLeaver = (plan: Plan): TouchpointLeaver => {
  const l = plan.leaver;
  return {
    displayName: l.displayName,
    ...(l.personalEmail ? { personalEmail: l.personalEmail } : {}),
    ...(l.mobilePhone ? { mobilePhone: l.mobilePhone } : {}),
    ...(l.profileUrl ? { profileUrl: l.profileUrl } : {}),
    ...(l.nextCompany ? { nextCompany: l.nextCompany } : {}),
    ...(l.nextRole ? { nextRole: l.nextRole } : {}),
  };
};

export const conversationDraft = (plan: Plan): EventDraft => {
  const c = plan.conversation;
  return {
    subject: inviteSubject(plan.agenda.lang, plan.leaver.displayName),
    bodyHtml: renderInviteHtml({
      agenda: plan.agenda,
      durationMinutes: c.durationMinutes,
      leaverName: plan.leaver.displayName,
      managerName: plan.manager.displayName,
    }),
    start: c.start,
    end: addMinutes(c.start, c.durationMinutes),
    timeZone: c.timeZone,
    attendees: [
      { email: plan.leaver.workEmail, name: plan.leaver.displayName },
      // The leaver's manager when an HR partner organises (Plan.invitees): required attendees too.
      ...(plan.invitees ?? []).map((i) => ({ email: i.email, name: i.displayName })),
    ],
    ...(c.place.kind === 'teams' ? { teams: true } : { location: c.place.location }),
    categories: [AU_REVOIR_CATEGORY],
    showAs: 'busy',
    isReminderOn: true,
    reminderMinutesBeforeStart: MEETING_REMINDER,
    tags: { planId: plan.id, role: 'conversation', lang: plan.agenda.lang },
  };
};

export const prepDraft = (plan: Plan): EventDraft | undefined => {
  const prep = plan.prepReminder;
  if (!prep) return undefined;
  const c = plan.conversation;
  const start = addMinutes(c.start, -prep.minutesBefore);
  const msg = renderPrepReminder({
    lang: plan.agenda.lang,
    leaverName: plan.leaver.displayName,
    prepNotes: plan.prepNotes,
    agenda: plan.agenda,
    durationMinutes: c.durationMinutes,
  });
  return {
    subject: msg.subject,
    bodyHtml: msg.html,
    start,
    end: addMinutes(start, prep.durationMinutes),
    timeZone: c.timeZone,
    categories: [AU_REVOIR_CATEGORY],
    // Time set aside to prepare: busy, so nobody books over it; private, the notes are the manager's.
    showAs: 'busy',
    isReminderOn: true,
    reminderMinutesBeforeStart: MEETING_REMINDER,
    private: true,
    tags: { planId: plan.id, role: 'prep' },
  };
};

const touchpointBody = (plan: Plan, tp: Touchpoint) =>
  renderTouchpoint({ lang: plan.agenda.lang, kind: tp.kind, leaver: touchpointLeaver(plan), promptIndex: tp.index });

export const touchpointDraft = (plan: Plan, tp: Touchpoint): EventDraft => {
  const msg = touchpointBody(plan, tp);
  return {
    subject: msg.subject,
    bodyHtml: msg.html,
    start: tp.start,
    end: tp.end,
    timeZone: tp.timeZone,
    categories: [AU_REVOIR_CATEGORY],
    // A nudge, not a meeting: it must not block the manager's calendar.
    showAs: 'free',
    isReminderOn: true,
    reminderMinutesBeforeStart: TOUCHPOINT_REMINDER,
    tags: { planId: plan.id, role: `touchpoint:${tp.index}`, kind: tp.kind },
  };
};

export const seriesDraft = (plan: Plan, s: TouchpointSeries): EventDraft | undefined => {
  const first = s.occurrences[0];
  if (!first) return undefined;
  const msg = touchpointBody(plan, first);
  return {
    subject: msg.subject,
    bodyHtml: msg.html,
    start: first.start,
    end: first.end,
    timeZone: first.timeZone,
    categories: [AU_REVOIR_CATEGORY],
    showAs: 'free',
    isReminderOn: true,
    reminderMinutesBeforeStart: TOUCHPOINT_REMINDER,
    recurrence: s.recurrence,
    tags: { planId: plan.id, role: `series:${s.kind}`, kind: s.kind },
  };
};

/**
 * The leaver as an Outlook contact. Au revoir marks it with the "Au revoir" category (plus the
 * tags) rather than a dedicated contact folder: creating in a folder needs the folder's id in the
 * URL, which a fresh mailbox only learns from a first request, an extra round trip on every booking.
 */
export const contactDraft = (plan: Plan): ContactDraft => {
  const l = plan.leaver;
  const { givenName, surname } = splitName(l.displayName);
  const emails = [
    ...(l.personalEmail ? [{ address: l.personalEmail, name: l.displayName }] : []),
    ...(l.workEmail && l.workEmail !== l.personalEmail ? [{ address: l.workEmail, name: l.displayName }] : []),
  ];
  return {
    displayName: l.displayName,
    givenName,
    ...(surname ? { surname } : {}),
    emails,
    ...(l.mobilePhone ? { mobilePhone: l.mobilePhone } : {}),
    ...(l.profileUrl ? { businessHomePage: l.profileUrl } : {}),
    ...(l.nextCompany ? { companyName: l.nextCompany } : {}),
    ...(l.nextRole ? { jobTitle: l.nextRole } : {}),
    personalNotes: '',
    categories: [AU_REVOIR_CATEGORY],
    tags: { planId: plan.id, role: 'contact' },
    // What the leaver agreed to, kept with the contact for as long as it exists (issue 12); it rides in the
    // contact's POST, so the booking's round trips do not change.
    ...(l.consentToKeepContact && plan.consentRecord
      ? { extraProperties: [{ id: CONSENT_PROPERTY_ID, value: serialiseConsent({ ...plan.consentRecord, lang: plan.agenda.lang }) }] }
      : {}),
  };
};

/** How many years the yearly consent question is asked (CHOICE: Graph's ranges end; ten years is long for a contact). */
export const CONSENT_CHECK_YEARS = 10;
const CONSENT_CHECK_MINUTES = 15;

/**
 * The yearly question "are their details still welcome?" (issue 12): a yearly series for the manager
 * alone, free time like the reconnect reminders, at the start of the working day. CHOICE: on the first of
 * the manager's working days (Monday for most) of the month the leaver left in, from the next year on,
 * rather than on the anniversary itself, which falls on a weekend two years in seven. Graph's relativeYearly
 * pattern says exactly that ("the first Monday of March"; patternedRecurrence:
 * https://learn.microsoft.com/graph/api/resources/recurrencepattern, relativeYearly: daysOfWeek, index, month).
 */
export const consentCheckDraft = (plan: Plan): EventDraft => {
  const wh = plan.manager.workingHours;
  const day: Weekday = WEEKDAYS.find((d) => wh.daysOfWeek.includes(d)) ?? 'monday';
  const last = DateTime.fromISO(plan.leaver.lastWorkingDay, { zone: 'UTC' });
  const monthStart = last.plus({ years: 1 }).startOf('month');
  // Luxon numbers Monday 1 … Sunday 7, as WEEKDAYS lists them.
  const first = monthStart.plus({ days: (WEEKDAYS.indexOf(day) + 1 - monthStart.weekday + 7) % 7 });
  const startDate = first.toISODate() ?? plan.leaver.lastWorkingDay;
  const start = localDateTime(`${startDate}T${wh.startTime.slice(0, 5)}`);
  const msg = renderConsentCheck({ lang: plan.agenda.lang, leaverName: plan.leaver.displayName });
  return {
    subject: msg.subject,
    bodyHtml: msg.html,
    start,
    end: addMinutes(start, CONSENT_CHECK_MINUTES),
    timeZone: wh.timeZone,
    categories: [AU_REVOIR_CATEGORY],
    showAs: 'free',
    isReminderOn: true,
    reminderMinutesBeforeStart: TOUCHPOINT_REMINDER,
    private: true,
    recurrence: {
      pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: [day], index: 'first', month: first.month },
      range: { type: 'numbered', startDate: isoDate(startDate), numberOfOccurrences: CONSENT_CHECK_YEARS, recurrenceTimeZone: wh.timeZone },
    },
    tags: { planId: plan.id, role: 'consentCheck' },
  };
};

export const cadenceOf = (plan: Plan): CadencePlan | undefined =>
  plan.reconnect
    ? expandCadence({ cadence: plan.cadence, lastWorkingDay: plan.leaver.lastWorkingDay, workingHours: plan.manager.workingHours })
    : undefined;

/** Everything the plan asks for, in receipt order. */
export const wantedObjects = (plan: Plan): WantedObject[] => {
  const out: WantedObject[] = [
    { key: 'category', kind: 'category', op: { key: 'category', kind: 'category', name: AU_REVOIR_CATEGORY, color: AU_REVOIR_CATEGORY_COLOR } },
  ];
  // Personal details are kept only with the leaver's consent: no consent, no contact.
  if (plan.leaver.consentToKeepContact) {
    out.push({ key: 'contact', kind: 'contact', op: { key: 'contact', kind: 'contact', draft: contactDraft(plan) } });
    if (plan.leaver.userId) out.push({ key: 'contactPhoto', kind: 'contactPhoto' });
  }
  // From the Outlook add-in, the meeting being composed is the conversation: Outlook saves it when
  // it is sent, so booking another would give the manager two meetings.
  if (plan.conversationSource !== 'outlookItem') {
    out.push({ key: 'conversation', kind: 'conversation', op: { key: 'conversation', kind: 'event', draft: conversationDraft(plan) } });
  }
  const prep = prepDraft(plan);
  if (prep) out.push({ key: 'prep', kind: 'prepReminder', op: { key: 'prep', kind: 'event', draft: prep } });
  const cadence = cadenceOf(plan);
  for (const tp of cadence?.singles ?? []) {
    const key = `touchpoint:${tp.index}`;
    out.push({ key, kind: 'touchpoint', op: { key, kind: 'event', draft: touchpointDraft(plan, tp) } });
  }
  for (const s of cadence?.series ?? []) {
    const draft = seriesDraft(plan, s);
    const key = `series:${s.kind}`;
    if (draft) out.push({ key, kind: 'series', op: { key, kind: 'event', draft } });
  }
  // Kept details come with a yearly question whether they are still welcome (issue 12). Last, so the other
  // objects keep their places; it rides in the booking's one parallel batch: no round trip more.
  if (plan.leaver.consentToKeepContact) {
    out.push({ key: 'consentCheck', kind: 'consentCheck', op: { key: 'consentCheck', kind: 'event', draft: consentCheckDraft(plan) } });
  }
  return out;
};
