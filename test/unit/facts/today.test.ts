import { earliestSuggestion, todayIn } from '../../../src/domain/dates';
import { ianaTimeZone } from '../../../src/domain/types';

// "Today" is the manager's calendar day: the mailbox's zone decides, whatever the browser's is.
test('the same instant is a different day in Paris and in New York', () => {
  const lateEvening = new Date('2026-12-01T23:30:00Z');
  expect(todayIn(ianaTimeZone('Europe/Paris'), lateEvening)).toBe('2026-12-02');
  expect(todayIn(ianaTimeZone('America/New_York'), lateEvening)).toBe('2026-12-01');
});

test('a day in a zone with a half-hour offset', () => {
  expect(todayIn(ianaTimeZone('Asia/Kolkata'), new Date('2026-12-31T18:29:00Z'))).toBe('2026-12-31');
  expect(todayIn(ianaTimeZone('Asia/Kolkata'), new Date('2026-12-31T18:30:00Z'))).toBe('2027-01-01');
});

// Suggested times give both people at least an hour's notice, on the half hour.
test('the first suggestion is an hour away at least, on the next half hour', () => {
  expect(earliestSuggestion(new Date('2026-12-02T09:28:00Z')).toISOString()).toBe('2026-12-02T10:30:00.000Z');
  expect(earliestSuggestion(new Date('2026-12-02T09:30:00Z')).toISOString()).toBe('2026-12-02T10:30:00.000Z');
  expect(earliestSuggestion(new Date('2026-12-02T09:30:01Z')).toISOString()).toBe('2026-12-02T11:00:00.000Z');
  expect(earliestSuggestion(new Date('2026-12-02T23:45:00Z')).toISOString()).toBe('2026-12-03T01:00:00.000Z');
});
