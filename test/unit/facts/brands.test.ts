import { BrandError, ianaTimeZone, isoDate, localDateTime, minutes, planId } from '../../../src/domain/types';

// Each branded constructor lets through what it names and refuses the rest with a BrandError saying
// which brand and which value, so a wrong value fails where it enters, not three layers later.
const refused = (make: () => unknown, brand: BrandError['brand']) => {
  let caught: unknown;
  try {
    make();
  } catch (e: unknown) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(BrandError);
  expect(caught).toBeInstanceOf(TypeError);
  expect(caught).toMatchObject({ brand });
};

test('ianaTimeZone: a zone the runtime knows, not a made-up or Windows name', () => {
  for (const z of ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC']) expect(ianaTimeZone(z)).toBe(z);
  for (const z of ['', 'Mars/Olympus', 'Romance Standard Time', 'UTC+3', ' Europe/Paris']) refused(() => ianaTimeZone(z), 'IanaTimeZone');
});

test('planId: a UUID or a short key, not text that could break a filter or a transactionId', () => {
  for (const id of ['11111111-2222-4333-8444-555555555555', 'plan-1', 'a.b_c']) expect(planId(id)).toBe(id);
  for (const id of ['', 'x'.repeat(65), "p' or 1 eq 1", 'a/b', 'with space']) refused(() => planId(id), 'PlanId');
});

test('isoDate: YYYY-MM-DD only', () => {
  expect(isoDate('2026-12-18')).toBe('2026-12-18');
  for (const d of ['2026-12-1', '18/12/2026', '2026-12-18T00:00']) refused(() => isoDate(d), 'IsoDate');
});

test('localDateTime: a wall clock without offset, seconds added when missing', () => {
  expect(localDateTime('2026-12-03T10:00')).toBe('2026-12-03T10:00:00');
  for (const d of ['2026-12-03', '2026-12-03T10:00Z', '2026-12-03 10:00']) refused(() => localDateTime(d), 'LocalDateTime');
});

test('minutes: whole and not negative', () => {
  expect(minutes(45)).toBe(45);
  for (const n of [-1, 1.5, Number.NaN]) refused(() => minutes(n), 'Minutes');
});
