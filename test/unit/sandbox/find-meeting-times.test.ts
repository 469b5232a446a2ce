import { DateTime } from 'luxon';
import {
  findMeetingTimes,
  FindMeetingTimesError,
  type MeetingTimeSuggestionsResult,
  type Participant,
  type ShowAs,
} from '../../../sandbox/find-meeting-times';
import { TimeZoneError } from '../../../sandbox/time';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const utc = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' });

function person(email: string, zone: string, busy: Array<[string, string, ShowAs]> = [], hours: [string, string] = ['09:00:00.0000000', '17:00:00.0000000']): Participant {
  return {
    email,
    workingHours: { daysOfWeek: WEEKDAYS, startTime: hours[0], endTime: hours[1], timeZone: { name: zone } },
    busy: busy.map(([start, end, showAs]) => ({ start: utc(start), end: utc(end), showAs })),
  };
}

// Tuesday 1 December 2026, 07:00 UTC (08:00 Paris). Paris is UTC+1, New York UTC-5 in December.
const NOW = utc('2026-12-01T07:00:00Z');
const organizer = person('manon@contoso.fr', 'Romance Standard Time');
const lea = person('lea@contoso.fr', 'Europe/Paris');
const sam = person('sam@contoso.com', 'Eastern Standard Time');

function body(overrides: Record<string, unknown> = {}, emails = ['lea@contoso.fr']): Record<string, unknown> {
  return {
    attendees: emails.map((address) => ({ type: 'required', emailAddress: { address } })),
    timeConstraint: {
      activityDomain: 'work',
      timeSlots: [
        { start: { dateTime: '2026-12-01T09:00:00', timeZone: 'Europe/Paris' }, end: { dateTime: '2026-12-01T17:00:00', timeZone: 'Europe/Paris' } },
      ],
    },
    meetingDuration: 'PT1H',
    ...overrides,
  };
}

function run(request: unknown, attendees: Parameters<typeof findMeetingTimes>[0]['attendees'] = [lea], opts: { organizer?: Participant; zone?: string } = {}): MeetingTimeSuggestionsResult {
  return findMeetingTimes({ request, organizer: opts.organizer ?? organizer, attendees, now: NOW, zone: opts.zone ?? 'Europe/Paris' });
}

const starts = (r: MeetingTimeSuggestionsResult): string[] => r.meetingTimeSuggestions.map((s) => s.meetingTimeSlot.start.dateTime.slice(11, 16));

