// The demo organisation: who is there, what they may see, and calendars that are realistic and the same for
// the same seed day.
import { DateTime } from 'luxon';
import { PNG } from 'pngjs';
import { seedState } from '../../../sandbox/seed';
import type { State } from '../../../sandbox/store';
import { parseGraphDateTime } from '../../../sandbox/time';
import './helpers';

const NOW = new Date('2026-11-25T10:00:00Z');

const shape = (s: State): unknown =>
  s.users.map((u) => ({
    id: u.id,
    leave: u.employeeLeaveDateTime,
    events: s.mailboxes[u.id]!.events.map((e) => [e.id, e.data.subject, (e.data.start as { dateTime: string }).dateTime, JSON.stringify(e.data.recurrence ?? null)]),
  }));

describe('seed', () => {
  const state = seedState(NOW);
  const byUpn = (upn: string) => state.users.find((u) => u.userPrincipalName === `${upn}@contoso.example`)!;

  it('has Claire’s team of at least six in Paris and New York, with French and English names', () => {
    const claire = byUpn('claire.martin');
    const team = state.users.filter((u) => u.managerId === claire.id);
    expect(team.length).toBeGreaterThanOrEqual(6);
    const zones = new Set(team.map((u) => state.mailboxes[u.id]!.settings.workingHours.timeZone.name));
    expect(zones).toContain('Romance Standard Time');
    expect(zones).toContain('Eastern Standard Time');
    expect(team.map((u) => u.displayName)).toEqual(expect.arrayContaining(['Sarah Johnson', 'Émilie Laurent', 'Léa Dubois']));
    for (const u of team) expect(u.jobTitle).not.toBe('');
  });

  it('puts two leave dates within the next month (12 and 24 days), and lets only Claire and Nadia read them', () => {
    const days = (upn: string): number => Math.round(DateTime.fromISO(byUpn(upn).employeeLeaveDateTime!).diff(DateTime.fromJSDate(NOW), 'days').days);
    expect(days('emilie.laurent')).toBe(12);
    expect(days('lea.dubois')).toBe(24);
    const readers = state.users.filter((u) => u.canReadLeaveDates).map((u) => u.userPrincipalName);
    expect(readers.sort()).toEqual(['claire.martin@contoso.example', 'nadia.haddad@contoso.example']);
    expect(state.users.filter((u) => u.managerId === byUpn('paul.girard').id).map((u) => u.displayName)).toEqual(['Julien Moreau']);
  });

  it('gives most people a PNG photo', () => {
    const withPhoto = state.users.filter((u) => u.photo !== null);
    expect(withPhoto.length).toBeGreaterThanOrEqual(state.users.length - 1);
    const png = PNG.sync.read(Buffer.from(withPhoto[0]!.photo!, 'base64'));
    expect(png.width).toBe(96);
  });

  it('fills every calendar over the next six weeks, with series, all-day events and meeting copies', () => {
    for (const u of state.users) {
      const events = state.mailboxes[u.id]!.events;
      const singles = events.filter((e) => !e.data.recurrence);
      const weeks = new Set(
        singles.map((e) => Math.floor(parseGraphDateTime(e.data.start as { dateTime: string; timeZone: string }).diff(DateTime.fromJSDate(NOW).startOf('week'), 'weeks').weeks)),
      );
      for (let w = 0; w < 6; w++) expect(weeks).toContain(w);
      expect(events.some((e) => e.data.isAllDay === true)).toBe(true);
    }
    const claire = state.mailboxes[byUpn('claire.martin').id]!.events;
    const types = new Set(claire.filter((e) => e.data.recurrence).map((e) => (e.data.recurrence as { pattern: { type: string } }).pattern.type));
    expect(types).toEqual(new Set(['weekly', 'relativeMonthly']));
    // Claire's 1:1 with Émilie is also in Émilie's calendar, as a copy she does not organise.
    const emilie = state.mailboxes[byUpn('emilie.laurent').id]!.events;
    expect(emilie.some((e) => e.data.subject === '1:1 Claire / Émilie' && !e.isOrganizer)).toBe(true);
  });

  it('is the same for the same seed day, and different for another day', () => {
    const again = seedState(new Date('2026-12-25T10:00:00Z'));
    const back = seedState(NOW);
    expect(shape(back)).toEqual(shape(state));
    expect(shape(again)).not.toEqual(shape(state));
  });
});
