import { todayIn } from '../../../src/domain/dates';
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
