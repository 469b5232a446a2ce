/**
 * POST /v1.0/me/findMeetingTimes over real HTTP against the seeded organisation: every suggestion is
 * checked against what each person's own calendarView and working hours say, so the test holds whatever
 * the seed's busy times are.
 */
import { DateTime } from 'luxon';
import type { Sandbox } from '../../../sandbox/index';
import { CLAIRE, EMILIE, SARAH, client, q, start } from './helpers';

// Tuesday 1 December 2026, 08:00 in Paris: the seed builds its calendars around this day.
const NOW = new Date('2026-12-01T07:00:00Z');
let sb: Sandbox;
beforeAll(async () => {
  sb = await start({ now: () => NOW });
});
afterAll(() => sb.close());

const PARIS = 'Europe/Paris';
const CHANCE: Record<string, number> = { free: 100, workingElsewhere: 100, tentative: 50, unknown: 49, busy: 0, oof: 0 };
const SEVERITY = ['free', 'workingElsewhere', 'tentative', 'unknown', 'busy', 'oof'];

interface Suggestion {
  confidence: number;
  order: number;
  organizerAvailability: string;
  meetingTimeSlot: { start: { dateTime: string; timeZone: string }; end: { dateTime: string; timeZone: string } };
  attendeeAvailability: Array<{ attendee: { emailAddress: { address: string } }; availability: string }>;
}

const slot = (fromDay: string, toDay: string): Record<string, unknown> => ({
  activityDomain: 'work',
  timeSlots: [{ start: { dateTime: `${fromDay}T08:00:00`, timeZone: PARIS }, end: { dateTime: `${toDay}T20:00:00`, timeZone: PARIS } }],
});

/** Busy intervals (not free) of one user, read from their own calendarView. */
async function busyOf(upn: string, from: string, to: string): Promise<Array<{ start: number; end: number; showAs: string }>> {
  const c = client(sb, upn);
  const res = await c.get(`/me/calendarView?startDateTime=${q(from)}&endDateTime=${q(to)}&$top=1000&$select=start,end,showAs`);
  expect(res.status).toBe(200);
  return (res.body.value as Array<{ start: { dateTime: string }; end: { dateTime: string }; showAs: string }>)
    .filter((e) => e.showAs !== 'free')
    .map((e) => ({ start: Date.parse(`${e.start.dateTime.slice(0, 23)}Z`), end: Date.parse(`${e.end.dateTime.slice(0, 23)}Z`), showAs: e.showAs }));
}

function worst(busy: Array<{ start: number; end: number; showAs: string }>, s: number, e: number): string {
  return busy.filter((b) => b.start < e && b.end > s).reduce((w, b) => (SEVERITY.indexOf(b.showAs) > SEVERITY.indexOf(w) ? b.showAs : w), 'free');
}

function inHours(startMs: number, endMs: number, zone: string, from: string, to: string): boolean {
  const s = DateTime.fromMillis(startMs, { zone });
  const e = DateTime.fromMillis(endMs, { zone });
  return s.weekday <= 5 && s.toFormat('HH:mm') >= from && e.toFormat('HH:mm') <= to && e.hasSame(s, 'day');
}

