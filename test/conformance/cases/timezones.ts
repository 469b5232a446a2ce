// Time zone names: what Graph accepts in dateTimeTimeZone and Prefer, and what it lists as supported.
import { eq, errorEnvelope, ok, status, wall } from '../check';
import { SRC } from '../sources';
import type { Case, Ctx } from '../types';
import { appointment, utcWall } from './util';

async function create(ctx: Ctx, zone: string, extraDays = 52) {
  const date = ctx.day(extraDays);
  return { date, res: await ctx.createEvent(appointment(date, '10:00', '11:00', zone)) };
}

export const timezoneCases: Case[] = [
  {
    id: 'tz.windows-name-accepted',
    title: 'A Windows name ("India Standard Time") is accepted and converted',
    source: { url: SRC.dateTimeTimeZone, says: 'timeZone can be set to any of the time zones currently supported by Windows (e.g. "Pacific Standard Time").' },
    async run(ctx) {
      const { date, res } = await create(ctx, 'India Standard Time');
      status(res, 201, 'POST in India Standard Time');
      eq(res.body.originalStartTimeZone, 'India Standard Time', 'originalStartTimeZone');
      eq(wall(res.body.start.dateTime), utcWall(`${date}T10:00`, 'Asia/Kolkata'), '10:00 IST in UTC');
    },
  },
  {
    id: 'tz.listed-iana-accepted',
    title: 'A listed IANA name ("Asia/Kolkata") is accepted and converted',
    source: { url: SRC.dateTimeTimeZone, says: 'Additional time zones accepted besides Windows names include Asia/Kolkata, Europe/Paris, America/New_York…' },
    async run(ctx) {
      const { date, res } = await create(ctx, 'Asia/Kolkata');
      status(res, 201, 'POST in Asia/Kolkata');
      eq(wall(res.body.start.dateTime), utcWall(`${date}T10:00`, 'Asia/Kolkata'), '10:00 Kolkata in UTC');
    },
  },
  {
    id: 'tz.listed-iana-dst',
    title: 'A listed IANA zone with daylight saving converts by the date (Europe/Paris summer and winter)',
    source: { url: SRC.dateTimeTimeZone, says: 'Europe/Paris is among the additional time zones the calendar API supports.' },
    async run(ctx) {
      const year = new Date().getUTCFullYear() + 1;
      for (const date of [`${year}-01-15`, `${year}-07-15`]) {
        const res = await ctx.createEvent(appointment(date, '10:00', '11:00', 'Europe/Paris'));
        status(res, 201, `POST ${date} Europe/Paris`);
        eq(wall(res.body.start.dateTime), utcWall(`${date}T10:00`, 'Europe/Paris'), `${date} 10:00 Paris in UTC`);
      }
    },
  },
  {
    id: 'tz.unknown-name-rejected',
    title: 'An unknown zone name is refused with TimeZoneNotSupportedException',
    source: { url: SRC.tzNotSupported, says: '400 TimeZoneNotSupportedException "A valid TimeZone value must be specified. The following TimeZone value is not supported: \'…\'"; maintainer: the supported list is the dateTimeTimeZone page.' },
    async run(ctx) {
      const { res } = await create(ctx, 'Mars/Olympus_Mons');
      status(res, 400, 'POST in Mars/Olympus_Mons');
      const e = errorEnvelope(res, 'error');
      eq(e.code, 'TimeZoneNotSupportedException', 'error.code');
      ok(e.message.includes("The following TimeZone value is not supported: 'Mars/Olympus_Mons'"), `message: ${e.message}`);
    },
  },
  {
    id: 'tz.unlisted-iana-rejected',
    title: 'A real IANA name that is not on the list (Asia/Ho_Chi_Minh) is refused',
    source: { url: SRC.dateTimeTimeZone, says: 'Only Windows names and the listed additional names are documented; methods such as create or update might not support all of them (harsher reading: unlisted names fail).' },
    async run(ctx) {
      const { res } = await create(ctx, 'Asia/Ho_Chi_Minh');
      status(res, 400, 'POST in Asia/Ho_Chi_Minh');
      eq(errorEnvelope(res, 'error').code, 'TimeZoneNotSupportedException', 'error.code');
    },
  },
  {
    id: 'tz.prefer.windows-name',
    title: 'Prefer: outlook.timezone with a Windows name answers in that zone, named as asked',
    source: { url: SRC.calendarView, says: 'Prefer: outlook.timezone specifies the time zone for start and end times in the response.' },
    async run(ctx) {
      const { date, res } = await create(ctx, 'UTC');
      status(res, 201, 'POST at 10:00 UTC');
      const got = await ctx.get(`/me/events/${encodeURIComponent(res.body.id)}?$select=start`, { Prefer: 'outlook.timezone="India Standard Time"' });
      eq(got.body.start.timeZone, 'India Standard Time', 'start.timeZone');
      eq(wall(got.body.start.dateTime), `${date}T15:30`, '10:00 UTC is 15:30 IST');
    },
  },
  {
    id: 'tz.supportedTimeZones.windows',
    title: 'supportedTimeZones lists Windows names by default (alias and displayName)',
    source: { url: SRC.supportedTimeZones, says: 'Returns timeZoneInformation {alias, displayName}; the Windows format is the default (e.g. alias "Dateline Standard Time").' },
    async run(ctx) {
      const res = await ctx.get('/me/outlook/supportedTimeZones');
      status(res, 200, 'GET supportedTimeZones');
      ok(res.body.value.length > 50, `only ${res.body.value.length} zones`);
      const aliases = res.body.value.map((z: any) => z.alias);
      for (const name of ['India Standard Time', 'Romance Standard Time', 'Pacific Standard Time']) ok(aliases.includes(name), `${name} missing`);
      ok(res.body.value.every((z: any) => typeof z.displayName === 'string'), 'displayName');
    },
  },
  {
    id: 'tz.supportedTimeZones.iana',
    title: "supportedTimeZones(TimeZoneStandard='Iana') lists IANA names",
    source: { url: SRC.supportedTimeZones, says: "TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana' returns the zones in IANA format (alias \"Etc/GMT+12\")." },
    async run(ctx) {
      const res = await ctx.get("/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')");
      status(res, 200, 'GET supportedTimeZones(Iana)');
      const aliases = res.body.value.map((z: any) => z.alias);
      ok(aliases.includes('Etc/GMT+12'), 'Etc/GMT+12 missing');
      ok(aliases.some((a: string) => a === 'Asia/Kolkata' || a === 'Asia/Calcutta'), 'no IANA name for India');
      ok(!aliases.includes('India Standard Time'), 'a Windows name in the IANA list');
    },
  },
];
