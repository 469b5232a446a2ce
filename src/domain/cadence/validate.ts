import { IANAZone } from 'luxon';
import { WEEKDAYS, type Localized, type WorkingHours } from '../types';
import type { Cadence, CadenceProblem, TouchpointKind } from './model';
import { CADENCE_MAX_MONTHS, CADENCE_MAX_TOUCHPOINTS, TOUCHPOINT_KINDS } from './presets';

const problem = (code: string, field: string, message: Localized): CadenceProblem => ({ code, field, message });

const isWholePositive = (n: number): boolean => Number.isInteger(n) && n > 0;

/** The month offsets a cadence stands for, early ones first. Assumes a valid cadence. */
export const cadenceMonths = (cadence: Cadence): { readonly early: readonly number[]; readonly steady: readonly number[] } => {
  const steady: number[] = [];
  const s = cadence.steady;
  if (s && isWholePositive(s.everyMonths)) {
    for (let m = s.fromMonth; m <= s.untilMonth; m += s.everyMonths) steady.push(m);
  }
  return { early: cadence.early, steady };
};

/**
 * Every problem with a cadence at once (the presets pass). Rules: months are positive whole numbers,
 * strictly increasing from the early ones into the steady part, at most ten years, at most forty
 * touchpoints, at least one; kinds are known and distinct (each kind becomes its own Outlook series).
 */
export const validateCadence = (cadence: Cadence): CadenceProblem[] => {
  const problems: CadenceProblem[] = [];
  let previous = 0;
  cadence.early.forEach((m, i) => {
    const field = `early.${i}`;
    if (!isWholePositive(m)) {
      problems.push(problem('cadence.monthNotWhole', field, {
        fr: 'Indiquez un nombre entier de mois, au moins 1.',
        en: 'Enter a whole number of months, at least 1.',
      }));
      return;
    }
    if (m <= previous) {
      problems.push(problem('cadence.notIncreasing', field, {
        fr: 'Chaque rappel doit tomber après le précédent.',
        en: 'Each reminder must come after the one before.',
      }));
    }
    if (m > CADENCE_MAX_MONTHS) {
      problems.push(problem('cadence.tooFar', field, {
        fr: `Les rappels ne peuvent pas aller au-delà de ${CADENCE_MAX_MONTHS / 12} ans après le départ.`,
        en: `Reminders can't go beyond ${CADENCE_MAX_MONTHS / 12} years after the departure.`,
      }));
    }
    previous = Math.max(previous, m);
  });

  const s = cadence.steady;
  if (s) {
    const fields = { everyMonths: s.everyMonths, fromMonth: s.fromMonth, untilMonth: s.untilMonth } as const;
    let wholeSteady = true;
    for (const [name, value] of Object.entries(fields)) {
      if (!isWholePositive(value)) {
        wholeSteady = false;
        problems.push(problem('cadence.monthNotWhole', `steady.${name}`, {
          fr: 'Indiquez un nombre entier de mois, au moins 1.',
          en: 'Enter a whole number of months, at least 1.',
        }));
      }
    }
    if (wholeSteady) {
      if (s.fromMonth <= previous) {
        problems.push(problem('cadence.notIncreasing', 'steady.fromMonth', {
          fr: 'Les rappels réguliers doivent commencer après les premiers rappels.',
          en: 'Regular reminders must start after the first ones.',
        }));
      }
      if (s.untilMonth < s.fromMonth) {
        problems.push(problem('cadence.notIncreasing', 'steady.untilMonth', {
          fr: 'La fin des rappels réguliers doit venir après leur début.',
          en: 'Regular reminders must end after they start.',
        }));
      }
      if (s.untilMonth > CADENCE_MAX_MONTHS) {
        problems.push(problem('cadence.tooFar', 'steady.untilMonth', {
          fr: `Les rappels ne peuvent pas aller au-delà de ${CADENCE_MAX_MONTHS / 12} ans après le départ.`,
          en: `Reminders can't go beyond ${CADENCE_MAX_MONTHS / 12} years after the departure.`,
        }));
      }
    }
  }

  // Count without building the list: a typo like "every 1 month until 100000" must not allocate.
  const steadyCount = s && isWholePositive(s.everyMonths) && s.untilMonth >= s.fromMonth
    ? Math.floor((s.untilMonth - s.fromMonth) / s.everyMonths) + 1
    : 0;
  const total = cadence.early.length + steadyCount;
  // An inverted steady range is reported above; "empty" is for a cadence with nothing at all in it.
  if (cadence.early.length === 0 && !s) {
    problems.push(problem('cadence.empty', 'early', {
      fr: 'Prévoyez au moins un rappel.',
      en: 'Plan at least one reminder.',
    }));
  } else if (total > CADENCE_MAX_TOUCHPOINTS) {
    problems.push(problem('cadence.tooMany', s ? 'steady.everyMonths' : 'early', {
      fr: `Cela fait ${total} rappels, pour ${CADENCE_MAX_TOUCHPOINTS} au maximum : espacez-les davantage.`,
      en: `That makes ${total} reminders, and ${CADENCE_MAX_TOUCHPOINTS} is the most: space them out more.`,
    }));
  }

  if (cadence.kinds !== undefined) {
    const seen = new Set<TouchpointKind>();
    const known = new Set<string>(TOUCHPOINT_KINDS);
    if (cadence.kinds.length === 0) {
      problems.push(problem('cadence.kindsEmpty', 'kinds', {
        fr: 'Choisissez au moins une façon de reprendre contact.',
        en: 'Pick at least one way to get back in touch.',
      }));
    }
    cadence.kinds.forEach((k, i) => {
      if (!known.has(k)) {
        problems.push(problem('cadence.kindUnknown', `kinds.${i}`, {
          fr: 'Ce type de rappel est inconnu.',
          en: 'This kind of reminder is unknown.',
        }));
      } else if (seen.has(k)) {
        problems.push(problem('cadence.kindRepeated', `kinds.${i}`, {
          fr: 'Chaque type de rappel ne peut figurer qu’une fois dans la rotation.',
          en: 'Each kind of reminder can appear only once in the rotation.',
        }));
      }
      seen.add(k);
    });
  }
  return problems;
};

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?$/;

/** Minutes since midnight of an `HH:mm` (Graph may add seconds and fractions: they are ignored). */
export const minutesOfDay = (hhmm: string): number | undefined => {
  const m = HH_MM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
};

/** Every problem with working hours at once; fields are relative to the working hours. */
export const validateWorkingHours = (wh: WorkingHours): CadenceProblem[] => {
  const problems: CadenceProblem[] = [];
  if (!IANAZone.isValidZone(wh.timeZone)) {
    problems.push(problem('workingHours.timeZoneInvalid', 'timeZone', {
      fr: 'Ce fuseau horaire est inconnu.',
      en: 'This time zone is unknown.',
    }));
  }
  const known = new Set<string>(WEEKDAYS);
  if (wh.daysOfWeek.length === 0 || wh.daysOfWeek.some((d) => !known.has(d))) {
    problems.push(problem('workingHours.daysInvalid', 'daysOfWeek', {
      fr: 'Indiquez au moins un jour travaillé.',
      en: 'Choose at least one working day.',
    }));
  }
  const start = minutesOfDay(wh.startTime);
  const end = minutesOfDay(wh.endTime);
  if (start === undefined || end === undefined || end <= start) {
    problems.push(problem('workingHours.hoursInvalid', start === undefined ? 'startTime' : 'endTime', {
      fr: "L'heure de fin doit venir après l'heure de début (au format HH:mm).",
      en: 'The end time must come after the start time (HH:mm).',
    }));
  }
  return problems;
};
