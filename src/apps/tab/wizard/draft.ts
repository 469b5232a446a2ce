import { DateTime } from 'luxon';
import type { Agenda } from '../../../domain/agenda/model';
import type { Cadence, CadencePresetId } from '../../../domain/cadence/model';
import type { Plan } from '../../../domain/plan/model';
import {
  WEEKDAYS,
  localDateTime,
  type IanaTimeZone,
  type IsoDate,
  type Lang,
  type LocalDateTime,
  type PlanId,
  type WorkingHours,
} from '../../../domain/types';
import type { MailboxSettings, Person, SlotSuggestion } from '../../../workflows/service';
import { localeFor } from '../../../ui/format';

/**
 * The wizard's working state and the pure functions around it (plan assembly, slot filtering,
 * which step a validation problem belongs to). Kept out of the components so they can be tested
 * without rendering.
 */
export const STEPS = ['when', 'agenda', 'contact', 'reconnect', 'review'] as const;
export type StepId = (typeof STEPS)[number];

export type PlaceKind = 'teams' | 'office' | 'lunch';
export type PresetChoice = CadencePresetId | 'custom';

export interface CustomCadenceInput {
  /** As typed: comma-separated month offsets. */
  readonly early: string;
  readonly every: string;
  readonly from: string;
  readonly until: string;
}

export interface Draft {
  readonly id: PlanId;
  readonly durationMinutes: number;
  /** Wall clock in the manager's time zone. */
  readonly start?: LocalDateTime;
  readonly placeKind: PlaceKind;
  readonly location: string;
  readonly agendaLang: Lang;
  readonly agenda: Agenda;
  readonly prepNotes: string;
  readonly prepReminder: boolean;
  readonly personalEmail: string;
  readonly mobilePhone: string;
  readonly profileUrl: string;
  readonly nextCompany: string;
  readonly nextRole: string;
  readonly consent: boolean;
  readonly reconnect: boolean;
  readonly preset: PresetChoice;
  readonly custom: CustomCadenceInput;
}

/** Prep block: 15 minutes, starting an hour before the conversation. */
export const PREP_REMINDER = { minutesBefore: 60, durationMinutes: 15 } as const;

export interface WizardContext {
  readonly manager: Person;
  readonly settings: MailboxSettings;
  readonly leaver: Person;
  readonly lastWorkingDay: IsoDate;
}

/** Month offsets as typed ("1, 3") → numbers; undefined when something is not a whole number. */
export const parseMonths = (text: string): number[] | undefined => {
  const parts = text.split(/[,;\s]+/).filter((p) => p.length > 0);
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return undefined;
    out.push(Number(p));
  }
  return out;
};

const wholeOrUndefined = (text: string): number | undefined =>
  /^\s*\d+\s*$/.test(text) ? Number(text.trim()) : undefined;

/**
 * The custom cadence as the domain models it, or undefined when the fields cannot make one (the
 * domain's validation then says what is wrong with a well-formed but unreasonable one).
 */
export const customCadence = (input: CustomCadenceInput): Cadence | undefined => {
  const early = parseMonths(input.early);
  if (!early) return undefined;
  const hasSteady = [input.every, input.from, input.until].some((v) => v.trim() !== '');
  if (!hasSteady) return { preset: 'custom', early };
  const everyMonths = wholeOrUndefined(input.every);
  const fromMonth = wholeOrUndefined(input.from);
  const untilMonth = wholeOrUndefined(input.until);
  if (everyMonths === undefined || fromMonth === undefined || untilMonth === undefined) return undefined;
  return { preset: 'custom', early, steady: { everyMonths, fromMonth, untilMonth } };
};

export const cadenceFor = (draft: Draft, presets: Readonly<Record<CadencePresetId, Cadence>>): Cadence | undefined =>
  draft.preset === 'custom' ? customCadence(draft.custom) : presets[draft.preset];

const optional = (s: string): string | undefined => (s.trim() === '' ? undefined : s);

/** The plan the wizard books. `start` must be set (the When step requires it). */
export const buildPlan = (draft: Draft, ctx: WizardContext, cadence: Cadence): Plan => {
  if (!draft.start) throw new Error('buildPlan needs a start time');
  const place: Plan['conversation']['place'] =
    draft.placeKind === 'teams' ? { kind: 'teams' } : { kind: 'place', location: draft.location };
  return {
    id: draft.id,
    manager: {
      displayName: ctx.manager.displayName,
      email: ctx.manager.mail,
      workingHours: ctx.settings.workingHours,
    },
    leaver: {
      userId: ctx.leaver.id,
      displayName: ctx.leaver.displayName,
      workEmail: ctx.leaver.mail,
      lastWorkingDay: ctx.lastWorkingDay,
      ...(ctx.leaver.jobTitle ? { jobTitle: ctx.leaver.jobTitle } : {}),
      ...(optional(draft.personalEmail) !== undefined ? { personalEmail: draft.personalEmail } : {}),
      ...(optional(draft.mobilePhone) !== undefined ? { mobilePhone: draft.mobilePhone } : {}),
      ...(optional(draft.profileUrl) !== undefined ? { profileUrl: draft.profileUrl } : {}),
      ...(optional(draft.nextCompany) !== undefined ? { nextCompany: draft.nextCompany } : {}),
      ...(optional(draft.nextRole) !== undefined ? { nextRole: draft.nextRole } : {}),
      consentToKeepContact: draft.consent,
    },
    conversation: {
      start: draft.start,
      durationMinutes: draft.durationMinutes,
      timeZone: ctx.settings.timeZone,
      place,
    },
    agenda: draft.agenda,
    prepNotes: draft.prepNotes,
    ...(draft.prepReminder ? { prepReminder: PREP_REMINDER } : {}),
    cadence,
    reconnect: draft.reconnect,
  };
};

