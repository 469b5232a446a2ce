import fc from 'fast-check';
import {
  matchEvents,
  matchMessages,
  newEvidence,
  addedLines,
  parseRealContactRecord,
  removeLogBlock,
  removeLogLine,
  shiftReminders,
  undoneRecord,
  type CalendarItem,
  type MailItem,
  type PendingReminder,
} from '../../../src/domain/alumni/real-contact';
import { appendReconnect } from '../../../src/domain/alumni';
import { ianaTimeZone, isoDate, localDateTime, type Weekday } from '../../../src/domain/types';

const paris = ianaTimeZone('Europe/Paris');
const ny = ianaTimeZone('America/New_York');
const NOW = new Date('2027-03-10T12:00:00Z');
const who = { personal: ['Marc.Lefebvre@Fabrikam.example '], work: 'marc.lefebvre@contoso.example' };
const WORK: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

const ev = (over: Partial<CalendarItem> = {}): CalendarItem => ({
  id: 'e1',
  subject: 'Déjeuner avec Marc',
  start: localDateTime('2027-03-03T12:30:00'),
  end: localDateTime('2027-03-03T14:00:00'),
  isAllDay: false,
  isCancelled: false,
  attendees: [{ address: 'marc.lefebvre@fabrikam.example', response: 'accepted' }],
  myResponse: 'organizer',
  isAppItem: false,
  ...over,
});

describe('matchEvents: which calendar items are real contact', () => {
  it('a past lunch with the personal address counts, dated on the manager’s calendar, kind lunch', () => {
    expect(matchEvents([ev()], who, paris, NOW)).toEqual({
      source: 'event', key: 'e1', subject: 'Déjeuner avec Marc', date: '2027-03-03', at: '2027-03-03T11:30:00.000Z', kind: 'lunch',
    });
  });

  it('addresses match whatever their case and surrounding spaces', () => {
    expect(matchEvents([ev({ attendees: [{ address: ' MARC.LEFEBVRE@fabrikam.EXAMPLE' }] })], who, paris, NOW)?.key).toBe('e1');
  });

  it('the leaver’s work address never counts, even given as "personal"', () => {
    expect(matchEvents([ev({ attendees: [{ address: 'marc.lefebvre@contoso.example' }] })], who, paris, NOW)).toBeUndefined();
    expect(matchEvents([ev({ attendees: [{ address: 'marc.lefebvre@contoso.example' }] })], { personal: ['marc.lefebvre@contoso.example'], work: 'Marc.Lefebvre@contoso.example' }, paris, NOW)).toBeUndefined();
  });

  it('cancelled, declined by the manager, declined by the alumnus, not over yet, or Au revoir’s own: none counts', () => {
    expect(matchEvents([ev({ isCancelled: true })], who, paris, NOW)).toBeUndefined();
    expect(matchEvents([ev({ myResponse: 'declined' })], who, paris, NOW)).toBeUndefined();
    expect(matchEvents([ev({ attendees: [{ address: 'marc.lefebvre@fabrikam.example', response: 'declined' }] })], who, paris, NOW)).toBeUndefined();
    expect(matchEvents([ev({ start: localDateTime('2027-03-10T12:30:00'), end: localDateTime('2027-03-10T14:00:00') })], who, paris, NOW)).toBeUndefined();
    expect(matchEvents([ev({ isAppItem: true })], who, paris, NOW)).toBeUndefined();
  });

  it('an event the alumnus organised counts (the organiser is not among the attendees)', () => {
    expect(matchEvents([ev({ organizer: 'marc.lefebvre@fabrikam.example', attendees: [], myResponse: 'accepted' })], who, paris, NOW)?.key).toBe('e1');
  });

  it('an all-day event counts once its day is over, on its own date', () => {
    const allDay = ev({ isAllDay: true, start: localDateTime('2027-03-09T00:00:00'), end: localDateTime('2027-03-10T00:00:00') });
    expect(matchEvents([allDay], who, paris, NOW)?.date).toBe('2027-03-09');
    // Still that day in Paris at 23:30 UTC - 1 h: not over.
    expect(matchEvents([allDay], who, paris, new Date('2027-03-09T22:30:00Z'))).toBeUndefined();
  });

  it('the day is the manager’s: 21:00 in New York is already the next day in Paris, not in New York', () => {
    const late = ev({ start: localDateTime('2027-03-03T21:00:00'), end: localDateTime('2027-03-03T22:00:00') });
    expect(matchEvents([late], who, ny, NOW)?.date).toBe('2027-03-03');
    expect(matchEvents([late], who, ny, NOW)?.at).toBe('2027-03-04T02:00:00.000Z');
  });

  it('the latest of several wins', () => {
    const older = ev({ id: 'old', start: localDateTime('2027-01-10T12:00:00'), end: localDateTime('2027-01-10T13:00:00') });
    expect(matchEvents([ev(), older], who, paris, NOW)?.key).toBe('e1');
    expect(matchEvents([older, ev()], who, paris, NOW)?.key).toBe('e1');
  });
});

