import type * as MG from '@microsoft/microsoft-graph-types';
import { AppError } from '../domain/errors';
import type { Recurrence } from '../domain/cadence/model';
import type { IanaTimeZone, IsoDate, Weekday, WorkingHours } from '../domain/types';
import { chainItems } from './booking';
import { MAX_BATCH, type BatchRequestItem, type BatchResponseItem, type GraphClient } from './client';
import { graphError, isRetryableStatus, parseRetryAfter } from './errors';
import { EVENT_SELECT, fromGraphEvent, toGraphEvent, toGraphRecurrence, type EventDraft, type EventInfo } from './mappers';
import { odataString, queryString } from './odata';
import { SCOPES } from './scopes';
import { AU_REVOIR_CATEGORY, PLAN_TAG_ID, TAG_EXPAND, tagFilter } from './tags';
import { toIanaZone } from './timezones';

export interface MeetingSlot {
  /** ISO instants (UTC, `Z`). */
  readonly start: string;
  readonly end: string;
  readonly confidence: number;
  readonly organizerAvailability: string;
}

export interface BusyInfo {
  readonly email: string;
  readonly busy: boolean;
}

export interface MailboxInfo {
  readonly timeZone: IanaTimeZone;
  readonly workingHours: WorkingHours;
  /** The mailbox's language, e.g. `fr-FR`, when Outlook has one. */
  readonly locale?: string;
}

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

/** Rounds of retries for throttled or unavailable items, and the longest Retry-After honoured. */
const CHANGE_ROUNDS = 4;
const MAX_WAIT_SECONDS = 30;

export interface CalendarGateway {
  mailboxSettings(): Promise<MailboxInfo>;
  categories(): Promise<string[]>;
  ensureCategory(name: string, color: string): Promise<'created' | 'existed'>;
  findMeetingTimes(input: { attendeeEmail: string; startUtc: string; endUtc: string; durationMinutes: number }): Promise<MeetingSlot[]>;
  /** Free/busy of each address over [startUtc, endUtc). */
  freeBusy(input: { emails: readonly string[]; startUtc: string; endUtc: string }): Promise<BusyInfo[]>;
  getEvent(id: string): Promise<EventInfo>;
  /**
   * Deletes, cancels and ends series in `$batch` round trips (20 a batch, 4 at a time per mailbox)
   * rather than one request each. Already gone counts as done; throttled items are retried.
   */
  applyChanges(changes: readonly CalendarChange[], options?: ApplyChangesOptions): Promise<void>;
  createEvent(draft: EventDraft): Promise<EventInfo>;
  updateEvent(id: string, patch: EventPatch): Promise<void>;
  deleteEvent(id: string): Promise<void>;
  /** The plan's tagged events (singles and series masters). */
  planEvents(planId: string): Promise<EventInfo[]>;
  /** Every event the app booked (singles and series masters), tags included. */
  appEvents(): Promise<EventInfo[]>;
  /** Occurrences of the app's events in a window (series expanded), UTC times. */
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

export const createCalendarGateway = (graph: GraphClient): CalendarGateway => ({
  async mailboxSettings() {
    const s = await graph.get<MG.MailboxSettings>(`/me/mailboxSettings${queryString({ $select: 'timeZone,workingHours,language' })}`, {
      scopes: [SCOPES.mailboxSettingsReadWrite],
    });
    const zone = toIanaZone(s.timeZone) as IanaTimeZone;
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
        timeZone: (wh?.timeZone?.name ? toIanaZone(wh.timeZone.name) : zone) as IanaTimeZone,
      },
    };
  },

  async categories() {
    const list = await graph.getAll<MG.OutlookCategory>(`/me/outlook/masterCategories${queryString({ $select: 'id,displayName,color' })}`, {
      scopes: [SCOPES.mailboxSettingsReadWrite],
    });
    return list.map((c) => c.displayName ?? '').filter(Boolean);
  },

