import type { Agenda } from '../../../src/domain/agenda/model';
import { CADENCE_PRESETS } from '../../../src/domain/cadence';
import {
  DISPLAY_NAME_MAX,
  EVENT_SUBJECT_MAX,
  LOCATION_MAX,
  isEmail,
  normaliseProfileUrl,
  validatePlan,
  type Plan,
  type PlanProblem,
} from '../../../src/domain/plan';
import { DEFAULT_WORKING_HOURS, ianaTimeZone, isoDate, localDateTime, planId, type IanaTimeZone } from '../../../src/domain/types';

const agenda: Agenda = {
  lang: 'fr',
  sections: [
    { id: 'welcome', title: 'Accueil', purpose: 'Poser un ton chaleureux.', weight: 1, prompts: [{ id: 'p1', text: 'Comment vas-tu ?' }] },
    { id: 'next', title: 'La suite', purpose: 'Parler de ses projets.', weight: 2, prompts: [{ id: 'p2', text: 'Où vas-tu ?' }] },
  ],
};

const NOW = new Date('2026-11-25T10:00:00Z');

const base = (): Plan => ({
  id: planId('plan-1'),
  manager: { displayName: 'Claire Martin', email: 'claire.martin@contoso.fr', workingHours: DEFAULT_WORKING_HOURS },
  leaver: {
    displayName: 'Jean Dupont',
    workEmail: 'jean.dupont@contoso.fr',
    lastWorkingDay: isoDate('2026-12-18'),
    personalEmail: 'jean.dupont@gmail.com',
    mobilePhone: '+33 6 12 34 56 78',
    profileUrl: 'https://www.linkedin.com/in/jeandupont',
    nextCompany: 'Fabrikam',
    nextRole: 'Directeur technique',
    consentToKeepContact: true,
  },
  conversation: {
    start: localDateTime('2026-12-10T14:00'),
    durationMinutes: 45,
    timeZone: ianaTimeZone('Europe/Paris'),
    place: { kind: 'teams' },
  },
  agenda,
  prepNotes: 'Le remercier pour la migration.',
  cadence: CADENCE_PRESETS.gentle,
  reconnect: true,
});

type Edit = (p: Plan) => Plan;
const withLeaver = (l: Partial<Plan['leaver']>): Edit => (p) => ({ ...p, leaver: { ...p.leaver, ...l } });
const withConversation = (c: Partial<Plan['conversation']>): Edit => (p) => ({ ...p, conversation: { ...p.conversation, ...c } });

const problemsOf = (edit: Edit, opts: { now?: Date; defaultCountry?: 'FR' | 'GB' | 'US' } = {}): PlanProblem[] => {
  const r = validatePlan(edit(base()), { now: opts.now ?? NOW, ...(opts.defaultCountry ? { defaultCountry: opts.defaultCountry } : {}) });
  return r.ok ? [] : [...r.problems];
};
const codesOf = (edit: Edit, opts?: Parameters<typeof problemsOf>[1]) => problemsOf(edit, opts).map((p) => `${p.field}:${p.code}`);

