import fc from 'fast-check';
import { defaultAgenda, renderInviteHtml, renderInviteText, renameSection, timeAgenda } from '../../../src/domain/agenda';
import { renderPrepReminder } from '../../../src/domain/texts';
import type { Lang } from '../../../src/domain/types';
import { decodeEntities, expectInert, stripOwnMarkup, userString, visible } from './inert';
import { runs } from '../support/fast-check';

const NOTES = 'Remercier pour le projet Atlas.\nNe pas parler de la réorganisation.';
const prep = (lang: Lang, over: Partial<Parameters<typeof renderPrepReminder>[0]> = {}) =>
  renderPrepReminder({ lang, leaverName: 'Jean Dupont', prepNotes: NOTES, agenda: defaultAgenda(lang), durationMinutes: 45, ...over });

describe('renderPrepReminder', () => {
  it('carries the private notes, line breaks kept', () => {
    const r = prep('fr');
    expect(r.html).toContain('Remercier pour le projet Atlas.<br>Ne pas parler de la réorganisation.');
    expect(r.text).toContain(NOTES);
  });

  it('keeps the prep notes out of the invite for the same plan', () => {
    const agenda = defaultAgenda('fr');
    const r = prep('fr', { agenda });
    expect(r.text).toContain('réorganisation');
    const invite = { agenda, durationMinutes: 45, leaverName: 'Jean Dupont', managerName: 'Claire Martin' };
    expect(renderInviteHtml(invite)).not.toContain('réorganisation');
    expect(renderInviteText(invite)).not.toContain('réorganisation');
  });

  it.each<Lang>(['fr', 'en'])('%s: names the leaver in the subject, says it is private, and lists the agenda with minutes', (lang) => {
    const r = prep(lang);
    expect(r.subject).toBe(lang === 'fr' ? 'Préparer l’entretien de départ avec Jean Dupont' : 'Prepare your exit conversation with Jean Dupont');
    expect(r.text).toMatch(lang === 'fr' ? /Personne d’autre n’est invité/ : /No one else is invited/);
    for (const s of timeAgenda(defaultAgenda(lang), 45).sections) {
      expect(r.text).toContain(`${s.title} · ${s.minutes}\u00a0min`);
      expect(visible(decodeEntities(stripOwnMarkup(r.html)))).toContain(visible(s.title));
    }
    expect(r.text).toContain('45\u00a0minutes');
  });

  it('leaves user text exactly as typed: French typography applies to our words only', () => {
    const r = prep('fr', { leaverName: 'Jean ?', prepNotes: 'Note : à voir !' });
    expect(r.text).toContain('avec Jean ? (45\u00a0minutes)');
    expect(r.text).toContain('Note : à voir !');
    expect(r.text).toContain('Personne d’autre n’est invité\u00a0:');
    expect(prep('fr', { leaverName: '' }).text).toMatch(/^Quelques minutes pour préparer votre entretien de départ \(45\u00a0minutes\)/);
  });

  it('says so when there are no notes yet', () => {
    expect(prep('en', { prepNotes: '  \n ' }).text).toContain('No notes for this conversation yet.');
    expect(prep('fr', { prepNotes: '' }).html).toContain('Pas encore de notes');
  });

  it('writes its own words in `lang` even when the agenda is in the other language', () => {
    const r = prep('en', { agenda: defaultAgenda('fr') });
    expect(r.text).toContain('Your notes');
    expect(r.text).toContain('Prendre le temps de se poser');
  });

  it('property: notes, names and edited titles render inert and in full', () => {
    fc.assert(
      fc.property(fc.constantFrom<Lang>('fr', 'en'), userString(), userString(), userString(), (lang, name, notes, title) => {
        const agenda = renameSection(defaultAgenda(lang), 'welcome', title);
        const r = renderPrepReminder({ lang, leaverName: name, prepNotes: notes, agenda, durationMinutes: 30 });
        expectInert(r.html, [name, notes, title]);
        for (const s of [name, notes, title]) expect(visible(r.text)).toContain(visible(s));
        expect(r.subject.length).toBeLessThanOrEqual(255);
        expect(r.subject).not.toMatch(/[\r\n]/);
      }),
      { numRuns: runs(200) },
    );
  });
});