/**
 * Which step shows a problem, from its dotted field path. Everything about the meeting itself is
 * on When; the agenda and the private notes on Agenda; the leaver's details on Stay in touch.
 */
export const stepForField = (field: string): StepId => {
  const head = field.split('.')[0] ?? '';
  if (head === 'conversation' || field === 'leaver.lastWorkingDay' || head === 'manager') return 'when';
  if (head === 'agenda' || head === 'prepNotes' || head === 'prepReminder') return 'agenda';
  if (head === 'leaver') return 'contact';
  if (head === 'cadence' || head === 'reconnect') return 'reconnect';
  return 'review';
};

/** True when `field` is `key` or inside it (`leaver.personalEmail` matches key `leaver.personalEmail`). */
export const fieldMatches = (field: string, key: string): boolean => field === key || field.startsWith(`${key}.`);

const weekdayOf = (dt: DateTime) => WEEKDAYS[dt.weekday - 1];

const minutesOfDay = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * Whether [start, end) lies inside the working hours, on a working day, in the hours' own zone.
 * The service asks Graph for such slots already; the check also guards a time typed by hand.
 */
export const insideWorkingHours = (startIso: string, endIso: string, hours: WorkingHours): boolean => {
  const s = DateTime.fromISO(startIso, { setZone: true }).setZone(hours.timeZone);
  const e = DateTime.fromISO(endIso, { setZone: true }).setZone(hours.timeZone);
  if (!s.isValid || !e.isValid) return false;
  const day = weekdayOf(s);
  if (!day || !hours.daysOfWeek.includes(day)) return false;
  if (s.toISODate() !== e.minus({ minutes: 1 }).toISODate()) return false;
  const from = s.hour * 60 + s.minute;
  const to = from + e.diff(s, 'minutes').minutes;
  return from >= minutesOfDay(hours.startTime) && to <= minutesOfDay(hours.endTime);
};

/** Whether the slot starts on or before the last working day, read in the manager's zone. */
export const onOrBeforeLastDay = (startIso: string, zone: IanaTimeZone, lastWorkingDay: IsoDate): boolean => {
  const d = DateTime.fromISO(startIso, { setZone: true }).setZone(zone).toISODate();
  return d !== null && d <= lastWorkingDay;
};

/** The suggestions worth showing: in the future, before the last day, inside working hours. */
export const usableSlots = (
  slots: readonly SlotSuggestion[],
  ctx: WizardContext,
  now: Date,
): SlotSuggestion[] =>
  slots.filter(
    (s) =>
      DateTime.fromISO(s.start, { setZone: true }).toMillis() > now.getTime() &&
      onOrBeforeLastDay(s.start, ctx.settings.timeZone, ctx.lastWorkingDay) &&
      insideWorkingHours(s.start, s.end, { ...ctx.settings.workingHours, timeZone: ctx.settings.timeZone }),
  );

/** An instant (with offset) → the wall clock in `zone`, as the plan stores it. */
export const toLocal = (iso: string, zone: IanaTimeZone): LocalDateTime =>
  localDateTime(DateTime.fromISO(iso, { setZone: true }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm:ss"));

/** A wall clock in `zone` → an ISO instant with offset, for the service. */
export const toInstant = (local: string, zone: IanaTimeZone): string =>
  DateTime.fromISO(local, { zone }).toISO({ suppressMilliseconds: true }) ?? local;

export const addMinutes = (iso: string, minutes: number): string =>
  DateTime.fromISO(iso, { setZone: true }).plus({ minutes }).toISO({ suppressMilliseconds: true }) ?? iso;

/** A moment shown to the manager: weekday, date and time in their zone and the UI language. */
export const formatWhen = (iso: string, zone: IanaTimeZone, lang: Lang): string =>
  DateTime.fromISO(iso, { setZone: true })
    .setZone(zone)
    .setLocale(localeFor(lang))
    .toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' });

/** Same, with the year: reminders run years ahead. */
export const formatWhenWithYear = (iso: string, zone: IanaTimeZone, lang: Lang): string =>
  DateTime.fromISO(iso, { setZone: true })
    .setZone(zone)
    .setLocale(localeFor(lang))
    .toLocaleString({ weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' });

export const formatLocalWhen = (local: LocalDateTime, zone: IanaTimeZone, lang: Lang): string =>
  formatWhen(toInstant(local, zone), zone, lang);

export const formatDate = (date: string, zone: IanaTimeZone, lang: Lang): string =>
  DateTime.fromISO(date, { zone })
    .setLocale(localeFor(lang))
    .toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** A time zone as people read it: "Europe/Paris" → "Paris". */
export const zoneLabel = (zone: IanaTimeZone): string => zone.split('/').pop()?.replace(/_/g, ' ') ?? zone;
