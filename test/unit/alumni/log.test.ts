import fc from 'fast-check';
import {
  RECONNECT_LOG_HEADING,
  appendReconnect,
  lastContacted,
  parseReconnectLog,
} from '../../../src/domain/alumni';
import { AppError } from '../../../src/domain/errors';
import { ianaTimeZone, type IanaTimeZone } from '../../../src/domain/types';
import { runs } from '../support/fast-check';

const paris = ianaTimeZone('Europe/Paris');
const ny = ianaTimeZone('America/New_York');

describe('appendReconnect', () => {
  it('starts a log under a heading, after what the notes already say', () => {
    const notes = appendReconnect('Rencontré en 2019 sur le projet Atlas.', {
      at: new Date('2026-11-25T10:00:00Z'), timeZone: paris, kind: 'lunch', note: 'Au Petit Zinc, il se plaît chez Fabrikam', lang: 'fr',
    });
    expect(notes).toBe([
      'Rencontré en 2019 sur le projet Atlas.',
      '',
      RECONNECT_LOG_HEADING.fr,
      '2026-11-25 · Déjeuner · Au Petit Zinc, il se plaît chez Fabrikam',
    ].join('\n'));
  });

  it('dates the line in the manager’s zone', () => {
    // 02:30 UTC on the 26th is still the evening of the 25th in New York.
    const at = new Date('2026-11-26T02:30:00Z');
    expect(appendReconnect('', { at, timeZone: ny, note: 'x', lang: 'en' })).toContain('2026-11-25 · x');
    expect(appendReconnect('', { at, timeZone: paris, note: 'x', lang: 'en' })).toContain('2026-11-26 · x');
  });

  it('adds later entries right after the last one, leaving the rest as it was', () => {
    let notes = appendReconnect('Résumé.', { at: new Date('2026-11-25T10:00:00Z'), timeZone: paris, kind: 'call', note: 'Premier appel', lang: 'fr' });
    notes += '\n\nNe pas oublier : son anniversaire est en mai.';
    notes = appendReconnect(notes, { at: new Date('2027-05-12T10:00:00Z'), timeZone: paris, kind: 'email', note: 'Nouvelles du salon', lang: 'en' });
    expect(notes.split('\n')).toEqual([
      'Résumé.',
      '',
      RECONNECT_LOG_HEADING.fr,
      '2026-11-25 · Appel · Premier appel',
      '2027-05-12 · Email · Nouvelles du salon',
      '',
      'Ne pas oublier : son anniversaire est en mai.',
    ]);
  });

  it('refuses a date or a zone it cannot place on a calendar', () => {
    expect(() => appendReconnect('', { at: new Date('nope'), timeZone: paris, note: 'x', lang: 'fr' })).toThrow(AppError);
    expect(() => appendReconnect('', { at: new Date(), timeZone: 'Mars/Olympus' as IanaTimeZone, note: 'x', lang: 'fr' })).toThrow(/Mars\/Olympus/);
  });

  it('keeps Windows line endings when the notes use them', () => {
    const notes = appendReconnect('Ligne 1\r\nLigne 2', { at: new Date('2026-11-25T10:00:00Z'), timeZone: paris, note: 'ok', lang: 'fr' });
    expect(notes).toBe(`Ligne 1\r\nLigne 2\r\n\r\n${RECONNECT_LOG_HEADING.fr}\r\n2026-11-25 · ok`);
  });

  it('keeps what the user typed, markup and all, and writes several lines as an indented entry', () => {
    const note = '<b>Tom & Jerry</b> "quoted"\nsecond line\n\n2027-01-01 is a date inside the note';
    const notes = appendReconnect('', { at: new Date('2026-11-25T10:00:00Z'), timeZone: paris, kind: 'call', note, lang: 'en' });
    expect(notes).toContain('2026-11-25 · Call · <b>Tom & Jerry</b> "quoted"\n  second line\n  2027-01-01 is a date inside the note');
    expect(parseReconnectLog(notes)).toEqual([
      { date: '2026-11-25', kind: 'call', note: '<b>Tom & Jerry</b> "quoted"\nsecond line\n2027-01-01 is a date inside the note' },
    ]);
  });
  // Found by the property below (seed 1421789842): a note pasted with U+2028 lost its whole entry.
  it('keeps an entry whose note holds a Unicode line separator or a lone carriage return', () => {
    let notes = appendReconnect('', { at: new Date('2025-01-01T10:00:00Z'), timeZone: paris, note: '!\u2028!', lang: 'fr' });
    notes = appendReconnect(notes, { at: new Date('2025-01-01T11:00:00Z'), timeZone: paris, kind: 'lunch', note: 'a\rb\u2029c', lang: 'fr' });
    expect(parseReconnectLog(notes)).toEqual([
      { date: '2025-01-01', kind: 'lunch', note: 'a\rb\u2029c' },
      { date: '2025-01-01', note: '!\u2028!' },
    ]);
  });
});

