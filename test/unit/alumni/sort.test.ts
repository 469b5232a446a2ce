import fc from 'fast-check';
import { sortAlumni, type SortableAlumnus } from '../../../src/domain/alumni';
import { runs } from '../support/fast-check';

const NOW = new Date('2026-11-25T12:00:00Z');
const a = (displayName: string, start?: string, overdue?: boolean): SortableAlumnus => ({
  displayName,
  ...(start ? { nextTouchpoint: { start } } : {}),
  ...(overdue === undefined ? {} : { overdue }),
});

describe('sortAlumni', () => {
  it('puts overdue people first, then the next touchpoint soonest, then those with nothing planned, by name', () => {
    const list = [
      a('Zoé', undefined),
      a('Bruno', '2027-03-01T10:00:00+01:00'),
      a('Élodie', '2026-12-01T10:00:00+01:00'),
      a('Marc', '2026-11-20T10:00:00+01:00'), // in the past: overdue
      a('Anne', undefined),
      a('Chloé', '2027-01-15T10:00:00+01:00', true), // flagged overdue by the caller
      a('Luc', '2026-10-01T10:00:00+02:00'), // overdue for longer
    ];
    expect(sortAlumni(list, NOW).map((x) => x.displayName)).toEqual(['Luc', 'Marc', 'Chloé', 'Élodie', 'Bruno', 'Anne', 'Zoé']);
  });

  it('sorts names as people expect: accents and case do not matter, numbers in order', () => {
    const names = ['émile', 'Eva', 'Denis', 'agent 10', 'agent 9'];
    expect(sortAlumni(names.map((n) => a(n)), NOW).map((x) => x.displayName)).toEqual(['agent 9', 'agent 10', 'Denis', 'émile', 'Eva']);
  });

  it('compares instants, not strings: offsets are taken into account', () => {
    // 09:00 in New York is 15:00 in Paris, later than 14:00 in Paris.
    const list = [a('NY', '2027-01-10T09:00:00-05:00'), a('Paris', '2027-01-10T14:00:00+01:00')];
    expect(sortAlumni(list, NOW).map((x) => x.displayName)).toEqual(['Paris', 'NY']);
  });

  it('returns a new array with the same people, and keeps the caller’s objects', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ displayName: fc.string(), start: fc.option(fc.date({ noInvalidDate: true, min: new Date('2020-01-01'), max: new Date('2035-01-01') }), { nil: undefined }), overdue: fc.option(fc.boolean(), { nil: undefined }) })),
        (rows) => {
          const list = rows.map((r) => a(r.displayName, r.start?.toISOString(), r.overdue));
          const frozen = [...list];
          const sorted = sortAlumni(list, NOW);
          expect(list).toEqual(frozen);
          expect(new Set(sorted)).toEqual(new Set(list));
          expect(sorted).toHaveLength(list.length);
          // overdue ones form a prefix
          const isOverdue = (x: SortableAlumnus) => x.overdue === true || (x.nextTouchpoint !== undefined && Date.parse(x.nextTouchpoint.start) < NOW.getTime());
          const flags = sorted.map(isOverdue);
          expect(flags).toEqual([...flags].sort((p, q) => Number(q) - Number(p)));
        },
      ),
      { numRuns: runs(100) },
    );
  });
});
