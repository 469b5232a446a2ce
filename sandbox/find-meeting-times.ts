/**
 * POST /me/findMeetingTimes for the sandbox: suggestions over the organizer's and attendees' busy times and
 * working hours, in Graph's meetingTimeSuggestionsResult shape.
 *
 * Sources: Graph "user: findMeetingTimes" (parameters, defaults, the confidence rule: free 100 %, unknown
 * 49 %, busy 0 %, averaged over attendees; minimumAttendeePercentage defaults to 50; order by confidence
 * then chronology), "meetingTimeSuggestionsResult resource type" (emptySuggestionsReason values) and
 * "meetingTimeSuggestion resource type". Graph says its algorithm "undergoes fine-tuning", so what the docs
 * leave open is marked CHOICE.
 *
 * Pure: the clock (`now`) and everyone's calendars come in as arguments; the server gathers them.
 */
import { DateTime, Duration } from 'luxon';
import { CalendarRequestError, formatGraphDateTime, parseGraphDateTime, requireZone, resolveZone } from './time';

export type ShowAs = 'busy' | 'tentative' | 'oof' | 'workingElsewhere';
export type Availability = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

export interface Participant {
  email: string;
  workingHours: {
    /** Graph's day names: "monday" … */
    daysOfWeek: string[];
    /** "09:00:00.0000000" */
    startTime: string;
    endTime: string;
    timeZone: { name: string };
  };
  busy: Array<{ start: DateTime; end: DateTime; showAs: ShowAs }>;
}

/** An attendee whose free/busy the sandbox cannot see (outside the organisation). */
export interface UnknownParticipant {
  email: string;
  unknown: true;
}

export interface FindMeetingTimesInput {
  /** Graph's POST body. */
  request: unknown;
  organizer: Participant;
  /** One per attendee of the request, matched by email. */
  attendees: Array<Participant | UnknownParticipant>;
  now: DateTime;
  /** Output zone name (from Prefer: outlook.timezone; Graph uses UTC without it). */
  zone: string;
  /**
   * Where "@odata.context" points: the service root ("http://127.0.0.1:4000/v1.0") or its metadata URL
   * (".../v1.0/$metadata"); Graph's own by default.
   */
  metadataBase?: string;
}

export interface MeetingTimeSuggestion {
  confidence: number;
  order: number;
  organizerAvailability: Availability;
  suggestionReason: string;
  meetingTimeSlot: { start: { dateTime: string; timeZone: string }; end: { dateTime: string; timeZone: string } };
  attendeeAvailability: Array<{
    attendee: { type: string; emailAddress: { address: string; name?: string } };
    availability: Availability;
  }>;
  locations: Array<Record<string, unknown>>;
}

export type EmptySuggestionsReason =
  | ''
  | 'attendeesUnavailable'
  | 'attendeesUnavailableOrUnknown'
  | 'locationsUnavailable'
  | 'organizerUnavailable'
  | 'unknown';

export interface MeetingTimeSuggestionsResult {
  '@odata.context': string;
  emptySuggestionsReason: EmptySuggestionsReason;
  meetingTimeSuggestions: MeetingTimeSuggestion[];
}

/** A request findMeetingTimes refuses (the server answers 400 with Graph's envelope). */
export class FindMeetingTimesError extends CalendarRequestError {
  constructor(message: string, code = 'ErrorInvalidRequest') {
    super(code, message);
    this.name = 'FindMeetingTimesError';
  }
}

const GRID_MINUTES = 30;
const GRID_MS = GRID_MINUTES * 60_000;
/** Graph's documented default when meetingDuration is absent. */
const DEFAULT_DURATION_MINUTES = 30;
/** CHOICE: Graph documents no default; it returns a handful of suggestions. */
const DEFAULT_MAX_CANDIDATES = 10;
const DEFAULT_MINIMUM_PERCENTAGE = 50;
/** CHOICE: without timeConstraint, look over the next two days from now. */
const DEFAULT_WINDOW_DAYS = 2;
/** Bound on grid points examined, so a year-long window cannot stall the server (~3 months of grid). */
const MAX_GRID_POINTS = 4_500;
const MAX_DURATION_HOURS = 24 * 7;

