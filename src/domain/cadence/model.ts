import type { IanaTimeZone, IsoDate, LocalDateTime, Weekday, WorkingHours } from '../types';

export type TouchpointKind = 'call' | 'email' | 'lunch';
export type CadencePresetId = 'gentle' | 'quarterly' | 'yearly';

/**
 * When to reconnect, counted in months from the leaver's last working day.
 * `early` are one-off touchpoints; `steady` is the regular part that becomes recurring series.
 */
export interface Cadence {
  readonly preset: CadencePresetId | 'custom';
  /** Month offsets of one-off touchpoints, strictly increasing, e.g. [1, 3]. */
  readonly early: readonly number[];
  /** Every `everyMonths` months from month `fromMonth` to month `untilMonth` (inclusive). */
  readonly steady?: { readonly everyMonths: number; readonly fromMonth: number; readonly untilMonth: number };
  /** The order kinds rotate in; default call, email, lunch. */
  readonly kinds?: readonly TouchpointKind[];
}

/** One dated reminder to reconnect, in the manager's time zone. */
export interface Touchpoint {
  /** 0-based position in the whole timeline. */
  readonly index: number;
  readonly kind: TouchpointKind;
  /** Months after the last working day this touchpoint stands for. */
  readonly monthOffset: number;
  /** Wall-clock start in `timeZone`. */
  readonly start: LocalDateTime;
  /** Wall-clock end in `timeZone`. */
  readonly end: LocalDateTime;
  readonly timeZone: IanaTimeZone;
  /** The same instant as an ISO string with offset, for sorting and display. */
  readonly startUtc: string;
  /** Which series it belongs to, when it is part of the steady part; undefined for one-offs. */
  readonly seriesKey?: string;
}

/**
 * A recurrence Outlook can store (Graph's patternedRecurrence, minus wire details).
 * Only the properties the pattern type needs are present.
 */
export type RecurrencePattern =
  | { readonly type: 'daily'; readonly interval: number }
  | { readonly type: 'weekly'; readonly interval: number; readonly daysOfWeek: readonly Weekday[]; readonly firstDayOfWeek?: Weekday }
  | { readonly type: 'absoluteMonthly'; readonly interval: number; readonly dayOfMonth: number }
  | {
      readonly type: 'relativeMonthly';
      readonly interval: number;
      readonly daysOfWeek: readonly Weekday[];
      readonly index: 'first' | 'second' | 'third' | 'fourth' | 'last';
    }
  | { readonly type: 'absoluteYearly'; readonly interval: number; readonly dayOfMonth: number; readonly month: number }
  | {
      readonly type: 'relativeYearly';
      readonly interval: number;
      readonly daysOfWeek: readonly Weekday[];
      readonly index: 'first' | 'second' | 'third' | 'fourth' | 'last';
      readonly month: number;
    };

export type RecurrenceRange =
  | { readonly type: 'numbered'; readonly startDate: IsoDate; readonly numberOfOccurrences: number; readonly recurrenceTimeZone: IanaTimeZone }
  | { readonly type: 'endDate'; readonly startDate: IsoDate; readonly endDate: IsoDate; readonly recurrenceTimeZone: IanaTimeZone };

export interface Recurrence {
  readonly pattern: RecurrencePattern;
  readonly range: RecurrenceRange;
}

/** A steady series: its recurrence, and the touchpoints it stands for (first one = the series' start). */
export interface TouchpointSeries {
  readonly key: string;
  readonly kind: TouchpointKind;
  readonly recurrence: Recurrence;
  readonly occurrences: readonly Touchpoint[];
}

/** The cadence laid out on the calendar. */
export interface CadencePlan {
  /** Every touchpoint, in time order (singles and series occurrences together). */
  readonly touchpoints: readonly Touchpoint[];
  /** The one-off touchpoints, booked as single events. */
  readonly singles: readonly Touchpoint[];
  /** The steady part, booked as recurring series. */
  readonly series: readonly TouchpointSeries[];
}

/**
 * Something wrong with a cadence or the working hours it is laid out in. Same shape as the plan's
 * problems (plan/model.ts), so the plan's validation can pass them on with a `cadence.` prefix.
 */
export interface CadenceProblem {
  /** Stable, e.g. `cadence.notIncreasing`. */
  readonly code: string;
  /** Dotted path inside the cadence (or the working hours), e.g. `early.1`, `steady.everyMonths`. */
  readonly field: string;
  readonly message: Readonly<Record<'fr' | 'en', string>>;
}

/** What expandCadence needs: the cadence, the leaver's last day, the manager's working hours. */
export interface ExpandCadenceInput {
  readonly cadence: Cadence;
  readonly lastWorkingDay: IsoDate;
  /** The manager's working hours; their time zone is the one every touchpoint is placed in. */
  readonly workingHours: WorkingHours;
}
