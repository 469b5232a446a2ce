import fc from 'fast-check';
import {
  addSection,
  defaultAgenda,
  editPrompt,
  inviteSubject,
  renameSection,
  renderInviteHtml,
  renderInviteText,
  setSectionPurpose,
  timeAgenda,
} from '../../../src/domain/agenda';
import type { Agenda } from '../../../src/domain/agenda';
import type { Lang } from '../../../src/domain/types';
import { OWN_TAG, decodeEntities, expectInert, stripOwnMarkup, userString, visible } from '../texts/inert';
import { runs } from '../support/fast-check';

const LANGS: Lang[] = ['fr', 'en'];
const input = (lang: Lang, over: Partial<{ agenda: Agenda; durationMinutes: number; leaverName: string; managerName: string }> = {}) => ({
  agenda: defaultAgenda(lang),
  durationMinutes: 45,
  leaverName: 'Jean Dupont',
  managerName: 'Claire Martin',
  ...over,
});

describe('renderInviteHtml', () => {
  it.each(LANGS)('%s: one root <div>, inline styles only, only simple tags', (lang) => {
    const html = renderInviteHtml(input(lang));
    expect(html).toMatch(new RegExp(`^<div lang="${lang}" style="[^"]+">`));
    expect(html.endsWith('</div>')).toBe(true);
    // The root closes only at the very end.
    const depth = [...html.matchAll(/<(\/?)div\b/g)].reduce((d, m, i, all) => {
      const next = d + (m[1] ? -1 : 1);
      if (i < all.length - 1) expect(next).toBeGreaterThan(0);
      return next;
    }, 0);
    expect(depth).toBe(0);
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase()));
    for (const t of tags) expect(['div', 'p', 'h2', 'h3', 'ul', 'li', 'em', 'strong', 'br', 'a', 'table', 'tr', 'td']).toContain(t);
    expect(html).not.toMatch(/class=|<style|<script|<img|<link|url\(|@import|@font-face|https?:/i);
    // Every tag is the renderer's own: nothing is left once they are stripped.
    expect(stripOwnMarkup(html)).not.toMatch(/[<>]/);
    expect(html.match(OWN_TAG)!.length).toBeGreaterThan(20);
    // Font names with spaces are quoted, or the whole declaration is dropped and mail falls back to serif.
    const fonts = /font-family:([^;"]+)/.exec(html)![1]!.split(',');
    for (const f of fonts) expect(f).toMatch(/^('[^']+'|[a-z-]+)$/i);
  });

  it.each(LANGS)('%s: greets the leaver, signs with the manager, and shows every section with minutes, purpose and prompts', (lang) => {
    const html = renderInviteHtml(input(lang));
    // Collapse only ordinary spaces: the no-break spaces of French typography are part of the text.
    const text = decodeEntities(stripOwnMarkup(html)).replace(/[ \n]+/g, ' ');
    expect(text).toContain('Jean Dupont');
    expect(text).toContain('Claire Martin');
    expect(text).toContain('45\u00a0minutes');
    const timed = timeAgenda(defaultAgenda(lang), 45);
    timed.sections.forEach((s, i) => {
      expect(text).toContain(`${i + 1}. ${s.title} · ${s.minutes}\u00a0min`);
      expect(text).toContain(s.purpose);
      for (const p of s.prompts) expect(text).toContain(p.text);
    });
    // The order of sections is the agenda's.
    const positions = timed.sections.map((s) => text.indexOf(s.title));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('follows edits: renamed, removed, reordered and added sections show as edited', () => {
    let agenda = renameSection(defaultAgenda('en'), 'welcome', 'Coffee first');
    agenda = addSection(agenda, { title: 'Handover', prompts: ['Open files'] }, 'welcome');
    const text = renderInviteText(input('en', { agenda, durationMinutes: 60 }));
    expect(text).toContain('1. Coffee first');
    expect(text).toContain('2. Handover');
    expect(text).toContain('   - Open files');
    expect(text).not.toContain('Settling in');
  });

  it('keeps a line break typed in a prompt, as <br>', () => {
    const agenda = editPrompt(defaultAgenda('en'), 'welcome', 'welcome-1', 'line one\nline two');
    expect(renderInviteHtml(input('en', { agenda }))).toContain('line one<br>line two');
  });

  it('shows sections that got no minute without a timing (meeting shorter than the agenda)', () => {
    const text = renderInviteText(input('en', { durationMinutes: 5 }));
    expect(text).toMatch(/^\d\. [^·\n]+$/m);
    expect(text).not.toContain('0\u00a0min');
  });

  it('never shows private prep notes: they are not even part of its input', () => {
    const withNotes = { ...input('fr'), prepNotes: 'SECRET: négociation salariale' } as Parameters<typeof renderInviteHtml>[0];
    expect(renderInviteHtml(withNotes)).not.toContain('SECRET');
    expect(renderInviteText(withNotes)).not.toContain('SECRET');
  });

  it('still greets when there is no name, and does not sign with an empty one', () => {
    const text = renderInviteText(input('fr', { leaverName: '  ', managerName: '' }));
    expect(text.startsWith('Bonjour,\n')).toBe(true);
    expect(text.trimEnd().endsWith('À très bientôt,')).toBe(true);
  });

  it('keeps a right-to-left name isolated so the sentence punctuation stays in place', () => {
    const html = renderInviteHtml(input('fr', { leaverName: 'ليلى' }));
    expect(html).toContain('Bonjour \u2068ليلى\u2069,');
    expect(renderInviteHtml(input('fr'))).not.toMatch(/[\u2068\u2069]/);
  });

  it('property: any string in any user field renders inert, and is shown', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Lang>('fr', 'en'),
        fc.record({ leaver: userString(), manager: userString(), title: userString(), purpose: userString(), prompt: userString(), extra: userString() }),
        (lang, u) => {
          let agenda = renameSection(defaultAgenda(lang), 'qualities', u.title);
          agenda = setSectionPurpose(agenda, 'qualities', u.purpose);
          agenda = editPrompt(agenda, 'lookBack', 'lookBack-2', u.prompt);
          agenda = addSection(agenda, { title: u.extra, purpose: u.extra, prompts: [u.extra] }, 'welcome');
          const html = renderInviteHtml({ agenda, durationMinutes: 60, leaverName: u.leaver, managerName: u.manager });
          expectInert(html, [u.leaver, u.manager, u.title, u.purpose, u.prompt, u.extra]);
          const text = renderInviteText({ agenda, durationMinutes: 60, leaverName: u.leaver, managerName: u.manager });
          for (const s of [u.leaver, u.manager, u.title, u.purpose, u.prompt, u.extra]) expect(visible(text)).toContain(visible(s));
        },
      ),
      { numRuns: runs(200) },
    );
  });
});

describe('renderInviteText', () => {
  it.each(LANGS)('%s: lists every section, its minutes summing to the length', (lang) => {
    const text = renderInviteText(input(lang, { durationMinutes: 30 }));
    const minutes = [...text.matchAll(/^\d+\. .* · (\d+)\u00a0min$/gm)].map((m) => Number(m[1]));
    expect(minutes).toHaveLength(7);
    expect(minutes.reduce((a, b) => a + b, 0)).toBe(30);
    expect(text).toContain('30\u00a0minutes');
    expect(text).not.toMatch(/<[a-z]/i);
  });
});

describe('inviteSubject', () => {
  it('names the leaver in the agenda language', () => {
    expect(inviteSubject('fr', 'Jean Dupont')).toBe('Entretien de départ avec Jean Dupont');
    expect(inviteSubject('en', 'Jean Dupont')).toBe('Exit conversation with Jean Dupont');
    expect(inviteSubject('en', '   ')).toBe('Exit conversation');
  });

  it('is one line of plain text', () => {
    expect(inviteSubject('en', 'Jean\r\nDupont\t<b>')).toBe('Exit conversation with Jean Dupont <b>');
  });

  it('property: at most 255 characters, the fixed words kept, no broken emoji', () => {
    fc.assert(
      fc.property(fc.constantFrom<Lang>('fr', 'en'), fc.string({ unit: 'grapheme', minLength: 0, maxLength: 400 }), (lang, name) => {
        const s = inviteSubject(lang, name);
        expect(s.length).toBeLessThanOrEqual(255);
        expect(s.startsWith(lang === 'fr' ? 'Entretien de départ' : 'Exit conversation')).toBe(true);
        expect(s).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        expect(s).not.toMatch(/[\r\n]/);
      }),
      { numRuns: runs(300) },
    );
    const long = inviteSubject('fr', `${'Émilie '.repeat(60)}👩🏽‍💻`);
    expect(long).toHaveLength(long.length <= 255 ? long.length : -1);
    expect(long.endsWith('…')).toBe(true);
  });
});