/** Chance of attendance per status. free/unknown/busy are Graph's; the others are CHOICEs. */
const CHANCE: Record<Availability, number> = {
  free: 100,
  // Working elsewhere still attends (online): counts as free.
  workingElsewhere: 100,
  // Tentative: half likely, so with the default 50 % threshold a tentative attendee alone still qualifies.
  tentative: 50,
  unknown: 49,
  busy: 0,
  oof: 0,
};

/** When several entries overlap a slot, the most constraining status wins. */
const SEVERITY: Record<Availability, number> = {
  free: 0,
  workingElsewhere: 1,
  tentative: 2,
  unknown: 3,
  busy: 4,
  oof: 5,
};

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

type ActivityDomain = 'work' | 'personal' | 'unrestricted';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Graph accepts "true"/"false" strings for booleans (its own doc example sends them). */
function readBoolean(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  throw new FindMeetingTimesError(`Invalid value '${String(value)}' for parameter '${name}'.`);
}

/** Numbers may arrive as strings too ("minimumAttendeePercentage": "100" in Graph's example). */
function readNumber(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new FindMeetingTimesError(`Invalid value '${String(value)}' for parameter '${name}'.`);
  }
  return n;
}

function readDateTimeTimeZone(value: unknown, name: string): DateTime {
  if (!isRecord(value) || typeof value.dateTime !== 'string' || typeof value.timeZone !== 'string') {
    throw new FindMeetingTimesError(`The parameter '${name}' must have 'dateTime' and 'timeZone'.`);
  }
  return parseGraphDateTime({ dateTime: value.dateTime, timeZone: value.timeZone });
}

interface ParsedRequest {
  attendees: Array<{ type: string; address: string; name?: string }>;
  durationMs: number;
  slots: Array<{ start: DateTime; end: DateTime }>;
  domain: ActivityDomain;
  maxCandidates: number;
  minimumPercentage: number;
  isOrganizerOptional: boolean;
  returnSuggestionReasons: boolean;
  locationRequired: boolean;
  locations: Array<Record<string, unknown>>;
}