describe('validatePlan accepts a good plan', () => {
  it('and normalises it: trimmed texts, mobile in E.164, blank details dropped', () => {
    const r = validatePlan(
      withLeaver({
        displayName: '  Jean Dupont ',
        personalEmail: ' jean.dupont@gmail.com ',
        mobilePhone: '06 12 34 56 78',
        profileUrl: 'linkedin.com/in/jeandupont',
        nextRole: '   ',
      })(base()),
      { now: NOW, defaultCountry: 'FR' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.leaver.displayName).toBe('Jean Dupont');
    expect(r.plan.leaver.personalEmail).toBe('jean.dupont@gmail.com');
    expect(r.plan.leaver.mobilePhone).toBe('+33612345678');
    expect(r.plan.leaver.profileUrl).toBe('https://linkedin.com/in/jeandupont');
    expect('nextRole' in r.plan.leaver).toBe(false);
  });

  it('keeps what the user typed otherwise, markup included (escaping happens when rendering)', () => {
    const r = validatePlan(withLeaver({ nextCompany: 'Smith & <Sons>' })(base()), { now: NOW });
    expect(r.ok && r.plan.leaver.nextCompany).toBe('Smith & <Sons>');
  });

  it('drops blank agenda prompts and trims titles', () => {
    const r = validatePlan({
      ...base(),
      agenda: { lang: 'en', sections: [{ id: 's', title: ' Welcome ', purpose: '', weight: 1, prompts: [{ id: 'a', text: ' ' }, { id: 'b', text: 'Hi' }] }] },
    }, { now: NOW });
    expect(r.ok && r.plan.agenda.sections[0]).toMatchObject({ title: 'Welcome', prompts: [{ id: 'b', text: 'Hi' }] });
  });
});

describe('each rule has its own code, field and messages', () => {
  it('start in the past', () => {
    expect(codesOf(withConversation({ start: localDateTime('2026-11-25T10:30') }))).toEqual(['conversation.start:conversation.startInPast']);
    // 11:30 in Paris is 10:30 UTC: after now.
    expect(codesOf(withConversation({ start: localDateTime('2026-11-25T11:30') }))).toEqual([]);
  });

  it('start after the last working day, compared in the conversation’s zone', () => {
    expect(codesOf(withConversation({ start: localDateTime('2026-12-19T09:00') }))).toEqual(['conversation.start:conversation.startAfterLastDay']);
    // 23:30 on the last day in Paris is already the 19th in UTC, but still the last day there.
    expect(codesOf(withConversation({ start: localDateTime('2026-12-18T23:30') }))).toEqual([]);
    // 20:00 in New York on the 18th is the 19th in Paris: the zone that counts is New York's.
    expect(codesOf(withConversation({ start: localDateTime('2026-12-18T20:00'), timeZone: ianaTimeZone('America/New_York') }))).toEqual([]);
  });

  it('length out of range', () => {
    for (const d of [14, 241, 30.5]) {
      expect(codesOf(withConversation({ durationMinutes: d }))).toEqual(['conversation.durationMinutes:conversation.durationOutOfRange']);
    }
    expect(codesOf(withConversation({ durationMinutes: 15 }))).toEqual([]);
    expect(codesOf(withConversation({ durationMinutes: 240 }))).toEqual([]);
  });

  it('invalid time zone, invalid start', () => {
    expect(codesOf(withConversation({ timeZone: 'Europe/Atlantis' as IanaTimeZone }))).toEqual(['conversation.timeZone:conversation.timeZoneInvalid']);
    expect(codesOf(withConversation({ start: '2026-02-30T10:00:00' as never }))).toEqual(['conversation.start:conversation.startInvalid']);
  });

  it('invalid work or personal email', () => {
    expect(codesOf(withLeaver({ workEmail: 'jean.dupont@contoso' }))).toEqual(['leaver.workEmail:leaver.workEmailInvalid']);
    expect(codesOf(withLeaver({ personalEmail: 'jean dupont@gmail.com' }))).toEqual(['leaver.personalEmail:leaver.personalEmailInvalid']);
  });

  it('invalid mobile phone', () => {
    expect(codesOf(withLeaver({ mobilePhone: '+33 6 12' }))).toEqual(['leaver.mobilePhone:leaver.mobilePhoneInvalid']);
    // Without a country code and without a default country, a national number cannot be read.
    expect(codesOf(withLeaver({ mobilePhone: '06 12 34 56 78' }))).toEqual(['leaver.mobilePhone:leaver.mobilePhoneInvalid']);
    expect(codesOf(withLeaver({ mobilePhone: '07400 123456' }), { defaultCountry: 'GB' })).toEqual([]);
    // The field is the contact's mobile: a landline (Paris, London) is not one.
    expect(codesOf(withLeaver({ mobilePhone: '+33 1 42 68 53 00' }))).toEqual(['leaver.mobilePhone:leaver.mobilePhoneInvalid']);
    expect(codesOf(withLeaver({ mobilePhone: '+44 20 7946 0018' }))).toEqual(['leaver.mobilePhone:leaver.mobilePhoneInvalid']);
  });

  it('personal email equal to the work email, whatever the case', () => {
    expect(codesOf(withLeaver({ personalEmail: 'Jean.Dupont@CONTOSO.fr' }))).toEqual(['leaver.personalEmail:leaver.personalEmailSameAsWork']);
  });

  it('personal details without consent, one problem per detail given', () => {
    expect(codesOf(withLeaver({ consentToKeepContact: false }))).toEqual([
      'leaver.personalEmail:leaver.personalDetailsWithoutConsent',
      'leaver.mobilePhone:leaver.personalDetailsWithoutConsent',
      'leaver.profileUrl:leaver.personalDetailsWithoutConsent',
      'leaver.nextCompany:leaver.personalDetailsWithoutConsent',
      'leaver.nextRole:leaver.personalDetailsWithoutConsent',
    ]);
    const none = withLeaver({
      consentToKeepContact: false, personalEmail: ' ', mobilePhone: '', profileUrl: undefined, nextCompany: undefined, nextRole: undefined,
    });
    expect(codesOf(none)).toEqual([]);
  });

  it('empty display name', () => {
    expect(codesOf(withLeaver({ displayName: '   ' }))).toEqual(['leaver.displayName:leaver.displayNameEmpty']);
  });

  it('profile URL not http(s)', () => {
    for (const url of ['javascript:alert(1)', 'mailto:jean@x.fr', 'ftp://files.example.com', 'not a url', 'https://localhost']) {
      expect(codesOf(withLeaver({ profileUrl: url }))).toEqual(['leaver.profileUrl:leaver.profileUrlInvalid']);
    }
  });

  it('place missing when the place is not Teams', () => {
    expect(codesOf(withConversation({ place: { kind: 'place', location: '  ' } }))).toEqual(['conversation.place.location:conversation.placeMissing']);
    expect(codesOf(withConversation({ place: { kind: 'place', location: 'Café de la Gare' } }))).toEqual([]);
  });

  it('empty agenda', () => {
    expect(codesOf((p) => ({ ...p, agenda: { lang: 'fr', sections: [] } }))).toEqual(['agenda.sections:agenda.empty']);
    const blank = { id: 'x', title: ' ', purpose: '', weight: 1, prompts: [{ id: 'y', text: '  ' }] };
    expect(codesOf((p) => ({ ...p, agenda: { lang: 'fr', sections: [blank] } }))).toEqual(['agenda.sections:agenda.empty']);
    expect(codesOf((p) => ({ ...p, agenda: { ...agenda, sections: [...agenda.sections, blank] } }))).toEqual(['agenda.sections.2.title:agenda.sectionTitleEmpty']);
  });

  it('text over the sizes Graph accepts', () => {
    expect(codesOf(withLeaver({ displayName: 'J'.repeat(DISPLAY_NAME_MAX + 1) }))).toEqual(['leaver.displayName:text.tooLong']);
    expect(codesOf(withLeaver({ displayName: 'J'.repeat(DISPLAY_NAME_MAX) }))).toEqual([]);
    expect(codesOf(withConversation({ place: { kind: 'place', location: 'x'.repeat(LOCATION_MAX + 1) } }))).toEqual(['conversation.place.location:text.tooLong']);
    expect(codesOf(withLeaver({ nextCompany: 'x'.repeat(256) }))).toEqual(['leaver.nextCompany:text.tooLong']);
    const longTitle = { ...agenda.sections[0]!, title: 't'.repeat(256) };
    expect(codesOf((p) => ({ ...p, agenda: { ...agenda, sections: [longTitle] } }))).toEqual(['agenda.sections.0.title:text.tooLong']);
    const tooLong = problemsOf(withLeaver({ displayName: 'J'.repeat(DISPLAY_NAME_MAX + 5) }))[0]!;
    expect(tooLong.message.fr).toContain(`${DISPLAY_NAME_MAX} caractères au maximum`);
    expect(tooLong.message.en).toContain(`${DISPLAY_NAME_MAX} characters at most`);
    // The display name's limit leaves room for our words before it in a 255-character subject.
    expect(DISPLAY_NAME_MAX + 'Entretien de départ avec '.length).toBeLessThanOrEqual(EVENT_SUBJECT_MAX);
  });

  it('the rest: last day, agenda shape, prep reminder, manager address', () => {
    expect(codesOf(withLeaver({ lastWorkingDay: '2026-13-01' as never }))).toEqual(['leaver.lastWorkingDay:leaver.lastWorkingDayInvalid']);
    const section = agenda.sections[0]!;
    expect(codesOf((p) => ({ ...p, agenda: { ...agenda, sections: Array.from({ length: 21 }, (_, i) => ({ ...section, id: `s${i}` })) } })))
      .toEqual(['agenda.sections:agenda.tooManySections']);
    expect(codesOf((p) => ({ ...p, agenda: { ...agenda, sections: [{ ...section, weight: 0 }] } }))).toEqual(['agenda.sections.0.weight:agenda.weightInvalid']);
    const prompts = Array.from({ length: 13 }, (_, i) => ({ id: `p${i}`, text: `Question ${i}` }));
    expect(codesOf((p) => ({ ...p, agenda: { ...agenda, sections: [{ ...section, prompts }] } }))).toEqual(['agenda.sections.0.prompts:agenda.tooManyPrompts']);
    expect(codesOf((p) => ({ ...p, prepReminder: { minutesBefore: 30, durationMinutes: 0 } }))).toEqual(['prepReminder:prepReminder.invalid']);
    expect(codesOf((p) => ({ ...p, prepReminder: { minutesBefore: 30, durationMinutes: 15 } }))).toEqual([]);
    expect(codesOf((p) => ({ ...p, manager: { ...p.manager, email: 'claire' } }))).toEqual(['manager.email:manager.emailInvalid']);
    expect(codesOf((p) => ({ ...p, prepNotes: 'n'.repeat(20001) }))).toEqual(['prepNotes:text.tooLong']);
  });

  it('the cadence and working hours, only when reminders are wanted', () => {
    const badCadence: Edit = (p) => ({ ...p, cadence: { preset: 'custom', early: [3, 1] } });
    expect(codesOf(badCadence)).toEqual(['cadence.early.1:cadence.notIncreasing']);
    expect(codesOf((p) => ({ ...badCadence(p), reconnect: false }))).toEqual([]);
    const noDays: Edit = (p) => ({ ...p, manager: { ...p.manager, workingHours: { ...DEFAULT_WORKING_HOURS, daysOfWeek: [] } } });
    expect(codesOf(noDays)).toEqual(['manager.workingHours.daysOfWeek:workingHours.daysInvalid']);
  });
});

describe('every problem at once', () => {
  it('returns all the problems of a plan with many, each in natural French and English', () => {
    const problems = problemsOf((p) => ({
      ...withLeaver({ displayName: '', workEmail: 'nope', personalEmail: 'NOPE', mobilePhone: '12', consentToKeepContact: true, profileUrl: 'javascript:x' })(p),
      conversation: { start: localDateTime('2020-01-01T10:00'), durationMinutes: 5, timeZone: ianaTimeZone('Europe/Paris'), place: { kind: 'place', location: '' } },
      agenda: { lang: 'fr', sections: [] },
    }));
    expect(problems.map((p) => p.code)).toEqual([
      'leaver.displayNameEmpty',
      'leaver.workEmailInvalid',
      'leaver.personalEmailInvalid',
      'leaver.mobilePhoneInvalid',
      'leaver.profileUrlInvalid',
      'conversation.startInPast',
      'conversation.durationOutOfRange',
      'conversation.placeMissing',
      'agenda.empty',
    ]);
    for (const p of problems) {
      expect(p.message.fr.length).toBeGreaterThan(10);
      expect(p.message.en.length).toBeGreaterThan(10);
      expect(p.message.fr).not.toEqual(p.message.en);
      expect(p.message.en).toMatch(/[.!?]$/);
      expect(p.message.fr).toMatch(/[.!?]$/);
    }
  });
});

describe('helpers', () => {
  it('isEmail accepts real-looking addresses and refuses typos', () => {
    for (const ok of ['a@b.fr', 'jean.dupont+rh@contoso.co.uk', 'élodie@exemple.fr', 'x@sous-domaine.exemple.com']) expect(isEmail(ok)).toBe(true);
    for (const bad of ['', 'a@b', '@b.fr', 'a@@b.fr', 'a b@c.fr', '.a@b.fr', 'a..b@c.fr', 'a@-b.fr', 'a@b.f', `${'a'.repeat(65)}@b.fr`]) expect(isEmail(bad)).toBe(false);
  });

  it('normaliseProfileUrl gives https to a bare address and refuses other schemes', () => {
    expect(normaliseProfileUrl('www.linkedin.com/in/x')).toBe('https://www.linkedin.com/in/x');
    expect(normaliseProfileUrl('http://example.com/me')).toBe('http://example.com/me');
    expect(normaliseProfileUrl('JavaScript:alert(1)')).toBeUndefined();
    expect(normaliseProfileUrl('data:text/html,hi')).toBeUndefined();
  });
});
