import { AppError } from '../errors';
import type { Agenda, TimedAgenda } from './model';

/**
 * Minutes per section for a meeting of `durationMinutes`, from the sections' weights.
 *
 * Rules (each one tested):
 * - The minutes always sum to `durationMinutes` exactly (largest-remainder rounding on whole
 *   minutes; ties go to the heavier section, then to the earlier one).
 * - When the meeting has at least one minute per section, every section gets at least one minute:
 *   a section whose share would round below a minute gets exactly one, and the rest of the time is
 *   shared among the others in proportion to their weights.
 * - When the meeting is shorter than the number of sections, there is no such floor: pure
 *   largest-remainder shares, so some sections get 0 minutes (the renderers still list them).
 * - Weights are whole numbers (they are rounded); a weight that is not a positive number counts
 *   as 0, and if no section has a positive weight they all count equally.
 * - An agenda with no section gives an empty list, whatever the length.
 *
 * Throws AppError('validation') when `durationMinutes` is not a whole number >= 0: plan validation
 * reports bad lengths to the user before anything is rendered.
 */
export const timeAgenda = (agenda: Agenda, durationMinutes: number): TimedAgenda => {
  if (!Number.isSafeInteger(durationMinutes) || durationMinutes < 0) {
    throw new AppError({
      code: 'validation',
      messageKey: 'error.validation',
      params: { field: 'durationMinutes' },
      detail: `meeting length must be a whole number of minutes >= 0, got ${String(durationMinutes)}`,
    });
  }
  const minutes = splitMinutes(agenda.sections.map((s) => s.weight), durationMinutes);
  return {
    ...agenda,
    durationMinutes,
    sections: agenda.sections.map((s, i) => ({ ...s, minutes: minutes[i] ?? 0 })),
  };
};

/** Weights above this count as this: keeps the integer arithmetic below exact-integer limits. */
export const MAX_WEIGHT = 1000;

const effectiveWeights = (raw: readonly number[]): number[] => {
  const ws = raw.map((w) => (Number.isFinite(w) && w > 0 ? Math.min(Math.round(w), MAX_WEIGHT) : 0));
  return ws.some((w) => w > 0) ? ws : ws.map(() => 1);
};

/**
 * Splits `total` whole minutes by `rawWeights` with the rules of timeAgenda. Integer arithmetic
 * throughout, so rounding never depends on floating-point noise.
 */
export const splitMinutes = (rawWeights: readonly number[], total: number): number[] => {
  const weights = effectiveWeights(rawWeights);
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  if (n === 0) return out;

  // Sections that get exactly one minute because their proportional share is under a minute.
  const fixed = new Set<number>();
  if (total >= n) {
    for (;;) {
      const free = indices(n).filter((i) => !fixed.has(i));
      const left = total - fixed.size;
      const w = sum(free.map((i) => weights[i] ?? 0));
      // A share under one minute: left * weight / w < 1. Zero weights always qualify.
      const small = free.filter((i) => left * (weights[i] ?? 0) < w || w === 0);
      if (small.length === 0) break;
      for (const i of small) fixed.add(i);
    }
  }
  for (const i of fixed) out[i] = 1;

  const free = indices(n).filter((i) => !fixed.has(i));
  const left = total - fixed.size;
  const w = sum(free.map((i) => weights[i] ?? 0));
  // effectiveWeights leaves at least one positive weight, and a positive-weight section is only
  // fixed when the time left cannot give everyone a minute; so `free` is empty only when left is 0.
  if (free.length === 0 || left <= 0 || w === 0) return out;
  return largestRemainder(out, free, free.map((i) => weights[i] ?? 0), w, left);
};

const largestRemainder = (
  out: number[],
  free: readonly number[],
  ws: readonly number[],
  w: number,
  left: number,
): number[] => {
  const rest: Array<{ i: number; rem: number; weight: number }> = [];
  let given = 0;
  free.forEach((i, k) => {
    const num = left * (ws[k] ?? 0);
    const floor = Math.floor(num / w);
    out[i] = floor;
    given += floor;
    rest.push({ i, rem: num % w, weight: ws[k] ?? 0 });
  });
  rest.sort((a, b) => b.rem - a.rem || b.weight - a.weight || a.i - b.i);
  for (let k = 0; k < left - given; k++) {
    const r = rest[k];
    if (r) out[r.i] = (out[r.i] ?? 0) + 1;
  }
  return out;
};

const indices = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
