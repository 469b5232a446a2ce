import type * as MG from '@microsoft/microsoft-graph-types';
import { AppError } from '../domain/errors';
import type { Recurrence } from '../domain/cadence/model';
import type { IanaTimeZone, IsoDate, Weekday, WorkingHours } from '../domain/types';
import { layOut, type BatchLayout } from './batch';
import { MAX_BATCH, type BatchRequestItem, type BatchResponseItem, type GraphClient } from './client';
import { graphError, isRetryableStatus, parseRetryAfter } from './errors';
import { EVENT_SELECT, fromGraphEvent, fromGraphEventIn, toGraphEvent, toGraphRecurrence, type EventDraft, type EventInfo } from './mappers';
import { OUTLOOK_MAX_PAGE, odataString, queryString } from './odata';
import { SCOPES } from './scopes';
import { AU_REVOIR_CATEGORY } from '../domain/category';
import { PLAN_TAG_ID, TAG_EXPAND, tagFilter } from './tags';
import { requireIanaZone, resolveZone } from './timezones';

export interface MeetingSlot {
  /** ISO instants (UTC, `Z`). */
  readonly start: string;
  readonly end: string;
  readonly confidence: number;
  readonly organizerAvailability: string;
}

/**
 * What getSchedule says of one address over the asked window. `unknown` is its own answer, never "free":
 * Graph answers an address it cannot read with an entry carrying only a freeBusyError
 * (scheduleInformation.error, https://learn.microsoft.com/graph/api/resources/scheduleinformation; a real
 * one quoted in microsoftgraph/microsoft-graph-docs#11225), and may leave an address out altogether.
 */
export type Availability = 'free' | 'busy' | 'unknown';

export interface BusyInfo {
  readonly email: string;
  readonly availability: Availability;
}

export interface MailboxInfo {
  readonly timeZone: IanaTimeZone;
  readonly workingHours: WorkingHours;
  /** The mailbox's language, e.g. `fr-FR`, when Outlook has one. */
  readonly locale?: string;
}

/** Online meeting providers of a calendar, as `GET /me/calendar` gives them. */
export interface CalendarInfo {
  /** e.g. ["teamsForBusiness"]; empty when the mailbox may not create online meetings. */
  readonly allowedOnlineMeetingProviders: readonly string[];
  readonly defaultOnlineMeetingProvider: string;
  /** Whether an event POSTed as a Teams meeting would get a join link. */
  readonly teamsAllowed: boolean;
}

/**
 * calendarView and /instances refuse windows longer than this many days with 400 ErrorInvalidRequest
 * "Maximum number of days: 1825" (microsoftgraph/microsoft-graph-docs-contrib issue 6321). How Exchange
 * counts a day (24 h spans or calendar dates) is not documented, so the app's windows stay one day
 * shorter (see `MAX_VIEW_DAYS`).
 */
export const GRAPH_MAX_VIEW_DAYS = 1825;
/** The longest window the app asks for: a day under Graph's limit, whichever way Exchange counts days. */
export const MAX_VIEW_DAYS = GRAPH_MAX_VIEW_DAYS - 1;
const DAY_MS = 86_400_000;

/** [start, end) cut into consecutive windows of at most MAX_VIEW_DAYS. */
export const viewWindows = (startUtc: string, endUtc: string): Array<{ startUtc: string; endUtc: string }> => {
  const end = Date.parse(endUtc);
  const out: Array<{ startUtc: string; endUtc: string }> = [];
  for (let from = Date.parse(startUtc); from < end; from += MAX_VIEW_DAYS * DAY_MS) {
    out.push({ startUtc: new Date(from).toISOString(), endUtc: new Date(Math.min(end, from + MAX_VIEW_DAYS * DAY_MS)).toISOString() });
  }
  return out;
};

export interface EventPatch {
  readonly start?: { readonly dateTime: string; readonly timeZone: string };
  readonly end?: { readonly dateTime: string; readonly timeZone: string };
}

/** A change to one of the app's events, applied with others in `applyChanges`. */
export type CalendarChange =
  | { readonly kind: 'delete'; readonly id: string }
  /** Cancels a meeting the user organises; its attendees get `comment`. */
  | { readonly kind: 'cancel'; readonly id: string; readonly comment: string }
  /** Ends a series on `endDate`; `recurrence` is the series' current one (Graph replaces the whole object). */
  | { readonly kind: 'endSeries'; readonly id: string; readonly recurrence: Recurrence; readonly endDate: IsoDate };

