/**
 * Must show (issue 3): expandSeries matches an independent implementation, occurrence for occurrence,
 * for random patterns of every type, numbered and endDate ranges, in Europe/Paris and America/New_York,
 * with start times close to DST changes. The reference (rrule + Intl) and its mapping of Exchange's
 * rules are described in ./rrule-reference.ts.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { expandSeries } from '../../../sandbox/recurrence';
import { caseArb, eventTimes, reference, type Case } from './rrule-reference';
import { runs } from '../support/fast-check';

function expand(c: Case): Array<{ start: number; end: number; originalDate: string }> {
  return expandSeries({
    recurrence: c.recurrence,
    ...eventTimes(c),
    window: {
      start: DateTime.utc(c.date.y, c.date.m, c.date.d).minus({ days: 2 }),
      end: DateTime.utc(c.date.y, c.date.m, c.date.d).plus({ years: 130 }),
    },
  }).map((o) => ({ start: o.start.toMillis(), end: o.end.toMillis(), originalDate: o.originalDate }));
}

describe('expandSeries against rrule (property)', () => {
  it('gives the same occurrences as rrule for random patterns, ranges and DST-adjacent starts', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const ours = expand(c);
        const theirs = reference(c);
        expect(ours.map((o) => ({ start: new Date(o.start).toISOString(), originalDate: o.originalDate }))).toEqual(
          theirs.map((o) => ({ start: new Date(o.start).toISOString(), originalDate: o.originalDate })),
        );
        // Every occurrence lasts as long as the series' first one.
        for (const o of ours) expect(o.end - o.start).toBe(c.durationMinutes * 60_000);
      }),
      { numRuns: runs(300) },
    );
  });

  it('keeps the wall-clock time across a DST change (09:00 Paris stays 09:00, UTC offset moves)', () => {
    const c: Case = {
      zone: 'Europe/Paris',
      zoneName: 'Romance Standard Time',
      useRecurrenceZone: false,
      date: { y: 2026, m: 3, d: 23 },
      hour: 9,
      minute: 0,
      durationMinutes: 60,
      recurrence: {
        pattern: { type: 'daily', interval: 1, month: 0, dayOfMonth: 0, daysOfWeek: [], firstDayOfWeek: 'sunday', index: 'first' },
        range: { type: 'numbered', startDate: '2026-03-23', endDate: '0001-01-01', numberOfOccurrences: 14, recurrenceTimeZone: '' },
      },
    };
    const ours = expand(c);
    expect(ours).toHaveLength(14);
    expect(new Date(ours[0]?.start ?? 0).toISOString()).toBe('2026-03-23T08:00:00.000Z');
    expect(new Date(ours[13]?.start ?? 0).toISOString()).toBe('2026-04-05T07:00:00.000Z');
    expect(ours).toEqual(reference(c).map((o) => expect.objectContaining({ start: o.start, originalDate: o.originalDate })));
  });
});
