import { DateTime } from 'luxon';
import { inviteSubject, renderInviteHtml } from '../domain/agenda';
import { expandCadence } from '../domain/cadence';
import type { CadencePlan, Touchpoint, TouchpointSeries } from '../domain/cadence/model';
import type { Plan } from '../domain/plan/model';
import { renderPrepReminder, renderTouchpoint } from '../domain/texts';
import type { TouchpointLeaver } from '../domain/texts';
import { localDateTime, type LocalDateTime } from '../domain/types';
import type { BookedObjectKind } from './service';
import { AU_REVOIR_CATEGORY, AU_REVOIR_CATEGORY_COLOR, splitName, type BookingOp, type ContactDraft, type EventDraft } from '../graph';

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
    attendees: [{ email: plan.leaver.workEmail, name: plan.leaver.displayName }],
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
  return out;
};
