import fc from 'fast-check';
import {
  MAX_OUTCOME_LOG_CHARS,
  filterSortAlumni,
  NOTE_MAX,
  OUTCOME_GROUP,
  OUTCOME_KINDS,
  addOutcome,
  latestOutcome,
  parseConsent,
  parseOutcomeLog,
  readOutcomeLog,
  removeOutcome,
  serialiseConsent,
  serialiseOutcomeLog,
  summariseOutcomes,
  type OutcomeEntry,
} from '../../../src/domain/alumni';
import { AppError } from '../../../src/domain/errors';

const dateArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const newArb = fc.record({
  id: fc.uuid(),
  kind: fc.constantFrom(...OUTCOME_KINDS),
  date: dateArb,
  note: fc.string({ maxLength: 80 }),
});

describe('outcome log', () => {
  it('reads back what it wrote, newest first, same-day entries in the order they were added (newest first)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(newArb, { selector: (e) => e.id, maxLength: 15 }), (inputs) => {
        let log: OutcomeEntry[] = [];
        for (const i of inputs) log = addOutcome(log, i);
        const back = parseOutcomeLog(serialiseOutcomeLog(log));
        expect(back).toEqual(log);
        expect(back).toHaveLength(inputs.length);
        for (let i = 1; i < back.length; i += 1) expect(back[i - 1]!.date >= back[i]!.date).toBe(true);
        // Same day: added later comes first.
        const firstOfDay = new Map<string, string>();
        for (const i of inputs) firstOfDay.set(i.date, i.id);
        for (const [date, id] of firstOfDay) expect(back.find((e) => e.date === date)!.id).toBe(id);
      }),
    );
  });

  it('never throws on anything stored, and every entry it returns is a valid one', () => {
    const junk = fc.oneof(
      fc.string(),
      fc.json(),
      fc.array(fc.record({ id: fc.oneof(fc.uuid(), fc.string()), kind: fc.oneof(fc.constantFrom(...OUTCOME_KINDS), fc.string()), date: fc.oneof(dateArb, fc.string()), note: fc.anything() }, { requiredKeys: [] })).map((entries) => JSON.stringify({ v: 1, entries })),
    );
    fc.assert(
      fc.property(junk, (stored) => {
        const { entries } = readOutcomeLog(stored);
        for (const e of entries) {
          expect(OUTCOME_KINDS).toContain(e.kind);
          expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(e.note.length).toBeLessThanOrEqual(NOTE_MAX);
        }
        expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
      }),
    );
  });

  it('skips what it cannot read without losing the rest, and says when the whole thing is not a log', () => {
    const stored = JSON.stringify({
      v: 2,
      entries: [
        { id: 'a', kind: 'client', date: '2027-02-30', note: 'no such day' },
        { id: 'b', kind: 'astronaut', date: '2027-03-01' },
        { id: 'c', kind: 'client', date: '2027-03-02', note: '  Fabrikam signed  ', extra: true },
        { id: 'c', kind: 'rehired', date: '2027-03-03' },
      ],
    });
    expect(readOutcomeLog(stored)).toEqual({ entries: [{ id: 'c', kind: 'client', date: '2027-03-02', note: 'Fabrikam signed' }], unreadable: false });
    expect(readOutcomeLog('{not json')).toEqual({ entries: [], unreadable: true });
    expect(readOutcomeLog('{"v":1}')).toEqual({ entries: [], unreadable: true });
    expect(readOutcomeLog(undefined)).toEqual({ entries: [], unreadable: false });
  });

  it('adding the same id twice (a retried write) keeps one; removing takes only that one', () => {
    const one = addOutcome([], { id: 'x1', kind: 'partner', date: '2027-01-05', note: 'Joint offer' });
    expect(addOutcome(one, { id: 'x1', kind: 'partner', date: '2027-01-05', note: 'Joint offer' })).toHaveLength(1);
    const two = addOutcome(one, { id: 'x2', kind: 'weIntroduced', date: '2027-01-06', note: '' });
    expect(removeOutcome(two, 'x1').map((e) => e.id)).toEqual(['x2']);
  });

  it('refuses an invalid date, a note too long, a log too large to store', () => {
    expect(() => addOutcome([], { id: 'a', kind: 'client', date: '2027-13-01', note: '' })).toThrow(AppError);
    expect(() => addOutcome([], { id: 'a', kind: 'client', date: '2027-01-01', note: 'x'.repeat(NOTE_MAX + 1) })).toThrow(AppError);
    let log: OutcomeEntry[] = [];
    for (let i = 0; i < 80; i += 1) log = addOutcome(log, { id: `id${i}`, kind: 'client', date: '2027-01-01', note: 'x'.repeat(NOTE_MAX) });
    expect(() => serialiseOutcomeLog(log)).toThrow(/too large/);
    expect(MAX_OUTCOME_LOG_CHARS).toBeGreaterThan(0);
  });

  it('sums up by kind and by group: what they became, what they gave, what we gave', () => {
    const a = addOutcome(addOutcome([], { id: 'a', kind: 'client', date: '2027-01-01', note: '' }), { id: 'b', kind: 'introducedUs', date: '2027-02-01', note: '' });
    const b = addOutcome([], { id: 'c', kind: 'referenceGiven', date: '2027-03-01', note: '' });
    const s = summariseOutcomes([a, b, []]);
    expect(s.byKind.client).toBe(1);
    expect(s.byKind.referenceGiven).toBe(1);
    expect(s.byGroup).toEqual({ became: 1, theyGave: 1, weGave: 1 });
    expect(s.people).toBe(2);
    expect(OUTCOME_GROUP.referenceReceived).toBe('theyGave');
    expect(latestOutcome(a)).toBe('2027-02-01');
    expect(latestOutcome(a, 'client')).toBe('2027-01-01');
  });
});