function parseRequest(request: unknown, now: DateTime): ParsedRequest {
  if (!isRecord(request)) throw new FindMeetingTimesError('The request body must be a JSON object.');

  const attendees: ParsedRequest['attendees'] = [];
  if (request.attendees !== undefined && request.attendees !== null) {
    if (!Array.isArray(request.attendees)) throw new FindMeetingTimesError("The parameter 'attendees' must be an array.");
    for (const raw of request.attendees as unknown[]) {
      if (!isRecord(raw) || !isRecord(raw.emailAddress) || typeof raw.emailAddress.address !== 'string') {
        throw new FindMeetingTimesError("Each attendee must have an 'emailAddress' with an 'address'.");
      }
      const type = typeof raw.type === 'string' ? raw.type : 'required';
      const name = typeof raw.emailAddress.name === 'string' ? raw.emailAddress.name : undefined;
      attendees.push({ type, address: raw.emailAddress.address, ...(name !== undefined ? { name } : {}) });
    }
  }

  let durationMs = DEFAULT_DURATION_MINUTES * 60_000;
  if (request.meetingDuration !== undefined && request.meetingDuration !== null) {
    const d = typeof request.meetingDuration === 'string' ? Duration.fromISO(request.meetingDuration) : undefined;
    if (d === undefined || !d.isValid || d.toMillis() <= 0) {
      throw new FindMeetingTimesError(`Invalid value '${String(request.meetingDuration)}' for parameter 'meetingDuration'.`);
    }
    if (d.toMillis() > MAX_DURATION_HOURS * 3_600_000) {
      throw new FindMeetingTimesError("The parameter 'meetingDuration' cannot be longer than a week.");
    }
    durationMs = d.toMillis();
  }

  let domain: ActivityDomain = 'work';
  let slots: ParsedRequest['slots'] = [];
  const tc = request.timeConstraint;
  if (tc !== undefined && tc !== null) {
    if (!isRecord(tc)) throw new FindMeetingTimesError("The parameter 'timeConstraint' must be an object.");
    if (tc.activityDomain !== undefined && tc.activityDomain !== null) {
      const d = String(tc.activityDomain).toLowerCase();
      if (d === 'work' || d === 'unknown') domain = 'work';
      else if (d === 'personal') domain = 'personal';
      else if (d === 'unrestricted') domain = 'unrestricted';
      else throw new FindMeetingTimesError(`Invalid value '${String(tc.activityDomain)}' for 'activityDomain'.`);
    }
    if (tc.timeSlots !== undefined && tc.timeSlots !== null) {
      if (!Array.isArray(tc.timeSlots)) throw new FindMeetingTimesError("The parameter 'timeSlots' must be an array.");
      slots = (tc.timeSlots as unknown[]).map((raw, i) => {
        if (!isRecord(raw)) throw new FindMeetingTimesError(`timeSlots[${i}] must be an object.`);
        const start = readDateTimeTimeZone(raw.start, `timeSlots[${i}].start`);
        const end = readDateTimeTimeZone(raw.end, `timeSlots[${i}].end`);
        if (end <= start) throw new FindMeetingTimesError(`timeSlots[${i}]: the end must be after the start.`);
        return { start, end };
      });
    }
  }
  if (slots.length === 0) {
    slots = [{ start: now, end: now.plus({ days: DEFAULT_WINDOW_DAYS }) }];
  } else if (slots.every((s) => s.end <= now)) {
    // CHOICE: a search wholly in the past is a caller's mistake worth a 400, not an empty answer.
    throw new FindMeetingTimesError('The time slots are in the past; no meeting can be suggested.');
  }

  const maxCandidates = readNumber(request.maxCandidates, 'maxCandidates', DEFAULT_MAX_CANDIDATES);
  if (!Number.isInteger(maxCandidates) || maxCandidates < 1) {
    throw new FindMeetingTimesError("The parameter 'maxCandidates' must be a positive integer.");
  }
  const minimumPercentage = readNumber(request.minimumAttendeePercentage, 'minimumAttendeePercentage', DEFAULT_MINIMUM_PERCENTAGE);
  if (minimumPercentage < 0 || minimumPercentage > 100) {
    throw new FindMeetingTimesError("The parameter 'minimumAttendeePercentage' must be from 0 to 100.");
  }

  let locationRequired = false;
  let locations: Array<Record<string, unknown>> = [];
  const lc = request.locationConstraint;
  if (isRecord(lc)) {
    locationRequired = readBoolean(lc.isRequired, 'isRequired', false);
    if (Array.isArray(lc.locations)) {
      locations = (lc.locations as unknown[]).filter(isRecord).map((l) => {
        const { resolveAvailability: _ignored, ...rest } = l;
        return rest;
      });
    }
  }

  return {
    attendees,
    durationMs,
    slots,
    domain,
    maxCandidates,
    minimumPercentage,
    isOrganizerOptional: readBoolean(request.isOrganizerOptional, 'isOrganizerOptional', false),
    returnSuggestionReasons: readBoolean(request.returnSuggestionReasons, 'returnSuggestionReasons', false),
    locationRequired,
    locations,
  };
}

/** "09:00:00.0000000" → minutes after midnight. */
function minutesOf(time: string): number {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(time.trim());
  if (m === null) return NaN;
  return Number(m[1]) * 60 + Number(m[2]) + Number(m[3] ?? '0') / 60;
}

/**
 * Whether [start, end) lies inside the participant's working hours, read in their own zone.
 * `personal` keeps the hours but allows every day of the week (the docs' table).
 */
