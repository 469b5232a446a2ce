import { DateTime } from 'luxon';
import { defaultAgenda, inviteSubject, renderInviteHtml } from '../../domain/agenda';
import { CADENCE_PRESETS } from '../../domain/cadence';
import type { CadencePresetId } from '../../domain/cadence/model';
import { CONVERSATION_LENGTHS, DEFAULT_CONVERSATION_MINUTES } from '../../domain/plan/limits';
import type { Plan } from '../../domain/plan/model';
import { localDateTime, type IsoDate, type Lang, type PlanId } from '../../domain/types';
import type { Alumnus, MailboxSettings, Person } from '../../workflows/service';

/**
 * The task pane's pure logic: the plan it books, the template it applies, the reminder it is
 * looking at. No Office, no React: unit-tested on its own.
 */


// The pane's first screen needs this without this module's dates and agenda (see ./page).
export { themeFromBackground } from './page';

/** The meeting's length when Outlook already has a start and an end: the nearest offered length. */
export const lengthFromItem = (start: Date | undefined, end: Date | undefined): number => {
  if (!start || !end) return DEFAULT_CONVERSATION_MINUTES;
  const minutes = Math.round((end.getTime() - start.getTime()) / 60_000);
  if (!(minutes > 0)) return DEFAULT_CONVERSATION_MINUTES;
  return CONVERSATION_LENGTHS.reduce<number>((best, l) => (Math.abs(l - minutes) < Math.abs(best - minutes) ? l : best), DEFAULT_CONVERSATION_MINUTES);
};

export interface LeaverChoice {
  readonly displayName: string;
  readonly email: string;
  readonly userId?: string;
  readonly jobTitle?: string;
}

/** People on the item who could be the leaver: everyone but the signed-in user, once each. */
export const leaverCandidates = (people: readonly { email: string; displayName: string }[], me: string | undefined): LeaverChoice[] => {
  const seen = new Set<string>();
  const mine = (me ?? '').trim().toLowerCase();
  const out: LeaverChoice[] = [];
  for (const p of people) {
    const key = p.email.trim().toLowerCase();
    if (!key || key === mine || seen.has(key)) continue;
    seen.add(key);
    out.push({ displayName: p.displayName || p.email, email: p.email.trim() });
  }
  return out;
};

export interface TemplateTexts {
  readonly subject: string;
  readonly agendaHtml: string;
}

/** The subject and HTML agenda the template writes into the meeting, in the agenda's language. */
export const templateTexts = (input: { agendaLang: Lang; durationMinutes: number; leaverName: string; managerName?: string }): TemplateTexts => ({
  subject: inviteSubject(input.agendaLang, input.leaverName),
  agendaHtml: renderInviteHtml({
    agenda: defaultAgenda(input.agendaLang),
    durationMinutes: input.durationMinutes,
    leaverName: input.leaverName,
    ...(input.managerName ? { managerName: input.managerName } : {}),
  }),
});

export interface AddinPlanInput {
  readonly id: PlanId;
  readonly manager: Person;
  readonly settings: MailboxSettings;
  readonly leaver: LeaverChoice;
  readonly lastWorkingDay: IsoDate;
  /** The conversation's start, an instant. */
  readonly start: Date;
  readonly durationMinutes: number;
  readonly agendaLang: Lang;
  readonly preset: CadencePresetId;
  readonly personalEmail?: string;
  readonly mobilePhone?: string;
  readonly profileUrl?: string;
  readonly consent: boolean;
  /** `outlookItem`: the meeting is the one being composed in Outlook; bookPlan must not book another. */
  readonly conversationSource: 'book' | 'outlookItem';
}

const optional = (key: string, v: string | undefined): Record<string, string> => (v && v.trim() ? { [key]: v.trim() } : {});

/** The same Plan the Teams tab books, built from what the task pane knows. */
export const buildAddinPlan = (i: AddinPlanInput): Plan => {
  const zone = i.settings.timeZone;
  const local = DateTime.fromJSDate(i.start, { zone }).startOf('minute');
  return {
    id: i.id,
    manager: { displayName: i.manager.displayName, email: i.manager.mail, workingHours: i.settings.workingHours },
    leaver: {
      ...(i.leaver.userId ? { userId: i.leaver.userId } : {}),
      displayName: i.leaver.displayName.trim(),
      workEmail: i.leaver.email.trim(),
      lastWorkingDay: i.lastWorkingDay,
      ...optional('jobTitle', i.leaver.jobTitle),
      // Personal details only travel with consent; the booking would drop them anyway.
      ...(i.consent
        ? { ...optional('personalEmail', i.personalEmail), ...optional('mobilePhone', i.mobilePhone), ...optional('profileUrl', i.profileUrl) }
        : {}),
      consentToKeepContact: i.consent,
    },
    conversation: {
      start: localDateTime(local.toFormat("yyyy-MM-dd'T'HH:mm:ss")),
      durationMinutes: i.durationMinutes,
      timeZone: zone,
      place: { kind: 'teams' },
    },
    agenda: defaultAgenda(i.agendaLang),
    prepNotes: '',
    cadence: CADENCE_PRESETS[i.preset],
    reconnect: true,
    conversationSource: i.conversationSource,
  };
};

/**
 * Which former colleague a calendar item is a reconnect reminder for: by the item's Graph id
 * first (exact), else by the name in the subject, unless the subject is an exit-conversation
 * invite for that person (that meeting wants the template, not the card).
 */
export const findAlumnusForItem = (
  alumni: readonly Alumnus[],
  item: { readonly restId?: string; readonly subject: string },
): Alumnus | undefined => {
  if (item.restId) {
    const byId = alumni.find((a) => a.nextTouchpoint?.eventId === item.restId);
    if (byId) return byId;
  }
  const subject = item.subject.trim();
  if (!subject) return undefined;
  const isInvite = (name: string): boolean => subject === inviteSubject('fr', name) || subject === inviteSubject('en', name);
  // Longest names first, so "Anne Martin-Dupont" wins over "Anne Martin".
  const byName = [...alumni].sort((a, b) => b.displayName.length - a.displayName.length);
  return byName.find((a) => a.displayName && subject.includes(a.displayName) && !isInvite(a.displayName));
};

/** `YYYY-MM-DDTHH:mm` (datetime-local input) in `zone` → instant. */
export const instantFromLocal = (value: string, zone: string): Date | undefined => {
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toJSDate() : undefined;
};