describe('matchMessages', () => {
  const msg = (over: Partial<MailItem> = {}): MailItem => ({ id: 'm1', subject: 'Des nouvelles', at: '2027-03-03T08:15:00Z', from: 'marc.lefebvre@fabrikam.example', to: ['claire.martin@contoso.example'], isDraft: false, ...over });
  it('mail from or to the personal address counts, as an email; drafts, the work address and the future do not', () => {
    expect(matchMessages([msg()], who, paris, NOW)).toMatchObject({ source: 'mail', date: '2027-03-03', kind: 'email' });
    expect(matchMessages([msg({ from: 'claire.martin@contoso.example', to: ['Marc.Lefebvre@fabrikam.example'] })], who, paris, NOW)?.key).toBe('m1');
    expect(matchMessages([msg({ isDraft: true })], who, paris, NOW)).toBeUndefined();
    expect(matchMessages([msg({ from: 'marc.lefebvre@contoso.example' })], who, paris, NOW)).toBeUndefined();
    expect(matchMessages([msg({ at: '2027-03-11T08:00:00Z' })], who, paris, NOW)).toBeUndefined();
  });
});

describe('newEvidence', () => {
  const e = matchEvents([ev()], who, paris, NOW)!;
  it('applies only what is after the last logged contact and was not undone', () => {
    expect(newEvidence([e], undefined, [])).toBe(e);
    expect(newEvidence([e], isoDate('2027-03-02'), [])).toBe(e);
    expect(newEvidence([e], isoDate('2027-03-03'), [])).toBeUndefined();
    expect(newEvidence([e], undefined, ['e1'])).toBeUndefined();
  });
});

describe('shiftReminders: what "shifts by the cadence" means', () => {
  const occ = (start: string, end: string, nextStart?: string): PendingReminder => ({
    id: 'occ', start: localDateTime(start), end: localDateTime(end),
    series: { every: { months: 6 }, ...(nextStart ? { nextStart: localDateTime(nextStart) } : {}) },
  });

  it('a series occurrence moves alone to contact + interval, same time of day, on a working day', () => {
    // Contact 3 March 2027; next occurrence 15 March; every 6 months → 3 September 2027 (a Friday).
    const moves = shiftReminders({ contactDate: isoDate('2027-03-03'), zone: paris, workingDays: WORK, pending: [occ('2027-03-15T10:00:00', '2027-03-15T10:15:00', '2027-09-15T10:00:00')] });
    expect(moves).toEqual([{ id: 'occ', from: { start: '2027-03-15T10:00:00', end: '2027-03-15T10:15:00' }, to: { start: '2027-09-03T10:00:00', end: '2027-09-03T10:15:00' } }]);
  });

  it('a due day on a weekend rolls to Monday; one that would reach the next occurrence is dropped', () => {
    // 4 March + 6 months = 4 September 2027, a Saturday → Monday 6.
    expect(shiftReminders({ contactDate: isoDate('2027-03-04'), zone: paris, workingDays: WORK, pending: [occ('2027-03-15T10:00:00', '2027-03-15T10:15:00')] })[0]?.to.start).toBe('2027-09-06T10:00:00');
    expect(shiftReminders({ contactDate: isoDate('2027-03-04'), zone: paris, workingDays: WORK, pending: [occ('2027-03-15T10:00:00', '2027-03-15T10:15:00', '2027-09-06T10:00:00')] })).toEqual([]);
  });

  it('one-offs move together by the same days, keeping their spacing; the rhythm is the gap to the one before', () => {
    const pending: PendingReminder[] = [
      { id: 't1', start: localDateTime('2027-03-15T10:00:00'), end: localDateTime('2027-03-15T10:15:00'), previousStart: localDateTime('2027-01-15T10:00:00') },
      { id: 't2', start: localDateTime('2027-05-17T10:00:00'), end: localDateTime('2027-05-17T10:15:00'), previousStart: localDateTime('2027-03-15T10:00:00') },
      occ('2027-07-15T10:00:00', '2027-07-15T10:15:00'),
    ];
    const moves = shiftReminders({ contactDate: isoDate('2027-03-03'), zone: paris, workingDays: WORK, pending });
    // Rhythm 2 months: due 3 May 2027 (Monday): t1 +49 days, t2 +49 days → 5 July (Monday); the series stays.
    expect(moves.map((m) => [m.id, m.to.start])).toEqual([['t1', '2027-05-03T10:00:00'], ['t2', '2027-07-05T10:00:00']]);
  });

  it('nothing moves when the contact was long enough ago, or when nothing is pending', () => {
    expect(shiftReminders({ contactDate: isoDate('2026-08-01'), zone: paris, workingDays: WORK, pending: [occ('2027-03-15T10:00:00', '2027-03-15T10:15:00')] })).toEqual([]);
    expect(shiftReminders({ contactDate: isoDate('2027-03-03'), zone: paris, workingDays: WORK, pending: [] })).toEqual([]);
  });

  it('keeps the wall clock across a daylight-saving change (Paris, end of March)', () => {
    const moves = shiftReminders({ contactDate: isoDate('2027-03-01'), zone: paris, workingDays: WORK, pending: [{ ...occ('2027-03-15T10:00:00', '2027-03-15T10:15:00'), series: { every: { months: 1 } } }] });
    expect(moves[0]?.to).toEqual({ start: '2027-04-01T10:00:00', end: '2027-04-01T10:15:00' });
  });

  it('property: a moved reminder is always later than before, on a working day, with the same length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 60 }), (daysBefore, months, ahead) => {
        const start = new Date(Date.UTC(2027, 2, 10 + ahead, 9, 0));
        const s = start.toISOString().slice(0, 19);
        const e = new Date(start.getTime() + 15 * 60_000).toISOString().slice(0, 19);
        const contact = new Date(Date.UTC(2027, 2, 10 - daysBefore)).toISOString().slice(0, 10);
        const moves = shiftReminders({ contactDate: isoDate(contact), zone: paris, workingDays: WORK, pending: [{ id: 'x', start: localDateTime(s), end: localDateTime(e), series: { every: { months } } }] });
        for (const m of moves) {
          expect(m.to.start > m.from.start).toBe(true);
          expect([0, 6].includes(new Date(`${m.to.start}Z`).getUTCDay())).toBe(false);
          expect(Date.parse(`${m.to.end}Z`) - Date.parse(`${m.to.start}Z`)).toBe(15 * 60_000);
        }
      }),
    );
  });
});