describe('findMeetingTimes', () => {
  it("answers in Graph's shape with times in the Prefer zone", () => {
    const r = run(body({ maxCandidates: 2, returnSuggestionReasons: true }), [lea], { zone: 'Pacific Standard Time' });
    expect(r['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.meetingTimeSuggestionsResult');
    expect(r.emptySuggestionsReason).toBe('');
    expect(r.meetingTimeSuggestions[0]).toEqual({
      confidence: 100,
      order: 1,
      organizerAvailability: 'free',
      suggestionReason: 'Suggested because it is one of the nearest times when all attendees are available.',
      meetingTimeSlot: {
        start: { dateTime: '2026-12-01T00:00:00.0000000', timeZone: 'Pacific Standard Time' },
        end: { dateTime: '2026-12-01T01:00:00.0000000', timeZone: 'Pacific Standard Time' },
      },
      attendeeAvailability: [{ attendee: { type: 'required', emailAddress: { address: 'lea@contoso.fr' } }, availability: 'free' }],
      locations: [],
    });
  });

  it('points @odata.context at the server it is given, from its root or its $metadata URL', () => {
    const ctx = (metadataBase: string): string =>
      findMeetingTimes({ request: body(), organizer, attendees: [lea], now: NOW, zone: 'UTC', metadataBase })['@odata.context'];
    const expected = 'http://127.0.0.1:4000/v1.0/$metadata#microsoft.graph.meetingTimeSuggestionsResult';
    expect(ctx('http://127.0.0.1:4000/v1.0')).toBe(expected);
    expect(ctx('http://127.0.0.1:4000/v1.0/')).toBe(expected);
    expect(ctx('http://127.0.0.1:4000/v1.0/$metadata')).toBe(expected);
  });

  it('offers the nearest free hours first, on the half-hour grid, without overlapping suggestions', () => {
    const busyLea = person('lea@contoso.fr', 'Europe/Paris', [['2026-12-01T08:00:00Z', '2026-12-01T09:30:00Z', 'busy']]);
    // Lea busy 09:00–10:30 Paris; everyone is free from 10:30.
    const r = run(body({ maxCandidates: 3, minimumAttendeePercentage: 100 }), [busyLea]);
    expect(starts(r)).toEqual(['10:30', '11:30', '12:30']);
    expect(r.meetingTimeSuggestions.map((s) => s.order)).toEqual([1, 2, 3]);
  });

  it('ranks all-free slots first, then slots with fewer conflicts, with lower confidence', () => {
    // Lea busy all morning until 16:00 Paris; Sam is free. Two attendees: a Lea conflict is 50 %.
    const busyLea = person('lea@contoso.fr', 'Europe/Paris', [['2026-12-01T08:00:00Z', '2026-12-01T15:00:00Z', 'busy']]);
    const r = run(body({}, ['lea@contoso.fr', 'sam@contoso.com']), [busyLea, sam]);
    // Working-hours overlap Paris/New York is 15:00–17:00 Paris.
    expect(starts(r)).toEqual(['16:00', '15:00']);
    expect(r.meetingTimeSuggestions.map((s) => s.confidence)).toEqual([100, 50]);
    expect(r.meetingTimeSuggestions[1]?.attendeeAvailability.map((a) => a.availability)).toEqual(['busy', 'free']);
  });

  it("keeps to every attendee's working hours in their own zone", () => {
    const r = run(body({}, ['lea@contoso.fr', 'sam@contoso.com']), [lea, sam]);
    // Sam (New York) starts at 09:00 EST = 15:00 Paris.
    expect(starts(r)).toEqual(['15:00', '16:00']);
  });

  it('follows each zone’s own DST: in the weeks New York has changed and Paris not, the overlap starts an hour earlier', () => {
    // New York moves to EDT on 14 March 2027, Paris to CEST on 28 March: on 16 March 09:00 EDT = 14:00 Paris.
    const march = body(
      {
        maxCandidates: 1,
        timeConstraint: {
          timeSlots: [{ start: { dateTime: '2027-03-16T08:00:00', timeZone: 'Europe/Paris' }, end: { dateTime: '2027-03-16T18:00:00', timeZone: 'Europe/Paris' } }],
        },
      },
      ['sam@contoso.com'],
    );
    expect(starts(run(march, [sam]))).toEqual(['14:00']);
    expect(run(march, [sam], { zone: 'Eastern Standard Time' }).meetingTimeSuggestions[0]?.meetingTimeSlot.start).toEqual({
      dateTime: '2027-03-16T09:00:00.0000000',
      timeZone: 'Eastern Standard Time',
    });
  });

  it('activityDomain unrestricted ignores working hours; personal allows weekends', () => {
    const evening = body({
      maxCandidates: 1,
      timeConstraint: {
        activityDomain: 'unrestricted',
        timeSlots: [{ start: { dateTime: '2026-12-01T20:00:00', timeZone: 'Europe/Paris' }, end: { dateTime: '2026-12-01T22:00:00', timeZone: 'Europe/Paris' } }],
      },
    });
    expect(starts(run(evening))).toEqual(['20:00']);
    expect(run({ ...evening, timeConstraint: { ...(evening.timeConstraint as object), activityDomain: 'work' } }).meetingTimeSuggestions).toEqual([]);

    const saturday = (domain: string): Record<string, unknown> =>
      body({
        maxCandidates: 1,
        timeConstraint: {
          activityDomain: domain,
          timeSlots: [{ start: { dateTime: '2026-12-05T09:00:00', timeZone: 'Europe/Paris' }, end: { dateTime: '2026-12-05T12:00:00', timeZone: 'Europe/Paris' } }],
        },
      });
    expect(starts(run(saturday('personal')))).toEqual(['09:00']);
    expect(run(saturday('work')).meetingTimeSuggestions).toEqual([]);
  });

  it('never suggests a time before now', () => {
    const late = findMeetingTimes({ request: body({ maxCandidates: 1 }), organizer, attendees: [lea], now: utc('2026-12-01T10:10:00Z'), zone: 'Europe/Paris' });
    expect(starts(late)).toEqual(['11:30']);
  });

  it('a tentative organizer is acceptable but ranked after a free one; a busy organizer is not', () => {
    const org = person('manon@contoso.fr', 'Europe/Paris', [
      ['2026-12-01T08:00:00Z', '2026-12-01T10:00:00Z', 'tentative'],
      ['2026-12-01T10:00:00Z', '2026-12-01T15:00:00Z', 'busy'],
    ]);
    const r = run(body({ maxCandidates: 5 }), [lea], { organizer: org });
    expect(starts(r)).toEqual(['16:00', '09:00', '10:00']);
    expect(r.meetingTimeSuggestions.map((s) => s.organizerAvailability)).toEqual(['free', 'tentative', 'tentative']);
  });

  it('minimumAttendeePercentage filters out weaker slots (strings accepted as in Graph’s example)', () => {
    const busyLea = person('lea@contoso.fr', 'Europe/Paris', [['2026-12-01T08:00:00Z', '2026-12-01T15:00:00Z', 'busy']]);
    const r = run(body({ minimumAttendeePercentage: '100' }, ['lea@contoso.fr', 'sam@contoso.com']), [busyLea, sam]);
    expect(starts(r)).toEqual(['16:00']);
  });

  it('defaults to 30 minutes and respects maxCandidates', () => {
    const r = run(body({ meetingDuration: undefined, maxCandidates: 4 }));
    expect(r.meetingTimeSuggestions).toHaveLength(4);
    const s = r.meetingTimeSuggestions[0]?.meetingTimeSlot;
    expect([s?.start.dateTime, s?.end.dateTime]).toEqual(['2026-12-01T09:00:00.0000000', '2026-12-01T09:30:00.0000000']);
  });

  it('treats an attendee outside the organisation as unknown (49 %)', () => {
    const r = run(body({ minimumAttendeePercentage: 0, maxCandidates: 1 }, ['guest@example.org']), [{ email: 'guest@example.org', unknown: true }]);
    expect(r.meetingTimeSuggestions[0]?.confidence).toBe(49);
    expect(r.meetingTimeSuggestions[0]?.attendeeAvailability[0]?.availability).toBe('unknown');
  });

  it('echoes the requested locations on each suggestion', () => {
    const r = run(body({ maxCandidates: 1, locationConstraint: { isRequired: false, locations: [{ resolveAvailability: false, displayName: 'Salle Hugo' }] } }));
    expect(r.meetingTimeSuggestions[0]?.locations).toEqual([{ displayName: 'Salle Hugo' }]);
  });

  describe('emptySuggestionsReason', () => {
    it('organizerUnavailable when the organizer is busy all window', () => {
      const org = person('manon@contoso.fr', 'Europe/Paris', [['2026-12-01T08:00:00Z', '2026-12-01T16:00:00Z', 'oof']]);
      expect(run(body(), [lea], { organizer: org })).toEqual({
        '@odata.context': expect.any(String),
        emptySuggestionsReason: 'organizerUnavailable',
        meetingTimeSuggestions: [],
      });
    });

    it('attendeesUnavailable when known attendees are all busy', () => {
      const busyLea = person('lea@contoso.fr', 'Europe/Paris', [['2026-12-01T08:00:00Z', '2026-12-01T16:00:00Z', 'busy']]);
      expect(run(body(), [busyLea]).emptySuggestionsReason).toBe('attendeesUnavailable');
    });

    it('attendeesUnavailableOrUnknown when an unknown attendee keeps confidence under the threshold', () => {
      expect(run(body({}, ['guest@example.org']), [{ email: 'guest@example.org', unknown: true }]).emptySuggestionsReason).toBe('attendeesUnavailableOrUnknown');
    });

    it('locationsUnavailable when a location is required and none can be found', () => {
      expect(run(body({ locationConstraint: { isRequired: true, suggestLocation: true } })).emptySuggestionsReason).toBe('locationsUnavailable');
    });

    it('unknown when the window is shorter than the meeting', () => {
      expect(run(body({ meetingDuration: 'PT9H' })).emptySuggestionsReason).toBe('unknown');
    });
  });

  describe('refuses bad requests with a typed 400', () => {
    it.each([
      ['a non-object body', 'hello'],
      ['a malformed duration', body({ meetingDuration: '1 hour' })],
      ['a zero duration', body({ meetingDuration: 'PT0M' })],
      ['time slots in the past', body({ timeConstraint: { timeSlots: [{ start: { dateTime: '2026-11-01T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-01T17:00:00', timeZone: 'UTC' } }] } })],
      ['a slot ending before it starts', body({ timeConstraint: { timeSlots: [{ start: { dateTime: '2026-12-02T17:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-02T09:00:00', timeZone: 'UTC' } }] } })],
      ['a slot without timeZone', body({ timeConstraint: { timeSlots: [{ start: { dateTime: '2026-12-02T09:00:00' }, end: { dateTime: '2026-12-02T17:00:00', timeZone: 'UTC' } }] } })],
      ['maxCandidates 0', body({ maxCandidates: 0 })],
      ['minimumAttendeePercentage 150', body({ minimumAttendeePercentage: 150 })],
      ['an unknown activityDomain', body({ timeConstraint: { activityDomain: 'leisure' } })],
      ['an attendee without address', body({ attendees: [{ type: 'required', emailAddress: {} }] })],
    ])('%s', (_label, request) => {
      expect(() => run(request)).toThrow(FindMeetingTimesError);
      try {
        run(request);
      } catch (err) {
        expect(err).toMatchObject({ status: 400, code: 'ErrorInvalidRequest' });
      }
    });

    it('an unknown time zone in a slot or in Prefer', () => {
      const badSlot = body({ timeConstraint: { timeSlots: [{ start: { dateTime: '2026-12-02T09:00:00', timeZone: 'Mars' }, end: { dateTime: '2026-12-02T17:00:00', timeZone: 'UTC' } }] } });
      expect(() => run(badSlot)).toThrow(TimeZoneError);
      expect(() => run(body(), [lea], { zone: 'Mars' })).toThrow(TimeZoneError);
    });
  });
});
