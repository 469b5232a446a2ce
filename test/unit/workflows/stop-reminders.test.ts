import { AppError } from '../../../src/domain/errors';
import { planId } from '../../../src/domain/types';
import type { CalendarChange, CalendarGateway, ContactsGateway, EventInfo } from '../../../src/graph';
import { MAX_VIEW_DAYS, viewWindows } from '../../../src/graph';
import { stopReminders } from '../../../src/workflows/alumni';

const NOW = new Date('2027-06-01T08:00:00Z');
const DAY = 86_400_000;

const gateway = (events: EventInfo[], occurrences: EventInfo[]) => {
  const applied: CalendarChange[][] = [];
  const windows: Array<[string, string]> = [];
  const calendar = {
    planEvents: async () => events,
    appOccurrences: async (s: string, e: string) => {
      windows.push([s, e]);
      return occurrences.filter((o) => o.start! >= s && o.start! < e);
    },
    applyChanges: async (changes: readonly CalendarChange[]) => {
      applied.push([...changes]);
    },
  } as unknown as CalendarGateway;
  return { deps: { calendar, contacts: {} as ContactsGateway }, applied, windows };
};

const series = (over: Partial<EventInfo> = {}): EventInfo => ({
  id: 's1',
  subject: 'Reconnect',
  isCancelled: false,
  categories: ['Au revoir'],
  attendees: [],
  role: 'series:steady-call',
  planId: 'p1',
  recurrence: {
    pattern: { type: 'relativeMonthly', interval: 6, daysOfWeek: ['tuesday'], index: 'second' },
    range: { type: 'endDate', startDate: '2025-01-14', endDate: '2035-01-09', recurrenceTimeZone: 'Asia/Kolkata' },
  } as unknown as EventInfo['recurrence'],
  ...over,
});

describe('stopReminders', () => {
  it('a series whose zone could not be told stops everything with an error: nothing is ended or deleted', async () => {
    const unresolved = series({ recurrence: undefined, recurrenceZoneUnresolved: 'recurrenceTimeZone "Customized Time Zone"' }) as EventInfo;
    const { deps, applied } = gateway([unresolved], []);
    await expect(stopReminders(deps, planId('p1'), NOW)).rejects.toBeInstanceOf(AppError);
    expect(applied).toEqual([]);
  });

  it("ends the series the day before its next occurrence, that day counted in the series' zone", async () => {
    // 2027-12-14 00:30 in Kolkata is 2027-12-13 19:00 UTC: the day before is the 13th there, not the 12th.
    const next: EventInfo = { id: 'o1', subject: 'Reconnect', isCancelled: false, categories: [], attendees: [], seriesMasterId: 's1', start: '2027-12-13T19:00:00.0000000' };
    const { deps, applied } = gateway([series()], [next]);
    await stopReminders(deps, planId('p1'), NOW);
    expect(applied).toEqual([[expect.objectContaining({ kind: 'endSeries', id: 's1', endDate: '2027-12-13' })]]);
  });

  it('looks further in windows Graph accepts only while a series has not shown its next occurrence', async () => {
    const far: EventInfo = { id: 'o2', subject: 'Reconnect', isCancelled: false, categories: [], attendees: [], seriesMasterId: 's1', start: new Date(NOW.getTime() + 2000 * DAY).toISOString() };
    const { deps, windows, applied } = gateway([series()], [far]);
    await stopReminders(deps, planId('p1'), NOW);
    expect(windows).toHaveLength(2);
    for (const [s, e] of windows) expect((Date.parse(e) - Date.parse(s)) / DAY).toBeLessThanOrEqual(MAX_VIEW_DAYS);
    expect(applied[0]).toEqual([expect.objectContaining({ kind: 'endSeries' })]);
  });
});

describe('viewWindows', () => {
  it('cuts a long window into contiguous pieces Graph accepts (at most 1824 days, under its 1825)', () => {
    const w = viewWindows('2027-01-01T00:00:00.000Z', new Date(Date.parse('2027-01-01T00:00:00Z') + 3200 * DAY).toISOString());
    expect(w).toHaveLength(2);
    expect(w[0]!.startUtc).toBe('2027-01-01T00:00:00.000Z');
    expect(w[1]!.startUtc).toBe(w[0]!.endUtc);
    for (const p of w) expect((Date.parse(p.endUtc) - Date.parse(p.startUtc)) / DAY).toBeLessThanOrEqual(1824);
  });
});
