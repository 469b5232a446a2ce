import { ABOUT } from '../../../src/domain/about';
import { ABOUT as reexported } from '../../../src/domain/texts';

describe('ABOUT', () => {
  it.each(['fr', 'en'] as const)('%s: says what Au revoir is in a few sentences and credits the column by title and author', (lang) => {
    const about = ABOUT[lang];
    expect(about).toContain("C'est décidé ! Je fais un entretien de départ");
    expect(about).toContain('Sandrine');
    expect(about).toContain('Le calepin RH de Sandrine');
    expect(about).toMatch(/^Au revoir /);
    const sentences = about.split(/(?<=[.!?])\s+(?=[A-ZÀ-Ý])/).length;
    expect(sentences).toBeGreaterThanOrEqual(2);
    expect(sentences).toBeLessThanOrEqual(4);
  });

  it('is written in each language', () => {
    expect(ABOUT.fr).toMatch(/Inspiré de «\u00a0C'est/);
    expect(ABOUT.fr).toMatch(/une chronique de Sandrine/);
    expect(ABOUT.en).toMatch(/Inspired by “/);
    expect(ABOUT.en).toMatch(/a column by Sandrine/);
    expect(reexported).toBe(ABOUT);
  });
});