function withinWorkingHours(p: Participant, start: DateTime, end: DateTime, domain: ActivityDomain): boolean {
  if (domain === 'unrestricted') return true;
  const zone = resolveZone(p.workingHours.timeZone.name) ?? 'UTC';
  const s = start.setZone(zone);
  const e = end.setZone(zone);
  const days = p.workingHours.daysOfWeek.map((d) => d.toLowerCase());
  const dayName = DAY_NAMES[s.weekday - 1] ?? '';
  if (domain === 'work' && !days.includes(dayName)) return false;
  const from = minutesOf(p.workingHours.startTime);
  const to = minutesOf(p.workingHours.endTime);
  if (Number.isNaN(from) || Number.isNaN(to)) return true;
  const startMinutes = s.hour * 60 + s.minute + s.second / 60;
  // The meeting must end the same local day, by the end of the working day.
  const endMinutes = e.hasSame(s, 'day') ? e.hour * 60 + e.minute + e.second / 60 : e.startOf('day').equals(e) ? 24 * 60 : Infinity;
  return startMinutes >= from && endMinutes <= to;
}

function availabilityOf(p: Participant, start: DateTime, end: DateTime): Availability {
  let worst: Availability = 'free';
  for (const b of p.busy) {
    if (b.start < end && b.end > start && SEVERITY[b.showAs] > SEVERITY[worst]) worst = b.showAs;
  }
  return worst;
}

function metadataUrl(base: string | undefined): string {
  const root = (base ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, '');
  return root.endsWith('$metadata') ? root : `${root}/$metadata`;
}

const isUnknown = (p: Participant | UnknownParticipant): p is UnknownParticipant => 'unknown' in p && p.unknown;

function reasonFor(confidence: number, organizer: Availability): string {
  if (confidence === 100) {
    return organizer === 'free'
      ? 'Suggested because it is one of the nearest times when all attendees are available.'
      : 'Suggested because all attendees are available, although the organizer has a tentative commitment.';
  }
  return 'Suggested because it is one of the nearest times when most attendees are available.';
}

/**
 * Graph's findMeetingTimes over the given calendars.
 *
 * Candidates start on a 30-minute grid (on the hour and half hour), lie wholly inside a requested time slot
 * and not before `now`, and — for activityDomain work (the default) — inside the organizer's and every
 * known attendee's working hours, each read in that person's own time zone. The organizer must be free,
 * tentative or working elsewhere unless isOrganizerOptional. Confidence is the documented average chance
 * of attendance; suggestions below minimumAttendeePercentage are dropped.
 * CHOICE on ranking: confidence high to low (so "everyone free" first, then fewer conflicts), then an
 * organizer who is free before one who is tentative, then chronological; suggestions do not overlap one
 * another (Graph's documented example returns non-overlapping slots), up to maxCandidates.
 */