describe('the record kept with the contact', () => {
  it('undo forgets what was applied and remembers the evidence as undone', () => {
    const evidence = matchEvents([ev()], who, paris, NOW)!;
    const rec = parseRealContactRecord({ v: 1, dismissed: ['x'], applied: { evidence, logLine: 'l', moves: [], zone: 'Europe/Paris' } });
    expect(rec.applied?.evidence.key).toBe('e1');
    expect(undoneRecord(rec)).toEqual({ v: 1, dismissed: ['x', 'e1'] });
  });
  it('reads anything unreadable as an empty record', () => {
    expect(parseRealContactRecord('nope')).toEqual({ v: 1, dismissed: [] });
    expect(parseRealContactRecord({ v: 1, dismissed: [3, 'a'], applied: { evidence: {} } })).toEqual({ v: 1, dismissed: ['a'] });
  });
  it('removeLogLine takes back the last identical line only, keeping line endings', () => {
    expect(removeLogLine('a\r\n2027-03-03 · x\r\nb\r\n2027-03-03 · x', '2027-03-03 · x')).toBe('a\r\n2027-03-03 · x\r\nb');
    expect(removeLogLine('a\nb', 'zz')).toBe('a\nb');
  });
});

describe('undo takes back exactly what the log got', () => {
  const add = (notes: string) => appendReconnect(notes, { at: new Date('2027-03-03T11:00:00Z'), timeZone: paris, kind: 'lunch', note: 'Rencontre trouvée dans votre agenda', lang: 'fr' });
  it.each([
    ['empty notes (a new log with its heading)', ''],
    ['notes without a log', 'Rencontrée en 2019.'],
    ['a log already there', 'Intro\n\n— Au revoir · historique des échanges —\n2027-01-10 · Appel · Bien'],
    ['Windows line endings', 'Intro\r\n\r\n— Au revoir · historique des échanges —\r\n2027-01-10 · Appel · Bien'],
  ])('%s', (_what, before) => {
    const after = add(before);
    const block = addedLines(before, after);
    expect(block[block.length - 1]).toBe('2027-03-03 · Déjeuner · Rencontre trouvée dans votre agenda');
    expect(removeLogBlock(after, block, block[block.length - 1]!)).toBe(before);
  });
  it('when the manager edited around the block, only the dated line goes', () => {
    const after = add('');
    const block = addedLines('', after);
    const edited = `${after}\n2027-03-20 · Appel · Ajouté à la main`;
    expect(removeLogBlock(edited, ['zz', ...block.slice(1)], block[block.length - 1]!)).toBe(`— Au revoir · historique des échanges —\n2027-03-20 · Appel · Ajouté à la main`);
  });
});

