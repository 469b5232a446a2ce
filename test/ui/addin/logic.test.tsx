/**
 * The task pane's pure logic: how the agenda goes into a body Outlook may have rewritten, and how
 * the pane decides who and what it is looking at.
 */
import { buildAddinPlan, findAlumnusForItem, leaverCandidates, lengthFromItem, themeFromBackground } from '../../../src/apps/addin/plan';
import { hasTeamsBlock, mergeAgendaIntoBody, stripAgenda, wrapAgenda } from '../../../src/hosts/office';
import { DEFAULT_WORKING_HOURS, ianaTimeZone, isoDate, planId } from '../../../src/domain/types';
import { TEAMS_BLOCK } from './outlook-mock';
import { claire, sarahAlumna } from '../../fixtures';

describe('the agenda in the meeting body', () => {
  it('replaces an agenda whose comments Outlook dropped, found by its data attribute, nested divs and all', () => {
    const first = mergeAgendaIntoBody('<p>Note</p>', '<div lang="en"><div><p>Old agenda</p></div></div>').html;
    const withoutComments = first.replace(/<!--[\s\S]*?-->/g, '');
    const second = mergeAgendaIntoBody(withoutComments, '<div>New agenda</div>');
    expect(second.replacedPrevious).toBe(true);
    expect(second.html).not.toContain('Old agenda');
    expect(second.html).toBe(`${wrapAgenda('<div>New agenda</div>')}<p>Note</p>`);
  });

  it('keeps the rest of a truncated body rather than swallowing it', () => {
    const broken = '<div data-au-revoir="agenda"><div>half an agenda<p>the user text</p>';
    expect(stripAgenda(broken)).toBe(broken);
  });

  it('puts the agenda inside <body>, never before <html>', () => {
    const merged = mergeAgendaIntoBody('<html><head><style>p{}</style></head><body dir="ltr"><p>x</p></body></html>', 'A');
    expect(merged.html).toBe(`<html><head><style>p{}</style></head><body dir="ltr">${wrapAgenda('A')}<p>x</p></body></html>`);
  });

  it('recognises the Teams block by its join link, in any language', () => {
    expect(hasTeamsBlock(TEAMS_BLOCK)).toBe(true);
    expect(hasTeamsBlock('<a href="https://teams.microsoft.com/meet/2345?p=abc">Join</a>')).toBe(true);
    expect(hasTeamsBlock('<p>We will talk about Microsoft Teams</p>')).toBe(false);
  });
});

describe('who and what the pane is looking at', () => {
  it('offers everyone on the meeting but the organiser, once each', () => {
    expect(
      leaverCandidates(
        [
          { email: 'claire.martin@contoso.example', displayName: 'Claire Martin' },
          { email: 'Sarah.Johnson@contoso.example', displayName: 'Sarah Johnson' },
          { email: 'sarah.johnson@contoso.example', displayName: 'Sarah J.' },
        ],
        'claire.martin@contoso.example',
      ),
    ).toEqual([{ displayName: 'Sarah Johnson', email: 'Sarah.Johnson@contoso.example' }]);
  });

  it('takes the length from the meeting (the language: test/unit/facts/lang.test.ts)', () => {
    expect(lengthFromItem(new Date('2026-12-01T10:00:00Z'), new Date('2026-12-01T11:00:00Z'))).toBe(60);
    expect(lengthFromItem(new Date('2026-12-01T10:00:00Z'), new Date('2026-12-01T10:25:00Z'))).toBe(30);
    expect(lengthFromItem(undefined, undefined)).toBe(45);
    // The template offers the tab's lengths: a meeting an hour and a half long stays so (it read 60 before).
    expect(lengthFromItem(new Date('2026-12-01T10:00:00Z'), new Date('2026-12-01T11:30:00Z'))).toBe(90);
    expect(lengthFromItem(new Date('2026-12-01T10:00:00Z'), new Date('2026-12-01T12:00:00Z'))).toBe(90);
  });

  it('follows Outlook’s dark theme', () => {
    expect(themeFromBackground('#1F1F1F')).toBe('dark');
    expect(themeFromBackground('#ffffff')).toBe('default');
    expect(themeFromBackground(undefined)).toBeUndefined();
  });

  it('finds the reminder by id, else by name, but never takes the exit-conversation invite for a reminder', () => {
    const shorter = { ...sarahAlumna, planId: planId('p2'), displayName: 'Sarah John', nextTouchpoint: undefined } as typeof sarahAlumna;
    expect(findAlumnusForItem([sarahAlumna], { restId: 'rest:v2.0:EWS-reminder-1', subject: 'anything' })).toBe(sarahAlumna);
    expect(findAlumnusForItem([shorter, sarahAlumna], { subject: 'Drop Sarah Johnson a line' })).toBe(sarahAlumna);
    expect(findAlumnusForItem([sarahAlumna], { subject: 'Exit conversation with Sarah Johnson' })).toBeUndefined();
    expect(findAlumnusForItem([sarahAlumna], { subject: 'Entretien de départ avec Sarah Johnson' })).toBeUndefined();
    expect(findAlumnusForItem([sarahAlumna], { subject: '' })).toBeUndefined();
  });

  it('keeps personal details out of the plan without the leaver’s consent', () => {
    const plan = buildAddinPlan({
      id: planId('p'),
      manager: claire,
      settings: { timeZone: ianaTimeZone('America/New_York'), workingHours: DEFAULT_WORKING_HOURS },
      leaver: { displayName: ' Léa Dubois ', email: 'lea.dubois@contoso.example' },
      lastWorkingDay: isoDate('2026-12-18'),
      start: new Date('2026-12-03T15:00:00Z'),
      durationMinutes: 30,
      agendaLang: 'fr',
      preset: 'yearly',
      personalEmail: 'lea@example.org',
      mobilePhone: '+33 6 00 00 00 00',
      consent: false,
      conversationSource: 'outlookItem',
    });
    expect(plan.leaver).toEqual({ displayName: 'Léa Dubois', workEmail: 'lea.dubois@contoso.example', lastWorkingDay: '2026-12-18', consentToKeepContact: false });
    // 15:00Z is 10:00 in New York, the manager's zone.
    expect(plan.conversation).toEqual({ start: '2026-12-03T10:00:00', durationMinutes: 30, timeZone: 'America/New_York', place: { kind: 'teams' } });
    expect(plan.agenda.lang).toBe('fr');
    expect(plan.cadence.preset).toBe('yearly');
  });
});
