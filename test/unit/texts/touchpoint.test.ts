import fc from 'fast-check';
import { renderTouchpoint, touchpointPrompts } from '../../../src/domain/texts';
import type { TouchpointKind } from '../../../src/domain/cadence/model';
import type { Lang } from '../../../src/domain/types';
import { decodeEntities, expectInert, hrefs, stripOwnMarkup, userString, visible } from './inert';
import { runs } from '../support/fast-check';

const KINDS: TouchpointKind[] = ['call', 'email', 'lunch'];
const LANGS: Lang[] = ['fr', 'en'];
const jean = {
  displayName: 'Jean Dupont',
  personalEmail: 'jean.dupont@example.org',
  mobilePhone: '+33 6 12 34 56 78',
  profileUrl: 'https://www.linkedin.com/in/jean-dupont',
  nextCompany: 'Contoso',
  nextRole: 'Directeur commercial',
};
const shown = (html: string) => visible(decodeEntities(stripOwnMarkup(html)));

describe('renderTouchpoint', () => {
  it.each(LANGS.flatMap((l) => KINDS.map((k) => [l, k] as const)))('%s %s: says who, where they are now, how to reach them, and what to talk about', (lang, kind) => {
    const r = renderTouchpoint({ lang, kind, leaver: jean, promptIndex: 0 });
    expect(r.subject).toContain('Jean Dupont');
    const text = shown(r.html);
    expect(text).toContain('Jean Dupont');
    expect(text).toContain('Contoso');
    expect(text).toContain('Directeur commercial');
    expect(text).toContain(visible(touchpointPrompts(lang, kind)[0]!));
    expect(hrefs(r.html)).toEqual(['mailto:jean.dupont@example.org', 'tel:+33612345678', 'https://www.linkedin.com/in/jean-dupont']);
    expect(r.text).toContain('jean.dupont@example.org');
    expect(r.text).toContain('+33 6 12 34 56 78');
    expect(r.text).toContain(touchpointPrompts(lang, kind)[0]!);
  });

  it('has a different subject for each kind, in each language', () => {
    for (const lang of LANGS) {
      const subjects = KINDS.map((kind) => renderTouchpoint({ lang, kind, leaver: jean, promptIndex: 0 }).subject);
      expect(new Set(subjects).size).toBe(3);
    }
    expect(renderTouchpoint({ lang: 'en', kind: 'lunch', leaver: jean, promptIndex: 0 }).subject).toMatch(/lunch/i);
    expect(renderTouchpoint({ lang: 'fr', kind: 'lunch', leaver: jean, promptIndex: 0 }).subject).toMatch(/déjeuner/);
    expect(renderTouchpoint({ lang: 'fr', kind: 'call', leaver: jean, promptIndex: 0 }).subject).toMatch(/Appeler/);
  });

  it('offers several ideas per kind and language, all different, chosen by promptIndex modulo their count', () => {
    for (const lang of LANGS) {
      for (const kind of KINDS) {
        const ideas = touchpointPrompts(lang, kind);
        expect(ideas.length).toBeGreaterThanOrEqual(3);
        expect(new Set(ideas).size).toBe(ideas.length);
        const at = (i: number) => renderTouchpoint({ lang, kind, leaver: jean, promptIndex: i }).text;
        ideas.forEach((idea, i) => {
          expect(at(i)).toContain(idea);
          expect(at(i + ideas.length)).toContain(idea);
          expect(at(i - ideas.length)).toContain(idea);
        });
        expect(at(Number.NaN)).toContain(ideas[0]);
        expect(at(1.7)).toContain(ideas[1]);
      }
    }
  });

  it('writes ideas about news, good turns both ways, and lunch, not translated word for word', () => {
    const all = (lang: Lang) => KINDS.flatMap((k) => touchpointPrompts(lang, k)).join(' ').toLowerCase();
    expect(all('fr')).toMatch(/nouvelles/);
    expect(all('fr')).toMatch(/recommandation|présenter|mise en relation/);
    expect(all('en')).toMatch(/news/);
    expect(all('en')).toMatch(/introduc|reference/);
    const en = new Set(KINDS.flatMap((k) => touchpointPrompts('en', k)));
    for (const t of KINDS.flatMap((k) => touchpointPrompts('fr', k))) expect(en.has(t)).toBe(false);
  });

  it('says nothing about a date or an occurrence, so one text serves a single event and a series', () => {
    const r = renderTouchpoint({ lang: 'en', kind: 'call', leaver: jean, promptIndex: 2 });
    expect(r.text).not.toMatch(/\b(19|20)\d\d\b|\bfirst\b|\blast\b|\bnext\b/i);
  });

  it('links only what can safely be a link', () => {
    const r = renderTouchpoint({
      lang: 'en',
      kind: 'email',
      leaver: { displayName: 'X', personalEmail: 'not an email', mobilePhone: 'n/a', profileUrl: 'javascript:alert(1)' },
      promptIndex: 0,
    });
    expect(hrefs(r.html)).toEqual([]);
    // Still shown as text, so the manager sees what was typed.
    expect(shown(r.html)).toContain('javascript:alert(1)');
    const data = renderTouchpoint({ lang: 'en', kind: 'email', leaver: { displayName: 'X', profileUrl: 'data:text/html,<script>' }, promptIndex: 0 });
    expect(hrefs(data.html)).toEqual([]);
    const http = renderTouchpoint({ lang: 'en', kind: 'email', leaver: { displayName: 'X', profileUrl: 'http://example.org/a b?x="1"' }, promptIndex: 0 });
    expect(hrefs(http.html)).toEqual(['http://example.org/a%20b?x=%221%22']);
  });

  it('percent-encodes a mailto so a crafted address cannot add headers or leave the attribute', () => {
    const r = renderTouchpoint({ lang: 'en', kind: 'email', leaver: { displayName: 'X', personalEmail: "o'hara?cc=boss@corp.example&body=hi#x" }, promptIndex: 0 });
    expect(hrefs(r.html)).toEqual(["mailto:o'hara%3Fcc%3Dboss@corp.example%26body%3Dhi%23x"]);
    // The quote is escaped inside the attribute.
    expect(r.html).toContain('href="mailto:o&#39;hara%3Fcc');
    // Quotes and brackets are no part of an address: shown as text, not linked.
    const odd = renderTouchpoint({ lang: 'en', kind: 'email', leaver: { displayName: 'X', personalEmail: 'a"b@c.d<e>' }, promptIndex: 0 });
    expect(hrefs(odd.html)).toEqual([]);
    expect(shown(odd.html)).toContain('a"b@c.d<e>');
  });

  it('leaves user text exactly as typed: French typography applies to our words only', () => {
    const r = renderTouchpoint({ lang: 'fr', kind: 'email', leaver: { displayName: 'Jean ?', nextRole: 'DG ; CEO', nextCompany: '{{role}} SA' }, promptIndex: 0 });
    expect(r.text).toContain('Un petit message à Jean ? pour garder le lien\u00a0?');
    expect(r.text).toContain('Aujourd’hui\u00a0: DG ; CEO chez {{role}} SA.');
  });

  it('says where they went with whatever is known', () => {
    const at = (leaver: { nextRole?: string; nextCompany?: string }, lang: Lang = 'en') =>
      renderTouchpoint({ lang, kind: 'call', leaver: { displayName: 'Jean', ...leaver }, promptIndex: 0 }).text;
    expect(at({ nextRole: 'CFO' })).toContain('Now CFO.');
    expect(at({ nextCompany: 'Contoso' })).toContain('Now at Contoso.');
    expect(at({ nextCompany: 'Contoso' }, 'fr')).toContain('Aujourd’hui chez Contoso.');
    expect(at({})).not.toMatch(/^Now/m);
  });

  it('says where to look when no personal detail was saved', () => {
    const fr = renderTouchpoint({ lang: 'fr', kind: 'call', leaver: { displayName: 'Jean' }, promptIndex: 0 });
    expect(fr.text).toContain('Aucune coordonnée personnelle');
    expect(hrefs(fr.html)).toEqual([]);
    const en = renderTouchpoint({ lang: 'en', kind: 'call', leaver: { displayName: '' }, promptIndex: 0 });
    expect(en.subject).toBe('Give your former colleague a call to catch up');
  });

  it('property: any string in any field renders inert; links are only mailto, tel digits or http(s)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Lang>('fr', 'en'),
        fc.constantFrom<TouchpointKind>('call', 'email', 'lunch'),
        fc.record({
          displayName: userString(),
          personalEmail: fc.oneof(userString(), fc.emailAddress()),
          mobilePhone: userString(),
          profileUrl: fc.oneof(userString(), fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'https://x.example/"><script>')),
          nextCompany: userString(),
          nextRole: userString(),
        }),
        fc.integer(),
        (lang, kind, leaver, promptIndex) => {
          const r = renderTouchpoint({ lang, kind, leaver, promptIndex });
          expectInert(r.html, Object.values(leaver));
          for (const h of hrefs(r.html)) expect(h).toMatch(/^(mailto:[^\s<>"]+|tel:\+?\d+|https?:\/\/[^\s<>"]+)$/);
          for (const s of Object.values(leaver)) expect(visible(r.text)).toContain(visible(s));
          expect(r.subject.length).toBeLessThanOrEqual(255);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