export function findMeetingTimes(input: FindMeetingTimesInput): MeetingTimeSuggestionsResult {
  const req = parseRequest(input.request, input.now);
  const context = `${metadataUrl(input.metadataBase)}#microsoft.graph.meetingTimeSuggestionsResult`;
  const outputZone = input.zone;
  requireZone(outputZone); // an unknown Prefer zone is a 400, before any work

  const byEmail = new Map(input.attendees.map((a) => [a.email.toLowerCase(), a]));
  const people = req.attendees.map((a) => ({
    request: a,
    participant: byEmail.get(a.address.toLowerCase()) ?? ({ email: a.address, unknown: true } as UnknownParticipant),
  }));

  const empty = (reason: EmptySuggestionsReason): MeetingTimeSuggestionsResult => ({
    '@odata.context': context,
    emptySuggestionsReason: reason,
    meetingTimeSuggestions: [],
  });

  // CHOICE: the sandbox has no rooms, so a required location that it would have to find is unavailable.
  if (req.locationRequired && req.locations.length === 0) return empty('locationsUnavailable');

  interface Candidate {
    start: DateTime;
    end: DateTime;
    organizer: Availability;
    attendees: Availability[];
    confidence: number;
  }
  const candidates: Candidate[] = [];
  let gridPoints = 0;
  let outsideOrganizerHours = 0;
  let outsideAttendeeHours = 0;
  let organizerBusy = 0;
  const nowMs = input.now.toMillis();

  for (const slot of req.slots) {
    const from = Math.max(slot.start.toMillis(), nowMs);
    let t = Math.ceil(from / GRID_MS) * GRID_MS;
    for (; t + req.durationMs <= slot.end.toMillis() && gridPoints < MAX_GRID_POINTS; t += GRID_MS) {
      gridPoints += 1;
      const start = DateTime.fromMillis(t, { zone: 'UTC' });
      const end = DateTime.fromMillis(t + req.durationMs, { zone: 'UTC' });
      if (!withinWorkingHours(input.organizer, start, end, req.domain)) {
        outsideOrganizerHours += 1;
        continue;
      }
      const knownOutside = people.some(
        (p) => !isUnknown(p.participant) && !withinWorkingHours(p.participant, start, end, req.domain),
      );
      if (knownOutside) {
        outsideAttendeeHours += 1;
        continue;
      }
      const organizer = availabilityOf(input.organizer, start, end);
      if (!req.isOrganizerOptional && (organizer === 'busy' || organizer === 'oof')) {
        organizerBusy += 1;
        continue;
      }
      const attendees = people.map((p) => (isUnknown(p.participant) ? 'unknown' : availabilityOf(p.participant, start, end)));
      // With no attendees Graph looks for the organizer alone: the organizer's chance is the confidence.
      const chances = attendees.length > 0 ? attendees.map((a) => CHANCE[a]) : [CHANCE[organizer]];
      const confidence = Math.round((chances.reduce((a, b) => a + b, 0) / chances.length) * 100) / 100;
      candidates.push({ start, end, organizer, attendees, confidence });
    }
  }

  const qualifying = candidates.filter((c) => c.confidence >= req.minimumPercentage);
  if (qualifying.length === 0) {
    if (candidates.length > 0) {
      return empty(people.some((p) => isUnknown(p.participant)) ? 'attendeesUnavailableOrUnknown' : 'attendeesUnavailable');
    }
    if (organizerBusy > 0 || (outsideOrganizerHours > 0 && outsideAttendeeHours === 0)) {
      return empty(req.isOrganizerOptional ? 'unknown' : 'organizerUnavailable');
    }
    if (outsideAttendeeHours > 0) return empty('attendeesUnavailable');
    return empty('unknown');
  }

  const organizerRank = (a: Availability): number => (a === 'free' ? 0 : 1);
  qualifying.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      organizerRank(a.organizer) - organizerRank(b.organizer) ||
      a.start.toMillis() - b.start.toMillis(),
  );
  const chosen: Candidate[] = [];
  for (const c of qualifying) {
    if (chosen.length >= req.maxCandidates) break;
    if (chosen.some((o) => o.start < c.end && c.start < o.end)) continue;
    chosen.push(c);
  }

  return {
    '@odata.context': context,
    emptySuggestionsReason: '',
    meetingTimeSuggestions: chosen.map((c, i) => ({
      confidence: c.confidence,
      order: i + 1,
      organizerAvailability: c.organizer,
      suggestionReason: req.returnSuggestionReasons ? reasonFor(c.confidence, c.organizer) : '',
      meetingTimeSlot: { start: formatGraphDateTime(c.start, outputZone), end: formatGraphDateTime(c.end, outputZone) },
      attendeeAvailability: people.map((p, j) => ({
        attendee: {
          type: p.request.type,
          emailAddress: { address: p.request.address, ...(p.request.name !== undefined ? { name: p.request.name } : {}) },
        },
        availability: c.attendees[j] ?? 'unknown',
      })),
      locations: req.locations.map((l) => ({ ...l })),
    })),
  };
}
