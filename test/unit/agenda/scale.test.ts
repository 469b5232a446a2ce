import fc from 'fast-check';
import { AppError } from '../../../src/domain/errors';
import { defaultAgenda, timeAgenda } from '../../../src/domain/agenda';
import type { Agenda } from '../../../src/domain/agenda';
import { runs } from '../support/fast-check';

const withWeights = (weights: number[]): Agenda => ({
  lang: 'en',
  sections: weights.map((weight, i) => ({ id: `s${i}`, title: `S${i}`, purpose: '', prompts: [], weight })),
});
const mins = (agenda: Agenda, length: number) => timeAgenda(agenda, length).sections.map((s) => s.minutes);
const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('timeAgenda', () => {
  it('splits the usual lengths in proportion to the weights, exactly', () => {
    const fr = defaultAgenda('fr');
    expect(mins(fr, 30)).toEqual([2, 6, 6, 6, 4, 4, 2]);
    expect(mins(fr, 45)).toEqual([3, 9, 9, 9, 6, 6, 3]);
    expect(mins(fr, 60)).toEqual([4, 12, 12, 12, 8, 8, 4]);
    expect(mins(fr, 90)).toEqual([6, 18, 18, 18, 12, 12, 6]);
  });

  it('keeps the agenda and adds minutes and the length', () => {
    const agenda = defaultAgenda('en');
    const timed = timeAgenda(agenda, 45);
    expect(timed.durationMinutes).toBe(45);
    expect(timed.lang).toBe('en');
    expect(timed.sections.map(({ minutes: _m, ...rest }) => rest)).toEqual(agenda.sections);
  });

  it('rounds by largest remainder, ties to the heavier then the earlier section', () => {
    // 10 minutes over weights 1,1,1: 3.33 each; the spare minute goes to the first.
    expect(mins(withWeights([1, 1, 1]), 10)).toEqual([4, 3, 3]);
    // 10 over 1,2: 3.33 and 6.67; the larger remainder wins.
    expect(mins(withWeights([1, 2]), 10)).toEqual([3, 7]);
    // 11 over 1,1,2: 2.75, 2.75, 5.5 -> remainders .75 .75 .5: the two lighter ones get it.
    expect(mins(withWeights([1, 1, 2]), 11)).toEqual([3, 3, 5]);
    // 12 over 1,3,4: 1.5, 4.5, 6 -> equal remainders (.5): the heavier section wins.
    expect(mins(withWeights([1, 3, 4]), 12)).toEqual([1, 5, 6]);
  });

  it('gives every section at least one minute when the meeting allows it', () => {
    // Weight 1 of 100 would get 0.1 minute of 10.
    expect(mins(withWeights([1, 99]), 10)).toEqual([1, 9]);
    expect(mins(defaultAgenda('en'), 10)).toEqual([1, 2, 2, 2, 1, 1, 1]);
    expect(mins(defaultAgenda('en'), 7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('documents what happens when the meeting is shorter than the agenda: some sections get 0', () => {
    const m = mins(defaultAgenda('en'), 5);
    expect(total(m)).toBe(5);
    expect(m.filter((x) => x === 0)).toHaveLength(2);
    expect(mins(defaultAgenda('en'), 0)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('treats bad weights sanely: non-positive ones still get their minute, all-zero ones share equally', () => {
    expect(mins(withWeights([0, 4]), 10)).toEqual([1, 9]);
    expect(mins(withWeights([-3, Number.NaN, 2]), 12)).toEqual([1, 1, 10]);
    expect(mins(withWeights([0, 0, 0]), 9)).toEqual([3, 3, 3]);
    expect(mins(withWeights([1.4, 2.6]), 8)).toEqual([2, 6]);
  });

  it('returns no sections for an empty agenda', () => {
    expect(timeAgenda({ lang: 'fr', sections: [] }, 45).sections).toEqual([]);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a length of %p with a validation AppError', (bad) => {
    const run = () => timeAgenda(defaultAgenda('fr'), bad);
    expect(run).toThrow(AppError);
    try {
      run();
    } catch (e) {
      expect((e as AppError).code).toBe('validation');
    }
  });

  it('property: minutes sum to the length, for any length 10..240 and any sections', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 0, maxLength: 30 }), fc.integer({ min: 10, max: 240 }), (weights, length) => {
        const m = mins(withWeights(weights), length);
        expect(m).toHaveLength(weights.length);
        if (weights.length > 0) expect(total(m)).toBe(length);
        for (const x of m) expect(Number.isInteger(x) && x >= 0).toBe(true);
        if (length >= weights.length) for (const x of m) expect(x).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: runs(500) },
    );
  });

  it('property: sums hold for any length 0..500 and odd weights too', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double({ noNaN: false })), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 500 }), (weights, length) => {
        const m = mins(withWeights(weights), length);
        expect(total(m)).toBe(length);
        if (length >= weights.length) expect(Math.min(...m)).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: runs(300) },
    );
  });

  it('property: a heavier section never gets fewer minutes than a lighter one', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 10, max: 240 }), (weights, length) => {
        const m = mins(withWeights(weights), length);
        weights.forEach((wi, i) =>
          weights.forEach((wj, j) => {
            if (wi > wj) expect(m[i]!).toBeGreaterThanOrEqual(m[j]!);
          }),
        );
      }),
      { numRuns: runs(300) },
    );
  });
});
