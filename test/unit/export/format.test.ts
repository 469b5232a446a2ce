import { formatPhone } from '../../../src/domain/contact';
import { formatRelative, formatWhen, regionFor } from '../../../src/ui/format';

const NOW = new Date('2027-04-15T10:00:00Z');
const PARIS = 'Europe/Paris';

describe('phone numbers as their reader writes them', () => {
  it('a French mobile: national for a French reader, international for a British one', () => {
    expect(formatPhone('+33612345678', regionFor('fr'))).toBe('06 12 34 56 78');
    expect(formatPhone('+33612345678', regionFor('en'))).toBe('+33 6 12 34 56 78');
  });
  it('a British mobile: national for a British reader, international for a French one', () => {
    expect(formatPhone('+447400123456', regionFor('en'))).toBe('07400 123456');
    expect(formatPhone('+447400123456', regionFor('fr'))).toBe('+44 7400 123456');
  });
  it('a US number is international for both; text that is no number comes back as it was', () => {
    expect(formatPhone('+12015550123', 'FR')).toBe('+1 201 555 0123');
    expect(formatPhone('+12015550123', 'US')).toBe('(201) 555-0123');
    expect(formatPhone('call me', 'FR')).toBe('call me');
  });
});

describe('relative times, in both languages, from a clock passed in', () => {
  const cases: Array<[string, string, string]> = [
    ['2027-04-15T18:00:00Z', 'today', 'aujourd’hui'],
    ['2027-04-14T09:00:00Z', 'yesterday', 'hier'],
    ['2027-04-16T07:00:00Z', 'tomorrow', 'demain'],
    ['2027-04-18T10:00:00Z', 'in 3 days', 'dans 3 jours'],
    ['2027-04-29T10:00:00Z', 'in 2 weeks', 'dans 2 semaines'],
    ['2027-01-12T00:00:00Z', '3 months ago', 'il y a 3 mois'],
    ['2027-10-14T10:00:00Z', 'in 6 months', 'dans 6 mois'],
    ['2029-04-10T10:00:00Z', 'in 2 years', 'dans 2 ans'],
    ['2026-03-01T10:00:00Z', 'last year', 'l’année dernière'],
  ];
  it.each(cases)('%s → "%s" / « %s »', (iso, en, fr) => {
    expect(formatRelative(iso, NOW, 'en', PARIS)).toBe(en);
    expect(formatRelative(iso, NOW, 'fr', PARIS)).toBe(fr);
  });

  it('counts calendar days in the reader’s zone: 23:30 in Paris the day before is "yesterday", not "today"', () => {
    const now = new Date('2027-04-15T06:00:00Z'); // 08:00 in Paris
    expect(formatRelative('2027-04-14T21:30:00Z', now, 'en', PARIS)).toBe('yesterday');
    expect(formatRelative('2027-04-14T21:30:00Z', now, 'en', 'UTC')).toBe('yesterday');
    expect(formatRelative('2027-04-14T22:30:00Z', now, 'en', PARIS)).toBe('today');
  });

  it('a date with how far it is', () => {
    expect(formatWhen('2027-01-12T00:00:00.000Z', 'en', NOW, PARIS)).toBe('12 Jan 2027 (3 months ago)');
    expect(formatWhen('2027-01-12T00:00:00.000Z', 'fr', NOW, PARIS)).toBe('12 janv. 2027 (il y a 3 mois)');
  });
});
