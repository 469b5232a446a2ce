import { appendReconnect, lastContacted, parseReconnectLog } from '../../../src/workflows/reconnect-log';

test('reconnects are logged newest first, dated, one line each, and give the last contact date', () => {
  let notes = 'Notes libres écrites par la manager';
  notes = appendReconnect(notes, new Date('2027-05-19T12:00:00Z'), 'Déjeuner\nà Lyon');
  notes = appendReconnect(notes, new Date('2027-09-01T08:00:00Z'), 'Appel');
  expect(notes.split('\n')).toEqual(['[2027-09-01] Appel', '[2027-05-19] Déjeuner à Lyon', 'Notes libres écrites par la manager']);
  const log = parseReconnectLog(notes);
  expect(log).toEqual([
    { date: '2027-09-01', text: 'Appel' },
    { date: '2027-05-19', text: 'Déjeuner à Lyon' },
  ]);
  expect(lastContacted(log)).toBe('2027-09-01');
  expect(lastContacted(parseReconnectLog(''))).toBeUndefined();
});