describe('consent record', () => {
  it('round-trips and refuses what is not a record', () => {
    const c = { givenAt: '2026-11-02T09:30:00.000Z', channel: 'tabWizard' as const, lang: 'fr' as const, text: 'Camille accepte que je conserve ces coordonnées' };
    expect(parseConsent(serialiseConsent(c))).toEqual(c);
    expect(parseConsent('{"givenAt":"yesterday","channel":"tabWizard","lang":"fr","text":"x"}')).toBeUndefined();
    expect(parseConsent('{"givenAt":"2026-11-02T09:30:00Z","channel":"fax","lang":"fr","text":"x"}')).toBeUndefined();
    expect(parseConsent('nope')).toBeUndefined();
  });
});

describe('filterSortAlumni', () => {
  const o = (id: string, kind: (typeof OUTCOME_KINDS)[number], date: string) => ({ id, kind, date: date as never, note: '' });
  const list = [
    { displayName: 'Zoé', outcomes: [o('1', 'client', '2027-01-01')] },
    { displayName: 'élodie' },
    { displayName: 'Bruno', outcomes: [o('2', 'referenceGiven', '2027-05-01'), o('3', 'client', '2026-12-01')] },
  ];
  it('keeps those with an outcome of the kind, most recent (of that kind) first', () => {
    expect(filterSortAlumni(list, 'client', 'recentOutcome').map((a) => a.displayName)).toEqual(['Zoé', 'Bruno']);
    expect(filterSortAlumni(list, 'any', 'recentOutcome').map((a) => a.displayName)).toEqual(['Bruno', 'Zoé']);
    expect(filterSortAlumni(list, 'all', 'recentOutcome').map((a) => a.displayName)).toEqual(['Bruno', 'Zoé', 'élodie']);
    expect(filterSortAlumni(list, 'all', 'name').map((a) => a.displayName)).toEqual(['Bruno', 'élodie', 'Zoé']);
    expect(filterSortAlumni(list, 'all', 'next')).toEqual(list);
    expect(filterSortAlumni(list, 'rehired', 'next')).toEqual([]);
  });
});
