import fc from 'fast-check';
import {
  addPrompt,
  addSection,
  defaultAgenda,
  editPrompt,
  movePrompt,
  moveSection,
  removePrompt,
  removeSection,
  renameSection,
  setSectionPurpose,
  setSectionWeight,
  timeAgenda,
} from '../../../src/domain/agenda';
import type { Agenda } from '../../../src/domain/agenda';
import { runs } from '../support/fast-check';

const ids = (a: Agenda) => a.sections.map((s) => s.id);
const promptIds = (a: Agenda, sectionId: string) => a.sections.find((s) => s.id === sectionId)!.prompts.map((p) => p.id);
const section = (a: Agenda, id: string) => a.sections.find((s) => s.id === id)!;

/** Deep-freezes so that any mutation of the input by an edit throws. */
const frozen = <T>(x: T): T => {
  if (x && typeof x === 'object') {
    Object.values(x).forEach(frozen);
    Object.freeze(x);
  }
  return x;
};

describe('agenda edits', () => {
  const base = frozen(defaultAgenda('en'));

  it('renames a section and sets its purpose, leaving the input untouched', () => {
    const a = setSectionPurpose(renameSection(base, 'qualities', 'Your strengths'), 'qualities', 'Why it matters');
    expect(section(a, 'qualities').title).toBe('Your strengths');
    expect(section(a, 'qualities').purpose).toBe('Why it matters');
    expect(section(base, 'qualities').title).toBe('What you brought to the team');
    expect(a.sections.filter((s) => s.id !== 'qualities')).toEqual(base.sections.filter((s) => s.id !== 'qualities'));
  });

  it('moves a section to a position, clamping out-of-range positions', () => {
    expect(ids(moveSection(base, 'nextSteps', 0))[0]).toBe('nextSteps');
    expect(ids(moveSection(base, 'welcome', 2))).toEqual(['lookBack', 'qualities', 'welcome', 'theirPlans', 'ourPlans', 'stayInTouch', 'nextSteps']);
    expect(ids(moveSection(base, 'welcome', 99)).at(-1)).toBe('welcome');
    expect(ids(moveSection(base, 'nextSteps', -5))[0]).toBe('nextSteps');
  });

  it('removes a section, and the minutes still fill the meeting', () => {
    const a = removeSection(base, 'ourPlans');
    expect(ids(a)).not.toContain('ourPlans');
    expect(a.sections).toHaveLength(6);
    expect(timeAgenda(a, 45).sections.reduce((t, s) => t + s.minutes, 0)).toBe(45);
  });

  it('adds a section after a given one, first, or last, with a deterministic fresh id', () => {
    const after = addSection(base, { title: 'Handover', prompts: ['Open files', 'Who takes what'] }, 'lookBack');
    expect(ids(after)[2]).toBe('section-8');
    const added = section(after, 'section-8');
    expect(added).toEqual({
      id: 'section-8',
      title: 'Handover',
      purpose: '',
      weight: 2,
      prompts: [
        { id: 'section-8-1', text: 'Open files' },
        { id: 'section-8-2', text: 'Who takes what' },
      ],
    });
    expect(ids(addSection(base, { title: 'First' }, null))[0]).toBe('section-8');
    expect(ids(addSection(base, { title: 'Last' })).at(-1)).toBe('section-8');
    expect(ids(addSection(base, { title: 'Unknown anchor' }, 'nope')).at(-1)).toBe('section-8');
    // Same edit, same result: no clock, no randomness.
    expect(addSection(base, { title: 'Handover' }, 'lookBack')).toEqual(addSection(base, { title: 'Handover' }, 'lookBack'));
    // A second one takes the next free number.
    const twice = addSection(addSection(base, { title: 'A' }), { title: 'B' });
    expect(ids(twice).slice(-2)).toEqual(['section-8', 'section-9']);
  });

  it('adds, edits, removes and moves prompts', () => {
    let a = addPrompt(base, 'welcome', 'Coffee?');
    expect(promptIds(a, 'welcome')).toEqual(['welcome-1', 'welcome-2', 'welcome-3']);
    a = addPrompt(a, 'welcome', 'First thing', null);
    expect(section(a, 'welcome').prompts[0]).toEqual({ id: 'welcome-4', text: 'First thing' });
    a = addPrompt(a, 'welcome', 'After one', 'welcome-1');
    expect(promptIds(a, 'welcome')).toEqual(['welcome-4', 'welcome-1', 'welcome-5', 'welcome-2', 'welcome-3']);
    a = editPrompt(a, 'welcome', 'welcome-5', 'Edited');
    expect(section(a, 'welcome').prompts[2]!.text).toBe('Edited');
    a = removePrompt(a, 'welcome', 'welcome-1');
    expect(promptIds(a, 'welcome')).toEqual(['welcome-4', 'welcome-5', 'welcome-2', 'welcome-3']);
    a = movePrompt(a, 'welcome', 'welcome-3', 0);
    expect(promptIds(a, 'welcome')).toEqual(['welcome-3', 'welcome-4', 'welcome-5', 'welcome-2']);
  });

  it('never reuses a prompt id that another section already holds', () => {
    // A section renamed by hand in storage could hold an id in another section's pattern.
    const odd: Agenda = {
      lang: 'en',
      sections: [
        { id: 'a', title: 'A', purpose: '', weight: 1, prompts: [{ id: 'b-1', text: 'x' }] },
        { id: 'b', title: 'B', purpose: '', weight: 1, prompts: [] },
      ],
    };
    const a = addPrompt(odd, 'b', 'y');
    expect(promptIds(a, 'b')).toEqual(['b-2']);
  });

  it('sets a weight as a whole number of at least 1', () => {
    expect(section(setSectionWeight(base, 'welcome', 4.4), 'welcome').weight).toBe(4);
    expect(section(setSectionWeight(base, 'welcome', 0), 'welcome').weight).toBe(1);
    // Not a number: the weight stays as it was.
    expect(section(setSectionWeight(base, 'lookBack', Number.NaN), 'lookBack').weight).toBe(3);
    expect(timeAgenda(setSectionWeight(base, 'welcome', 4), 60).sections[0]!.minutes).toBeGreaterThan(timeAgenda(base, 60).sections[0]!.minutes);
  });

  it('returns the same agenda when an id is unknown (a stale click is harmless)', () => {
    expect(renameSection(base, 'nope', 'x')).toBe(base);
    expect(setSectionPurpose(base, 'nope', 'x')).toBe(base);
    expect(moveSection(base, 'nope', 0)).toBe(base);
    expect(removeSection(base, 'nope')).toBe(base);
    expect(addPrompt(base, 'nope', 'x')).toBe(base);
    expect(editPrompt(base, 'welcome', 'nope', 'x')).toBe(base);
    expect(removePrompt(base, 'welcome', 'nope')).toBe(base);
    expect(movePrompt(base, 'welcome', 'nope', 0)).toBe(base);
    expect(moveSection(base, 'welcome', 0)).toBe(base);
  });

  type Op = (a: Agenda) => Agenda;
  const pickSection = (a: Agenda, k: number) => a.sections[k % Math.max(a.sections.length, 1)]?.id ?? 'none';
  const pickPrompt = (a: Agenda, sid: string, k: number) => {
    const ps = a.sections.find((s) => s.id === sid)?.prompts ?? [];
    return ps[k % Math.max(ps.length, 1)]?.id ?? 'none';
  };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.tuple(fc.nat(), fc.string()).map(([k, t]): Op => (a) => renameSection(a, pickSection(a, k), t)),
    fc.tuple(fc.nat(), fc.integer({ min: -3, max: 12 })).map(([k, to]): Op => (a) => moveSection(a, pickSection(a, k), to)),
    fc.nat().map((k): Op => (a) => removeSection(a, pickSection(a, k))),
    fc.tuple(fc.nat(), fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.boolean()).map(
      ([k, t, ps, first]): Op => (a) => addSection(a, { title: t, prompts: ps }, first ? null : pickSection(a, k)),
    ),
    fc.tuple(fc.nat(), fc.nat(), fc.string()).map(([k, j, t]): Op => (a) => {
      const sid = pickSection(a, k);
      return addPrompt(a, sid, t, pickPrompt(a, sid, j));
    }),
    fc.tuple(fc.nat(), fc.nat(), fc.string()).map(([k, j, t]): Op => (a) => {
      const sid = pickSection(a, k);
      return editPrompt(a, sid, pickPrompt(a, sid, j), t);
    }),
    fc.tuple(fc.nat(), fc.nat()).map(([k, j]): Op => (a) => {
      const sid = pickSection(a, k);
      return removePrompt(a, sid, pickPrompt(a, sid, j));
    }),
    fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -2, max: 6 })).map(([k, j, to]): Op => (a) => {
      const sid = pickSection(a, k);
      return movePrompt(a, sid, pickPrompt(a, sid, j), to);
    }),
  );

  it('property: any sequence of edits keeps section ids and prompt ids unique, and minutes summing', () => {
    fc.assert(
      fc.property(fc.constantFrom<'fr' | 'en'>('fr', 'en'), fc.array(op, { maxLength: 40 }), (lang, ops) => {
        const a = ops.reduce((acc, f) => f(acc), defaultAgenda(lang));
        const sids = ids(a);
        expect(new Set(sids).size).toBe(sids.length);
        const pids = a.sections.flatMap((s) => s.prompts.map((p) => p.id));
        expect(new Set(pids).size).toBe(pids.length);
        if (a.sections.length > 0) expect(timeAgenda(a, 45).sections.reduce((t, s) => t + s.minutes, 0)).toBe(45);
      }),
      { numRuns: runs(300) },
    );
  });
});
