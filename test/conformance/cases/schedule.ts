// findMeetingTimes and getSchedule: how the wizard proposes a slot and shows who is free.
import { eq, ok, status, wall } from '../check';
import { SRC } from '../sources';
import type { Case, Ctx } from '../types';
import { appointment } from './util';

const UTC = 'UTC';

async function schedule(ctx: Ctx, date: string, schedules: string[], interval = 60, headers?: Record<string, string>) {
  return ctx.post('/me/calendar/getSchedule', {
    schedules,
    startTime: { dateTime: `${date}T08:00:00`, timeZone: UTC },
    endTime: { dateTime: `${date}T17:00:00`, timeZone: UTC },
    availabilityViewInterval: interval,
  }, headers);
}

export const scheduleCases: Case[] = [
  {
    id: 'getSchedule.shape',
    title: 'getSchedule answers one scheduleInformation per address, with availabilityView, scheduleItems and workingHours',
    source: { url: SRC.getSchedule, says: 'Returns 200 and a collection of scheduleInformation objects for each object in the schedules parameter.' },
    async run(ctx) {
      const me = await ctx.me();
      const address = me.mail ?? me.userPrincipalName;
      const res = await schedule(ctx, ctx.day(46), [address]);
      status(res, 200, 'POST getSchedule');
      eq(res.body.value.length, 1, 'entries');
      const s = res.body.value[0];
      eq(String(s.scheduleId).toLowerCase(), address.toLowerCase(), 'scheduleId');
      ok(typeof s.availabilityView === 'string', 'availabilityView');
      ok(Array.isArray(s.scheduleItems), 'scheduleItems');
      ok(s.workingHours && Array.isArray(s.workingHours.daysOfWeek), 'workingHours.daysOfWeek');
    },
  },
  {
    id: 'getSchedule.availabilityView.slots',
    title: 'availabilityView has one digit 0–4 per interval of the window',
    source: { url: SRC.scheduleInformation, says: 'availabilityView: a merged view of time slots, each 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere (example: 9 hours at 60 minutes → "000220000").' },
    async run(ctx) {
      const me = await ctx.me();
      const res = await schedule(ctx, ctx.day(46), [me.mail ?? me.userPrincipalName], 60);
      status(res, 200, 'POST getSchedule');
      ok(/^[0-4]{9}$/.test(res.body.value[0].availabilityView), `availabilityView "${res.body.value[0].availabilityView}" is not 9 digits 0–4`);
      const half = await schedule(ctx, ctx.day(46), [me.mail ?? me.userPrincipalName], 30);
      ok(/^[0-4]{18}$/.test(half.body.value[0].availabilityView), 'at 30 minutes the view is not 18 slots');
    },
  },
  {
    id: 'getSchedule.busy-slot',
    title: 'A busy event shows as 2 in its slot and as a scheduleItem',
    source: { url: SRC.scheduleInformation, says: 'availabilityView merges scheduleItems; 2 = busy.' },
    async run(ctx) {
      const me = await ctx.me();
      const date = ctx.day(47);
      status(await ctx.createEvent(appointment(date, '11:00', '12:00', UTC, { showAs: 'busy' })), 201, 'POST busy event');
      const res = await schedule(ctx, date, [me.mail ?? me.userPrincipalName], 60);
      status(res, 200, 'POST getSchedule');
      const s = res.body.value[0];
      eq(s.availabilityView[3], '2', 'slot 11:00–12:00 (4th hour from 08:00)');
      ok(s.scheduleItems.some((i: any) => wall(i.start.dateTime) === `${date}T11:00` && i.status === 'busy'), 'no busy scheduleItem at 11:00');
    },
  },
  {
    id: 'getSchedule.prefer-timezone',
    title: 'getSchedule items come back in the Prefer: outlook.timezone zone',
    source: { url: SRC.getSchedule, says: 'Prefer: outlook.timezone specifies the time zone for start and end times in the response; if not specified, UTC.' },
    async run(ctx) {
      const me = await ctx.me();
      const date = ctx.day(48);
      status(await ctx.createEvent(appointment(date, '11:00', '12:00', UTC)), 201, 'POST event');
      const res = await schedule(ctx, date, [me.mail ?? me.userPrincipalName], 60, { Prefer: 'outlook.timezone="Tokyo Standard Time"' });
      status(res, 200, 'POST getSchedule');
      const item = res.body.value[0].scheduleItems.find((i: any) => wall(i.start.dateTime) === `${date}T20:00`);
      ok(item, 'no item at 20:00 Tokyo (11:00 UTC)');
      eq(item.start.timeZone, 'Tokyo Standard Time', 'start.timeZone');
    },
  },
  {
    id: 'getSchedule.freeBusyError',
    title: 'An address whose availability cannot be read gets an entry with error, not a free view',
    source: { url: SRC.scheduleInformation, says: 'scheduleInformation.error (freeBusyError: message, responseCode): error information from attempting to get the availability.' },
    async run(ctx) {
      const me = await ctx.me();
      const domain = (me.mail ?? me.userPrincipalName).split('@')[1];
      const unknown = `nobody-au-revoir-conformance@${domain}`;
      const res = await schedule(ctx, ctx.day(46), [unknown]);
      status(res, 200, 'POST getSchedule');
      const s = res.body.value.find((v: any) => String(v.scheduleId).toLowerCase() === unknown);
      ok(s, 'no entry for the unknown address');
      ok(s.error && typeof s.error.message === 'string' && typeof s.error.responseCode === 'string', `no freeBusyError: ${JSON.stringify(s)}`);
      ok(!/^0+$/.test(s.availabilityView ?? ''), 'the unknown address is shown as free');
    },
  },
  {
    id: 'findMeetingTimes.shape',
    title: 'findMeetingTimes answers meetingTimeSuggestions and emptySuggestionsReason',
    source: { url: SRC.findMeetingTimes, says: 'Returns 200 and a meetingTimeSuggestionsResult: a collection of meetingTimeSuggestion and an emptySuggestionsReason.' },
    async run(ctx) {
      const date = ctx.day(49);
      const res = await ctx.post('/me/findMeetingTimes', {
        attendees: [],
        timeConstraint: { activityDomain: 'unrestricted', timeSlots: [{ start: { dateTime: `${date}T08:00:00`, timeZone: UTC }, end: { dateTime: `${date}T18:00:00`, timeZone: UTC } }] },
        meetingDuration: 'PT1H',
        maxCandidates: 5,
      });
      status(res, 200, 'POST findMeetingTimes');
      ok(Array.isArray(res.body.meetingTimeSuggestions), 'meetingTimeSuggestions');
      ok(typeof res.body.emptySuggestionsReason === 'string', 'emptySuggestionsReason');
      for (const s of res.body.meetingTimeSuggestions) {
        ok(typeof s.confidence === 'number' && s.confidence >= 0 && s.confidence <= 100, 'confidence 0–100');
        ok(s.meetingTimeSlot?.start?.dateTime && s.meetingTimeSlot?.end?.dateTime, 'meetingTimeSlot');
      }
    },
  },
  {
    id: 'findMeetingTimes.duration-and-utc',
    title: 'Suggestions last meetingDuration and are in UTC by default',
    source: { url: SRC.findMeetingTimes, says: 'meetingDuration is ISO 8601 (PT1H); by default, each meeting time suggestion is returned in UTC.' },
    async run(ctx) {
      const date = ctx.day(49);
      const res = await ctx.post('/me/findMeetingTimes', {
        attendees: [],
        timeConstraint: { activityDomain: 'unrestricted', timeSlots: [{ start: { dateTime: `${date}T08:00:00`, timeZone: 'Pacific Standard Time' }, end: { dateTime: `${date}T18:00:00`, timeZone: 'Pacific Standard Time' } }] },
        meetingDuration: 'PT1H30M',
      });
      status(res, 200, 'POST findMeetingTimes');
      ok(res.body.meetingTimeSuggestions.length > 0, `no suggestion (${res.body.emptySuggestionsReason})`);
      for (const s of res.body.meetingTimeSuggestions) {
        eq(s.meetingTimeSlot.start.timeZone, 'UTC', 'start.timeZone');
        const minutes = (Date.parse(`${wall(s.meetingTimeSlot.end.dateTime)}Z`) - Date.parse(`${wall(s.meetingTimeSlot.start.dateTime)}Z`)) / 60_000;
        eq(minutes, 90, 'slot length in minutes');
      }
    },
  },
  {
    id: 'findMeetingTimes.prefer-timezone',
    title: 'Prefer: outlook.timezone puts suggestions in that zone and is acknowledged',
    source: { url: SRC.findMeetingTimes, says: 'Prefer: outlook.timezone sets the zone of the response (the example answers with Preference-Applied: outlook.timezone="Pacific Standard Time").' },
    async run(ctx) {
      const date = ctx.day(49);
      const res = await ctx.post('/me/findMeetingTimes', {
        attendees: [],
        timeConstraint: { activityDomain: 'unrestricted', timeSlots: [{ start: { dateTime: `${date}T08:00:00`, timeZone: UTC }, end: { dateTime: `${date}T18:00:00`, timeZone: UTC } }] },
        meetingDuration: 'PT30M',
      }, { Prefer: 'outlook.timezone="Pacific Standard Time"' });
      status(res, 200, 'POST findMeetingTimes');
      ok(res.body.meetingTimeSuggestions.length > 0, 'no suggestion');
      eq(res.body.meetingTimeSuggestions[0].meetingTimeSlot.start.timeZone, 'Pacific Standard Time', 'start.timeZone');
      ok(/outlook\.timezone/i.test(res.headers.get('preference-applied') ?? ''), 'no Preference-Applied header');
    },
  },
];