  async ensureCategory(name, color) {
    try {
      await graph.post('/me/outlook/masterCategories', { displayName: name, color }, { scopes: [SCOPES.mailboxSettingsReadWrite] });
      return 'created';
    } catch (e) {
      if (AppError.is(e) && e.status === 409) return 'existed';
      throw e;
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
    return emails.map((email) => {
      const info = (res.value ?? []).find((v) => (v.scheduleId ?? '').toLowerCase() === email.toLowerCase());
      const busy = (info?.scheduleItems ?? []).some((item) => {
        if (item.status === 'free') return false;
        const s = Date.parse(utc(item.start?.dateTime));
        const e = Date.parse(utc(item.end?.dateTime));
        return s < endMs && e > startMs;
      });
      return { email, busy };
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
    let pending = [...changes];
    for (let round = 1; pending.length > 0; round++) {
      const failed: { change: CalendarChange; response: BatchResponseItem | undefined }[] = [];
      for (let from = 0; from < pending.length; from += MAX_BATCH) {
        const chunk = pending.slice(from, from + MAX_BATCH);
        const items = chainItems(chunk.map((c, i) => changeItem(c, String(i + 1))), 4);
        const responses = await graph.batch(items, { scopes: CAL_WRITE, what: 'calendar changes $batch' });
        chunk.forEach((change, i) => {
          const r = responses[i];
          // Deleting or cancelling what is already gone is what the caller wanted.
          const done = r && ((r.status >= 200 && r.status < 300) || (r.status === 404 && change.kind !== 'endSeries'));
          if (!done) failed.push({ change, response: r });
        });
      }
      if (failed.length === 0) return;
      // 424: not run because the item before it in the chain failed; it can simply go again.
      const canRetry = failed.every((f) => f.response && (isRetryableStatus(f.response.status) || f.response.status === 424));
      if (!canRetry || round >= CHANGE_ROUNDS) {
        const worst = failed.find((f) => f.response?.status !== 424) ?? failed[0]!;
        throw worst.response && worst.response.status > 0
          ? graphError({ status: worst.response.status, body: worst.response.body, headers: worst.response.headers, what: `${worst.change.kind} event` })
          : new AppError({ code: 'network', detail: `${worst.change.kind} event ${worst.change.id}: no answer in the $batch` });
      }
      const wait = Math.max(1, ...failed.map((f) => parseRetryAfter(f.response?.headers['retry-after']) ?? 0));
      await sleep(Math.min(wait, MAX_WAIT_SECONDS) * 1000);
      pending = failed.map((f) => f.change);
    }
  },

  async planEvents(planId) {
    const path = `/me/events${queryString({ $filter: tagFilter(PLAN_TAG_ID, planId), $select: EVENT_SELECT, $expand: TAG_EXPAND, $top: 50 })}`;
    // UTC, so that the workflows compare instants without knowing the mailbox's zone.
    return (await graph.getAll<MG.Event>(path, { scopes: CAL_WRITE, timeZone: 'UTC' })).map(fromGraphEvent);
  },

  async appEvents() {
    const path = `/me/events${queryString({
      $filter: `categories/any(c:c eq ${odataString(AU_REVOIR_CATEGORY)})`,
      $select: EVENT_SELECT,
      $expand: TAG_EXPAND,
      $top: 100,
    })}`;
    return (await graph.getAll<MG.Event>(path, { scopes: CAL_WRITE, timeZone: 'UTC' })).map(fromGraphEvent).filter((e) => e.planId);
  },

  async appOccurrences(startUtc, endUtc) {
    const path = `/me/calendarView${queryString({
      startDateTime: startUtc,
      endDateTime: endUtc,
      $filter: `categories/any(c:c eq ${odataString(AU_REVOIR_CATEGORY)})`,
      $select: EVENT_SELECT,
      $orderby: 'start/dateTime',
      $top: 100,
    })}`;
    return (await graph.getAll<MG.Event>(path, { scopes: CAL_WRITE, timeZone: 'UTC' })).map(fromGraphEvent);
  },
});