describe('parseReconnectLog', () => {
  it('reads entries newest first, with or without a kind', () => {
    const notes = [
      RECONNECT_LOG_HEADING.en,
      '2026-11-25 · Lunch · Chez Paul',
      '2027-05-12 · Call',
      '2027-01-10 · Sent him the article',
    ].join('\n');
    expect(parseReconnectLog(notes)).toEqual([
      { date: '2027-05-12', kind: 'call', note: '' },
      { date: '2027-01-10', note: 'Sent him the article' },
      { date: '2026-11-25', kind: 'lunch', note: 'Chez Paul' },
    ]);
  });

  it('survives a person editing the log in Outlook', () => {
    const notes = [
      'Some text a person wrote.',
      '— au revoir · historique des échanges', // heading with a dash lost
      '- 2027-02-03 - déjeuner - avec toute l’équipe',
      '2027-03-04: e-mail: lui ai envoyé l’offre',
      '• 2027-04-05 | Téléphone | rapide',
      '2027-06-07 Lunch was great', // no separator, and "Lunch" here begins a sentence
      'a line of free text in between',
      '2027-02-30 · not a date',
      '2027-07-08 · courriel',
      '[2027-08-09] bracketed date',
    ].join('\n');
    expect(parseReconnectLog(notes)).toEqual([
      { date: '2027-08-09', note: 'bracketed date' },
      { date: '2027-07-08', kind: 'email', note: '' },
      { date: '2027-06-07', note: 'Lunch was great' },
      { date: '2027-04-05', kind: 'call', note: 'rapide' },
      { date: '2027-03-04', kind: 'email', note: 'lui ai envoyé l’offre' },
      { date: '2027-02-03', kind: 'lunch', note: 'avec toute l’équipe' },
    ]);
  });

  it('reads only below the heading when there is one, and everywhere when it was deleted', () => {
    const summary = '2026-11-20 we talked about his plans (summary of the exit conversation)';
    expect(parseReconnectLog(`${summary}\n${RECONNECT_LOG_HEADING.en}\n2026-12-01 · Call · hi`)).toHaveLength(1);
    expect(parseReconnectLog(`${summary}\n2026-12-01 · Call · hi`)).toHaveLength(2);
  });

  it('orders two entries of the same day by which was written last', () => {
    const notes = `${RECONNECT_LOG_HEADING.fr}\n2027-01-01 · Appel · matin\n2027-01-01 · E-mail · soir`;
    expect(parseReconnectLog(notes).map((e) => e.note)).toEqual(['soir', 'matin']);
  });

  it('finds nothing in notes without a log', () => {
    expect(parseReconnectLog('')).toEqual([]);
    expect(parseReconnectLog('Just notes.\nNothing dated.')).toEqual([]);
  });
});

describe('lastContacted', () => {
  it('is the latest date, wherever it sits in the log', () => {
    const notes = `${RECONNECT_LOG_HEADING.en}\n2027-05-12 · Call\n2026-11-25 · Lunch`;
    expect(lastContacted(notes)).toBe('2027-05-12');
    expect(lastContacted('no log')).toBeUndefined();
  });
});

describe('append then parse, for any note', () => {
  const kinds = fc.constantFrom(undefined, 'call' as const, 'email' as const, 'lunch' as const);
  const langs = fc.constantFrom('fr' as const, 'en' as const);
  const at = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true });
  // Notes as people type them: any text, with markup, emoji, right-to-left script and line breaks.
  const noteText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.constantFrom('<script>alert(1)</script>', 'Tom & Jerry "x" \'y\'', 'שלום עולם', '😀 déjeuner 🍷', 'a\nb\r\nc'),
  );

  it('reads back the entry, the earlier notes unchanged above it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.tuple(at, kinds, noteText, langs), { minLength: 1, maxLength: 4 }), (prior, appends) => {
        // Earlier notes without dated lines, so only our entries are entries.
        const start = prior.replace(/\d{4}-\d{2}-\d{2}/g, '').replace(/au revoir/gi, '');
        let notes = start;
        for (const [when, kind, note, lang] of appends) {
          notes = appendReconnect(notes, { at: when, timeZone: paris, ...(kind ? { kind } : {}), note, lang });
        }
        const trimmedStart = start.replace(/\s+$/u, '');
        expect(notes.startsWith(trimmedStart)).toBe(true);
        const entries = parseReconnectLog(notes);
        expect(entries).toHaveLength(appends.length);
        const latest = appends.map(([w]) => w.getTime()).reduce((a, b) => Math.max(a, b));
        const expectedLatest = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(latest);
        expect(lastContacted(notes)).toBe(expectedLatest);
        // Each note comes back as typed, apart from surrounding spaces and blank lines.
        const typed = appends.map(([, kind, note]) => ({
          kind,
          note: note.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').join('\n'),
        }));
        const got = [...entries].map((e) => ({ kind: e.kind, note: e.note }));
        const key = (e: { kind?: string; note: string }) => `${e.kind ?? ''}|${e.note}`;
        // A note that itself starts with a kind word and a separator reads as that kind: leave those out.
        const unambiguous = typed.filter((t) => t.kind !== undefined || !/^(t[ée]l[ée]phone|appel|phone|call|courriel|e-?mail|mail|d[ée]jeuner|lunch|repas)\s*([·•|:–—-]|$)/iu.test(t.note));
        for (const t of unambiguous) expect(got.map(key)).toContain(key(t));
      }),
      { numRuns: runs(150) },
    );
  });
});
