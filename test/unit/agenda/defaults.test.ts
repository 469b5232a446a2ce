import { DEFAULT_WEIGHTS, SECTION_IDS, defaultAgenda } from '../../../src/domain/agenda';
import { renderTouchpoint, touchpointPrompts } from '../../../src/domain/texts';
import type { Lang } from '../../../src/domain/types';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const LANGS: Lang[] = ['fr', 'en'];

describe('defaultAgenda', () => {
  it.each(LANGS)('%s: has the seven sections of the article, in order, with stable ids', (lang) => {
    const agenda = defaultAgenda(lang);
    expect(agenda.lang).toBe(lang);
    expect(agenda.sections.map((s) => s.id)).toEqual([
      'welcome',
      'lookBack',
      'qualities',
      'theirPlans',
      'ourPlans',
      'stayInTouch',
      'nextSteps',
    ]);
    expect(SECTION_IDS).toEqual(agenda.sections.map((s) => s.id));
  });

  it.each(LANGS)('%s: every section has a title, a purpose, 2 to 4 prompts and a positive whole weight', (lang) => {
    for (const s of defaultAgenda(lang).sections) {
      expect(s.title.trim().length).toBeGreaterThan(3);
      expect(s.purpose.trim().length).toBeGreaterThan(40);
      expect(s.prompts.length).toBeGreaterThanOrEqual(2);
      expect(s.prompts.length).toBeLessThanOrEqual(4);
      for (const p of s.prompts) expect(p.text.trim().length).toBeGreaterThan(10);
      expect(Number.isInteger(s.weight) && s.weight > 0).toBe(true);
      expect(s.weight).toBe(DEFAULT_WEIGHTS[s.id as keyof typeof DEFAULT_WEIGHTS]);
    }
  });

  it('uses ids unique across the whole agenda for prompts', () => {
    for (const lang of LANGS) {
      const ids = defaultAgenda(lang).sections.flatMap((s) => s.prompts.map((p) => p.id));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('gives the same weights in both languages, so timings match whatever the language', () => {
    expect(defaultAgenda('fr').sections.map((s) => s.weight)).toEqual(defaultAgenda('en').sections.map((s) => s.weight));
  });

  it('is two texts, not one: no French title, purpose or prompt equals its English counterpart', () => {
    const fr = defaultAgenda('fr').sections.flatMap((s) => [s.title, s.purpose, ...s.prompts.map((p) => p.text)]);
    const en = new Set(defaultAgenda('en').sections.flatMap((s) => [s.title, s.purpose, ...s.prompts.map((p) => p.text)]));
    for (const t of fr) expect(en.has(t)).toBe(false);
  });

  it('French follows French typography: no-break space before ? ! : ; and typographic apostrophes', () => {
    const all = defaultAgenda('fr').sections.flatMap((s) => [s.title, s.purpose, ...s.prompts.map((p) => p.text)]);
    for (const t of all) {
      expect(t).not.toMatch(/ [?!:;]/);
      expect(t).not.toMatch(/[^\s\u00a0][?!:;]/);
      expect(t).not.toContain("'");
    }
  });

  it('speaks to each topic of the article, in each language', () => {
    const text = (lang: Lang, id: string) => {
      const s = defaultAgenda(lang).sections.find((x) => x.id === id)!;
      return [s.title, s.purpose, ...s.prompts.map((p) => p.text)].join(' ').toLowerCase();
    };
    expect(text('fr', 'qualities')).toMatch(/qualités/);
    expect(text('en', 'qualities')).toMatch(/strengths|qualities/);
    expect(text('fr', 'stayInTouch')).toMatch(/déjeuner/);
    expect(text('en', 'stayInTouch')).toMatch(/lunch/);
    expect(text('fr', 'stayInTouch')).toMatch(/coordonnées/);
    expect(text('en', 'stayInTouch')).toMatch(/details/);
    expect(text('fr', 'nextSteps')).toMatch(/recommandation|mise en relation/);
    expect(text('en', 'nextSteps')).toMatch(/introduction|reference/);
    expect(text('fr', 'ourPlans')).toMatch(/client|partenaire/);
    expect(text('en', 'ourPlans')).toMatch(/client|partner/);
  });

  it('copies no sentence of the source article (no run of 6 words in common), in the agenda or the reminders', () => {
    // The article is in ../shared beside the repo on every developer's machine and in CI; a missing
    // file fails the test rather than letting it pass without checking anything.
    const article = readFileSync(path.resolve(__dirname, '../../../../shared/source-article/entretien-de-depart.fr.txt'), 'utf8');
    const words = (s: string) => s.toLowerCase().replace(/[’']/g, ' ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const grams = (ws: string[], n: number) => new Set(ws.slice(0, Math.max(ws.length - n + 1, 0)).map((_, i) => ws.slice(i, i + n).join(' ')));
    const fromArticle = grams(words(article), 6);
    const ours: string[] = [];
    for (const lang of LANGS) {
      for (const s of defaultAgenda(lang).sections) ours.push(s.title, s.purpose, ...s.prompts.map((p) => p.text));
      for (const kind of ['call', 'email', 'lunch'] as const) {
        // The whole reminder (its fixed wording) and every prompt it can carry.
        ours.push(renderTouchpoint({ lang, kind, leaver: { displayName: 'Jean Dupont' }, promptIndex: 0 }).text);
        ours.push(...touchpointPrompts(lang, kind));
      }
    }
    expect(ours.length).toBeGreaterThan(40);
    for (const t of ours) {
      for (const g of grams(words(t), 6)) expect(fromArticle.has(g) ? `${g} (in "${t}")` : null).toBeNull();
    }
  });

  it('returns a fresh object each time, so one edit never leaks into the next plan', () => {
    expect(defaultAgenda('fr')).not.toBe(defaultAgenda('fr'));
    expect(defaultAgenda('fr')).toEqual(defaultAgenda('fr'));
  });
});
