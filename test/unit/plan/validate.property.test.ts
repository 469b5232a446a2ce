import fc from 'fast-check';
import { CADENCE_PRESETS } from '../../../src/domain/cadence';
import { validatePlan, type Plan } from '../../../src/domain/plan';
import { DEFAULT_WORKING_HOURS, isoDate, localDateTime, planId, type IanaTimeZone } from '../../../src/domain/types';
import { runs } from '../support/fast-check';

const NOW = new Date('2026-11-25T10:00:00Z');

// Whatever people type: mostly what a careful person would (so valid plans come up often and
// their normalisation is checked), sometimes anything at all.
const anything = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', '  ', '<script>alert(1)</script>', 'javascript:alert(1)', 'שלום', '😀', 'a@b', '+33 6 12'),
);
const mostly = (...good: string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: anything });
const text = mostly('', '  ', 'Fabrikam', ' Directrice produit ', 'Smith & <Sons>', 'Émile Zola');
const plan = fc
  .record({
    displayName: mostly(' Jean Dupont ', 'Élodie'),
    workEmail: mostly('jean.dupont@contoso.fr', ' JEAN@contoso.fr '),
    personalEmail: mostly('', 'jean@exemple.fr', ' Jean.D+perso@gmail.com '),
    mobilePhone: mostly('', '+33 6 12 34 56 78', '06 12 34 56 78', '+1 (415) 555-0132'),
    profileUrl: mostly('', 'linkedin.com/in/x', ' https://exemple.fr/moi '),
    nextCompany: text,
    nextRole: text,
    consent: fc.constantFrom(true, true, true, false),
    location: fc.option(text, { nil: undefined }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    duration: fc.oneof(fc.constantFrom(30, 45, 60, 90), fc.integer({ min: 0, max: 300 })),
    zone: fc.constantFrom('Europe/Paris', 'America/New_York', 'Europe/Paris', 'Mars/Olympus'),
  })
  .map((r): Plan => ({
    id: planId('p'),
    manager: { displayName: 'Claire', email: 'claire@contoso.fr', workingHours: DEFAULT_WORKING_HOURS },
    leaver: {
      displayName: r.displayName, workEmail: r.workEmail, lastWorkingDay: isoDate('2026-12-18'),
      personalEmail: r.personalEmail, mobilePhone: r.mobilePhone, profileUrl: r.profileUrl,
      nextCompany: r.nextCompany, nextRole: r.nextRole, consentToKeepContact: r.consent,
    },
    conversation: {
      start: localDateTime(`2026-12-${String(r.day).padStart(2, '0')}T${String(r.hour).padStart(2, '0')}:00`),
      durationMinutes: r.duration,
      // Mars/Olympus passes the type, not the constructor: validatePlan must refuse it on its own.
      timeZone: r.zone as IanaTimeZone,
      place: r.location === undefined ? { kind: 'teams' } : { kind: 'place', location: r.location },
    },
    agenda: { lang: 'fr', sections: [{ id: 's', title: r.nextRole || 'Accueil', purpose: '', weight: 1, prompts: [] }] },
    prepNotes: r.nextCompany,
    cadence: CADENCE_PRESETS.quarterly,
    reconnect: true,
  }));

describe('validatePlan, for any input', () => {
  it('never throws, explains every problem in both languages, and accepts its own normalised plan unchanged', () => {
    let accepted = 0;
    fc.assert(
      fc.property(plan, (p) => {
        const r = validatePlan(p, { now: NOW, defaultCountry: 'FR' });
        if (r.ok) accepted += 1;
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const problem of r.problems) {
            expect(problem.code).toMatch(/^[a-zA-Z]+\.[a-zA-Z]+$/);
            expect(problem.field).toMatch(/^[a-zA-Z]+(\.[a-zA-Z0-9]+)*$/);
            expect(problem.message.fr.trim()).not.toBe('');
            expect(problem.message.en.trim()).not.toBe('');
          }
          return;
        }
        const again = validatePlan(r.plan, { now: NOW, defaultCountry: 'FR' });
        expect(again).toEqual(r);
        const l = r.plan.leaver;
        for (const v of [l.displayName, l.workEmail, l.personalEmail, l.nextCompany, l.nextRole]) {
          if (v !== undefined) expect(v).toBe(v.trim());
        }
        if (l.mobilePhone !== undefined) expect(l.mobilePhone).toMatch(/^\+[1-9]\d{6,14}$/);
        if (l.profileUrl !== undefined) expect(l.profileUrl).toMatch(/^https?:\/\//);
        if (!l.consentToKeepContact) {
          expect([l.personalEmail, l.mobilePhone, l.profileUrl, l.nextCompany, l.nextRole]).toEqual([undefined, undefined, undefined, undefined, undefined]);
        }
      }),
      { numRuns: runs(300) },
    );
    // About one plan in twelve is valid: enough that the normalisation checks above really ran.
    expect(accepted).toBeGreaterThan(0);
  });
});