describe('POST /me/findMeetingTimes (HTTP, seeded organisation)', () => {
  it('suggests only times inside everyone’s working hours, reports each person’s real availability, and ranks by confidence', async () => {
    const res = await client(sb, CLAIRE).post<{ emptySuggestionsReason: string; meetingTimeSuggestions: Suggestion[] }>(
      '/me/findMeetingTimes',
      {
        attendees: [
          { type: 'required', emailAddress: { address: SARAH } },
          { type: 'required', emailAddress: { address: EMILIE } },
        ],
        timeConstraint: slot('2026-12-02', '2026-12-08'),
        meetingDuration: 'PT1H',
        maxCandidates: 20,
        minimumAttendeePercentage: 0,
      },
      { Prefer: `outlook.timezone="${PARIS}"` },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('preference-applied')).toBe(`outlook.timezone="${PARIS}"`);
    const suggestions = res.body.meetingTimeSuggestions;
    expect(res.body.emptySuggestionsReason).toBe('');
    expect(suggestions.length).toBeGreaterThan(3);

    const from = '2026-12-01T00:00:00Z';
    const to = '2026-12-10T00:00:00Z';
    const busy: Record<string, Array<{ start: number; end: number; showAs: string }>> = { [CLAIRE]: await busyOf(CLAIRE, from, to), [SARAH]: await busyOf(SARAH, from, to), [EMILIE]: await busyOf(EMILIE, from, to) };

    let previous = Infinity;
    for (const s of suggestions) {
      expect(s.meetingTimeSlot.start.timeZone).toBe(PARIS);
      const start = DateTime.fromISO(s.meetingTimeSlot.start.dateTime, { zone: PARIS });
      const end = DateTime.fromISO(s.meetingTimeSlot.end.dateTime, { zone: PARIS });
      expect(end.diff(start, 'minutes').minutes).toBe(60);
      expect([0, 30]).toContain(start.minute);
      // Seed hours: Claire 09:00–18:00 Paris, Émilie 09:30–18:00 Paris, Sarah 09:00–17:00 New York.
      expect(inHours(start.toMillis(), end.toMillis(), PARIS, '09:00', '18:00')).toBe(true);
      expect(inHours(start.toMillis(), end.toMillis(), PARIS, '09:30', '18:00')).toBe(true);
      expect(inHours(start.toMillis(), end.toMillis(), 'America/New_York', '09:00', '17:00')).toBe(true);

      const organizer = worst(busy[CLAIRE] ?? [], start.toMillis(), end.toMillis());
      expect(s.organizerAvailability).toBe(organizer);
      expect(['busy', 'oof']).not.toContain(organizer);
      const seen = s.attendeeAvailability.map((a) => a.availability);
      expect(seen).toEqual([SARAH, EMILIE].map((u) => worst(busy[u] ?? [], start.toMillis(), end.toMillis())));
      expect(s.confidence).toBeCloseTo(seen.reduce((sum, a) => sum + (CHANCE[a] ?? 0), 0) / seen.length, 1);
      expect(s.confidence).toBeLessThanOrEqual(previous);
      previous = s.confidence;
    }
  });

  it('says attendeesUnavailable when the one attendee is busy across the whole common window', async () => {
    const sarah = client(sb, SARAH);
    // Sarah blocks her whole working day on Wednesday 2 December (New York time).
    const block = await sarah.post('/me/events', {
      subject: 'Offsite',
      showAs: 'busy',
      start: { dateTime: '2026-12-02T09:00:00', timeZone: 'Eastern Standard Time' },
      end: { dateTime: '2026-12-02T17:00:00', timeZone: 'Eastern Standard Time' },
    });
    expect(block.status).toBe(201);
    const res = await client(sb, CLAIRE).post('/me/findMeetingTimes', {
      attendees: [{ type: 'required', emailAddress: { address: SARAH } }],
      timeConstraint: slot('2026-12-02', '2026-12-02'),
      meetingDuration: 'PT30M',
      minimumAttendeePercentage: 100,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ emptySuggestionsReason: 'attendeesUnavailable', meetingTimeSuggestions: [] });
    expect(res.body['@odata.context']).toBe(`${sb.graphUrl}/$metadata#microsoft.graph.meetingTimeSuggestionsResult`);
  });

  it('treats someone outside the organisation as unknown, and answers times in UTC without Prefer', async () => {
    const res = await client(sb, CLAIRE).post('/me/findMeetingTimes', {
      attendees: [{ type: 'required', emailAddress: { address: 'guest@elsewhere.example' } }],
      timeConstraint: slot('2026-12-03', '2026-12-04'),
      meetingDuration: 'PT30M',
      minimumAttendeePercentage: 0,
      maxCandidates: 1,
    });
    expect(res.status).toBe(200);
    const s = res.body.meetingTimeSuggestions[0] as Suggestion;
    expect(s.confidence).toBe(49);
    expect(s.attendeeAvailability[0]?.availability).toBe('unknown');
    expect(s.meetingTimeSlot.start.timeZone).toBe('UTC');
  });

  it.each([
    ['a malformed meetingDuration', { meetingDuration: 'one hour', timeConstraint: slot('2026-12-03', '2026-12-04') }],
    ['time slots in the past', { meetingDuration: 'PT1H', timeConstraint: slot('2026-11-02', '2026-11-03') }],
  ])('answers 400 with Graph’s error envelope for %s', async (_label, body) => {
    const res = await client(sb, CLAIRE).post('/me/findMeetingTimes', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'ErrorInvalidRequest', message: expect.any(String) });
    expect(res.body.error.innerError['request-id']).toEqual(expect.any(String));
  });
});