export interface ApplyChangesOptions {
  /** Injected so tests can observe waits; defaults to setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Rounds in a row that settle nothing before applyChanges gives up, and the longest Retry-After honoured. */
const CHANGE_ROUNDS = 4;
const MAX_WAIT_SECONDS = 30;

export interface CalendarGateway {
  mailboxSettings(): Promise<MailboxInfo>;
  /** The default calendar's online meeting providers: whether Teams meetings can be booked at all. */
  calendarInfo(): Promise<CalendarInfo>;
  categories(): Promise<string[]>;
  ensureCategory(name: string, color: string): Promise<'created' | 'existed'>;
  findMeetingTimes(input: { attendeeEmail: string; startUtc: string; endUtc: string; durationMinutes: number }): Promise<MeetingSlot[]>;
  /** Free/busy of each address over [startUtc, endUtc). */
  freeBusy(input: { emails: readonly string[]; startUtc: string; endUtc: string }): Promise<BusyInfo[]>;
  getEvent(id: string): Promise<EventInfo>;
  /**
   * Deletes, cancels and ends series in `$batch` round trips (20 a batch, one batch at a time: Graph
   * feeds each to the mailbox 4 items at a time) rather than one request each. Already gone counts as
   * done; throttled items are retried after Retry-After, in sequential batches.
   */
  applyChanges(changes: readonly CalendarChange[], options?: ApplyChangesOptions): Promise<void>;
  createEvent(draft: EventDraft): Promise<EventInfo>;
  updateEvent(id: string, patch: EventPatch): Promise<void>;
  deleteEvent(id: string): Promise<void>;
  /** The plan's tagged events (singles and series masters). */
  planEvents(planId: string): Promise<EventInfo[]>;
  /** Every event the app booked (singles and series masters), tags included. */
  appEvents(): Promise<EventInfo[]>;
  /**
   * Occurrences of the app's events in a window (series expanded), UTC times. A window longer than
   * Graph's calendarView limit is asked for in consecutive pieces.
   */
  appOccurrences(startUtc: string, endUtc: string): Promise<EventInfo[]>;
}

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const hhmm = (t: string | null | undefined, fallback: string): string => (t ? t.slice(0, 5) : fallback);
const utc = (dt: string | null | undefined): string => (dt ? (/[zZ]|[+-]\d\d:\d\d$/.test(dt) ? dt : `${dt.replace(/\.\d+$/, '')}Z`) : '');

const CAL_WRITE = [SCOPES.calendarsReadWrite];
const eventPath = (id: string): string => `/me/events/${encodeURIComponent(id)}`;

const changeItem = (change: CalendarChange, id: string): BatchRequestItem => {
  switch (change.kind) {
    case 'delete':
      return { id, method: 'DELETE', url: eventPath(change.id) };
    case 'cancel':
      return { id, method: 'POST', url: `${eventPath(change.id)}/cancel`, body: { comment: change.comment }, headers: { 'Content-Type': 'application/json' } };
    case 'endSeries': {
      const { pattern, range } = change.recurrence;
      const recurrence = toGraphRecurrence({
        pattern,
        range: { type: 'endDate', startDate: range.startDate, endDate: change.endDate, recurrenceTimeZone: range.recurrenceTimeZone },
      });
      return { id, method: 'PATCH', url: eventPath(change.id), body: { recurrence }, headers: { 'Content-Type': 'application/json' } };
    }
  }
};

export const createCalendarGateway = (graph: GraphClient): CalendarGateway => {
  /**
   * Events as the app reads them. A series whose zone Graph does not name (recurrenceTimeZone "" or
   * "Customized Time Zone" with a custom originalStartTimeZone) is read again with the mailbox's zone,
   * fetched once and only then; if that too names no zone, the read fails rather than guessing.
   */
  const readEvents = async (raw: MG.Event[]): Promise<EventInfo[]> => {
    const first = raw.map((e) => fromGraphEvent(e));
    if (!first.some((e) => e.recurrenceZoneUnresolved)) return first;
    const { timeZone } = await gateway.mailboxSettings();
    return raw.map((e, i) => (first[i]!.recurrenceZoneUnresolved ? fromGraphEventIn(timeZone)(e) : first[i]!));
  };

  /** Master categories known to exist in this session (lower-cased names). */
  const knownCategories = new Set<string>();

  const gateway: CalendarGateway = {
    async mailboxSettings() {
      const s = await graph.get<MG.MailboxSettings>(`/me/mailboxSettings${queryString({ $select: 'timeZone,workingHours,language' })}`, {
        scopes: [SCOPES.mailboxSettingsReadWrite],
      });
      // Windows or IANA (user-update-mailboxsettings); never UTC by default: a wrong zone books at wrong hours.
      const zone = requireIanaZone(s.timeZone, 'mailbox settings timeZone');
      const wh = s.workingHours;
      const daysOfWeek = (wh?.daysOfWeek ?? ['monday', 'tuesday', 'wednesday', 'thursday', 'friday']).filter((d): d is Weekday =>
        WEEKDAYS.has(d),
      );
      return {
        timeZone: zone,
        ...(s.language?.locale ? { locale: s.language.locale } : {}),
        workingHours: {
          daysOfWeek,
          startTime: hhmm(wh?.startTime, '09:00'),
          endTime: hhmm(wh?.endTime, '18:00'),
          // Working hours may have their own zone (workingHours resource); a custom one falls back to the mailbox's.
          timeZone: (wh?.timeZone?.name ? (resolveZone(wh.timeZone.name) ?? zone) : zone),
        },
      };
    },

    async calendarInfo() {
      // https://learn.microsoft.com/graph/api/resources/calendar (allowedOnlineMeetingProviders,
      // defaultOnlineMeetingProvider; values per https://learn.microsoft.com/graph/api/resources/onlinemeetingprovidertype).
      const c = await graph.get<MG.Calendar>(`/me/calendar${queryString({ $select: 'allowedOnlineMeetingProviders,defaultOnlineMeetingProvider' })}`, {
        scopes: CAL_WRITE,
      });
      const allowed: string[] = (c.allowedOnlineMeetingProviders ?? []).map(String);
      return {
        allowedOnlineMeetingProviders: allowed,
        defaultOnlineMeetingProvider: c.defaultOnlineMeetingProvider ?? 'unknown',
        teamsAllowed: allowed.includes('teamsForBusiness'),
      };
    },

    async categories() {
      const list = await graph.getAll<MG.OutlookCategory>(`/me/outlook/masterCategories${queryString({ $select: 'id,displayName,color' })}`, {
        scopes: [SCOPES.mailboxSettingsReadWrite],
      });
      return list.map((c) => c.displayName ?? '').filter(Boolean);
    },

    async ensureCategory(name, color) {
      // Known to exist in this session: nothing to ask.
      if (knownCategories.has(name.toLowerCase())) return 'existed';
      try {
        await graph.post('/me/outlook/masterCategories', { displayName: name, color }, { scopes: [SCOPES.mailboxSettingsReadWrite] });
        knownCategories.add(name.toLowerCase());
        return 'created';
      } catch (e) {
        // A duplicate is not documented as 409 (https://learn.microsoft.com/en-us/graph/api/outlookuser-post-mastercategories
        // lists no error for it), so any 4xx but a throttle means "look it up" by its name.
        if (!AppError.is(e) || e.status === undefined || e.status < 400 || e.status >= 500 || e.status === 429) throw e;
        const found = await graph.get<{ value?: MG.OutlookCategory[] }>(
          `/me/outlook/masterCategories${queryString({ $filter: `displayName eq ${odataString(name)}`, $select: 'id,displayName' })}`,
          { scopes: [SCOPES.mailboxSettingsReadWrite] },
        );
        if (!(found.value ?? []).some((c) => (c.displayName ?? '').toLowerCase() === name.toLowerCase())) throw e;
        knownCategories.add(name.toLowerCase());
        return 'existed';
      }
    },

    async findMeetingTimes({ attendeeEmail, startUtc, endUtc, durationMinutes }) {
      const body = {
        attendees: [{ type: 'required', emailAddress: { address: attendeeEmail } }],
        timeConstraint: {
          activityDomain: 'work',
          timeSlots: [{ start: { dateTime: startUtc.replace(/Z$/, ''), timeZone: 'UTC' }, end: { dateTime: endUtc.replace(/Z$/, ''), timeZone: 'UTC' } }],
        },
        meetingDuration: `PT${durationMinutes}M`,
        maxCandidates: 20,
        isOrganizerOptional: false,
        returnSuggestionReasons: true,
        minimumAttendeePercentage: 100,
      };
      // UTC in, UTC out (Prefer header), so the UI gets unambiguous instants.
      const res = await graph.post<MG.MeetingTimeSuggestionsResult>('/me/findMeetingTimes', body, {
        scopes: [SCOPES.calendarsReadShared],
        timeZone: 'UTC',
      });
      return (res.meetingTimeSuggestions ?? []).map((s) => ({
        start: utc(s.meetingTimeSlot?.start?.dateTime),
        end: utc(s.meetingTimeSlot?.end?.dateTime),
        confidence: s.confidence ?? 0,
        organizerAvailability: s.organizerAvailability ?? 'unknown',
      }));
    },

    async freeBusy({ emails, startUtc, endUtc }) {
      const res = await graph.post<{ value?: MG.ScheduleInformation[] }>(
        '/me/calendar/getSchedule',
        {
          schedules: [...emails],
          startTime: { dateTime: startUtc.replace(/Z$/, ''), timeZone: 'UTC' },
          endTime: { dateTime: endUtc.replace(/Z$/, ''), timeZone: 'UTC' },
          availabilityViewInterval: 15,
        },
        { scopes: CAL_WRITE, timeZone: 'UTC' },
      );
      const startMs = Date.parse(startUtc);
      const endMs = Date.parse(endUtc);
      return emails.map((email): BusyInfo => {
        const info = (res.value ?? []).find((v) => (v.scheduleId ?? '').toLowerCase() === email.toLowerCase());
        if (!info || info.error) return { email, availability: 'unknown' };
        // availabilityView covers exactly the asked window (0 free, 1 tentative, 2 busy, 3 away, 4 elsewhere):
        // anything but 0 is a conflict, even when the items themselves are hidden from us.
        const view = info.availabilityView ?? '';
        const items = info.scheduleItems;
        const itemBusy = (items ?? []).some((item) => {
          if (item.status === 'free') return false;
          const s = Date.parse(utc(item.start?.dateTime));
          const e = Date.parse(utc(item.end?.dateTime));
          return s < endMs && e > startMs;
        });
        if (itemBusy || /[^0]/.test(view)) return { email, availability: 'busy' };
        // Free only when Graph said so: a view of zeros, or a list of items with none in the way.
        return view !== '' || Array.isArray(items) ? { email, availability: 'free' } : { email, availability: 'unknown' };
      });
    },

    async getEvent(id) {
      return fromGraphEvent(await graph.get<MG.Event>(`${eventPath(id)}${queryString({ $select: EVENT_SELECT, $expand: TAG_EXPAND })}`, { scopes: CAL_WRITE }));
    },

    async createEvent(draft) {
      return fromGraphEvent(await graph.post<MG.Event>('/me/events', toGraphEvent(draft), { scopes: CAL_WRITE }));
    },

    async updateEvent(id, patch) {
      const body: MG.Event = {
        ...(patch.start ? { start: patch.start } : {}),
        ...(patch.end ? { end: patch.end } : {}),
      };
      await graph.patch(eventPath(id), body, { scopes: CAL_WRITE });
    },

    async deleteEvent(id) {
      try {
        await graph.delete(eventPath(id), { scopes: CAL_WRITE });
      } catch (e) {
        // Already gone is what the caller wanted.
        if (!(AppError.is(e) && e.status === 404)) throw e;
      }
    },

    async applyChanges(changes, options = {}) {
      const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
      // Fully parallel batches, one at a time: Graph feeds each to the mailbox four items at a time, which is
      // the mailbox's whole allowance, so nothing else of ours runs meanwhile (graph/batch.ts has the rules
      // and sources). Where Graph answers the items beyond four with 429 instead (older field reports), what
      // is left goes after Retry-After in fully sequential batches, one item at a time.
      let layout: BatchLayout = 'parallel';
      let pending = [...changes];
      // Rounds in a row that settled nothing: a sequential batch settles at least its first item per round
      // (a 404 there ends the chain with 424s, and those simply go again), so only these are bounded.
      let idle = 0;
      while (pending.length > 0) {
        const failed: { change: CalendarChange; response: BatchResponseItem | undefined }[] = [];
        let settled = 0;
        for (let from = 0; from < pending.length; from += MAX_BATCH) {
          const chunk = pending.slice(from, from + MAX_BATCH);
          const items = layOut(chunk.map((c, i) => changeItem(c, String(i + 1))), layout);
          const responses = await graph.batch(items, { scopes: CAL_WRITE, what: 'calendar changes $batch' });
          chunk.forEach((change, i) => {
            const r = responses[i];
            // Deleting or cancelling what is already gone is what the caller wanted.
            const done = r && ((r.status >= 200 && r.status < 300) || (r.status === 404 && change.kind !== 'endSeries'));
            if (done) settled += 1;
            else failed.push({ change, response: r });
          });
        }
        if (failed.length === 0) return;
        idle = settled > 0 ? 0 : idle + 1;
        // 424: not run because the item before it in a sequential batch failed; it can simply go again.
        const canRetry = failed.every((f) => f.response && (isRetryableStatus(f.response.status) || f.response.status === 424));
        if (!canRetry || idle >= CHANGE_ROUNDS) {
          const worst = failed.find((f) => f.response?.status !== 424) ?? failed[0]!;
          throw worst.response && worst.response.status > 0
            ? graphError({ status: worst.response.status, body: worst.response.body, headers: worst.response.headers, what: `${worst.change.kind} event` })
            : new AppError({ code: 'network', detail: `${worst.change.kind} event ${worst.change.id}: no answer in the $batch` });
        }
        if (failed.some((f) => f.response?.status === 429)) layout = 'sequential';
        // "Retry all the failed requests in a new batch after the longest retry-after value"
        // (https://learn.microsoft.com/en-us/graph/throttling#throttling-and-batching); 424s alone need no wait.
        const throttled = failed.filter((f) => f.response?.status !== 424);
        if (throttled.length > 0) {
          const wait = Math.max(1, ...throttled.map((f) => parseRetryAfter(f.response?.headers['retry-after']) ?? 0));
          await sleep(Math.min(wait, MAX_WAIT_SECONDS) * 1000);
        }
        pending = failed.map((f) => f.change);
      }
    },

    async planEvents(planId) {
      const path = `/me/events${queryString({ $filter: tagFilter(PLAN_TAG_ID, planId), $select: EVENT_SELECT, $expand: TAG_EXPAND, $top: 50 })}`;
      // UTC, so that the workflows compare instants without knowing the mailbox's zone.
      return readEvents(await graph.getAll<MG.Event>(path, { scopes: CAL_WRITE, timeZone: 'UTC' }));
    },

    async appEvents() {
      const path = `/me/events${queryString({
        $filter: `categories/any(c:c eq ${odataString(AU_REVOIR_CATEGORY)})`,
        $select: EVENT_SELECT,
        $expand: TAG_EXPAND,
        $top: OUTLOOK_MAX_PAGE,
      })}`;
      return (await readEvents(await graph.getAll<MG.Event>(path, { scopes: CAL_WRITE, timeZone: 'UTC' }))).filter((e) => e.planId);
    },

    async appOccurrences(startUtc, endUtc) {
      const out: EventInfo[] = [];
      // Windows meet end to start and calendarView returns what overlaps: an occurrence across a seam comes twice.
      const seen = new Set<string>();
      for (const w of viewWindows(startUtc, endUtc)) {
        const path = `/me/calendarView${queryString({
          startDateTime: w.startUtc,
          endDateTime: w.endUtc,
          $filter: `categories/any(c:c eq ${odataString(AU_REVOIR_CATEGORY)})`,
          $select: EVENT_SELECT,
          $orderby: 'start/dateTime',
          $top: OUTLOOK_MAX_PAGE,
        })}`;
        for (const e of (await graph.getAll<MG.Event>(path, { scopes: CAL_WRITE, timeZone: 'UTC' })).map((x) => fromGraphEvent(x))) {
          if (seen.has(e.id)) continue;
          seen.add(e.id);
          out.push(e);
        }
      }
      return out;
    },
  };
  return gateway;
};
