// mailboxSettings: the manager's time zone and working hours, which the wizard proposes slots within.
import { eq, ok, status } from '../check';
import { SRC } from '../sources';
import type { Case, Ctx } from '../types';

/** Puts timeZone and workingHours back as they were, whatever the case did. */
async function keepSettings(ctx: Ctx): Promise<void> {
  const before = await ctx.get('/me/mailboxSettings?$select=timeZone,workingHours');
  status(before, 200, 'GET mailboxSettings (to restore)');
  const { timeZone, workingHours } = before.body;
  ctx.cleanup(async () => {
    const res = await ctx.patch('/me/mailboxSettings', { timeZone, workingHours });
    if (res.status !== 200) throw new Error(`restoring mailboxSettings → ${res.status}`);
  });
}

export const settingsCases: Case[] = [
  {
    id: 'mailboxSettings.get.shape',
    title: 'mailboxSettings has timeZone and workingHours (daysOfWeek, startTime, endTime, timeZone)',
    source: { url: SRC.getMailboxSettings, says: 'GET /me/mailboxSettings returns the settings, including timeZone and workingHours (daysOfWeek, startTime, endTime, timeZone.name).' },
    async run(ctx) {
      const res = await ctx.get('/me/mailboxSettings');
      status(res, 200, 'GET /me/mailboxSettings');
      ok(typeof res.body.timeZone === 'string' && res.body.timeZone !== '', 'timeZone');
      const wh = res.body.workingHours;
      ok(Array.isArray(wh?.daysOfWeek), 'workingHours.daysOfWeek');
      ok(/^\d\d:\d\d:\d\d/.test(wh.startTime) && /^\d\d:\d\d:\d\d/.test(wh.endTime), `times ${wh.startTime}–${wh.endTime}`);
      ok(typeof wh.timeZone?.name === 'string', 'workingHours.timeZone.name');
    },
  },
  {
    id: 'mailboxSettings.get.single-setting',
    title: 'GET /me/mailboxSettings/timeZone answers {"value": …}; /workingHours answers the object',
    source: { url: SRC.getMailboxSettings, says: 'Specific settings can be read alone (GET /me/mailboxSettings/timeZone, /workingHours); a primitive one comes back as {"value": …} (example: userPurpose).' },
    async run(ctx) {
      const all = await ctx.get('/me/mailboxSettings');
      const tz = await ctx.get('/me/mailboxSettings/timeZone');
      status(tz, 200, 'GET mailboxSettings/timeZone');
      eq(tz.body.value, all.body.timeZone, 'value');
      const wh = await ctx.get('/me/mailboxSettings/workingHours');
      status(wh, 200, 'GET mailboxSettings/workingHours');
      eq(JSON.stringify(wh.body.daysOfWeek), JSON.stringify(all.body.workingHours.daysOfWeek), 'daysOfWeek');
    },
  },
  {
    id: 'mailboxSettings.timeZone.iana-accepted',
    title: 'PATCH timeZone accepts an IANA name as well as a Windows name',
    source: { url: SRC.updateMailboxSettings, says: 'When updating the preferred time zone, specify it in the Windows or IANA (Olson) time zone format.' },
    writesSettings: true,
    async run(ctx) {
      await keepSettings(ctx);
      const iana = await ctx.patch('/me/mailboxSettings', { timeZone: 'Asia/Kolkata' });
      status(iana, 200, 'PATCH timeZone Asia/Kolkata');
      const windows = await ctx.patch('/me/mailboxSettings', { timeZone: 'India Standard Time' });
      status(windows, 200, 'PATCH timeZone India Standard Time');
      eq((await ctx.get('/me/mailboxSettings/timeZone')).body.value, 'India Standard Time', 'timeZone read back');
    },
  },
  {
    id: 'mailboxSettings.workingHours.start-after-end',
    title: 'Working hours that end before they start are refused with ErrorInvalidTimeSettings',
    source: { url: SRC.updateMailboxSettings, says: 'Start time greater than end time: 400 ErrorInvalidTimeSettings "Start Time should occur before End Time."' },
    writesSettings: true,
    async run(ctx) {
      await keepSettings(ctx);
      const res = await ctx.patch('/me/mailboxSettings', { workingHours: { daysOfWeek: ['monday'], startTime: '18:00:00.0000000', endTime: '09:00:00.0000000', timeZone: { name: 'Romance Standard Time' } } });
      status(res, 400, 'PATCH workingHours 18:00–09:00');
      eq(res.body?.error?.code, 'ErrorInvalidTimeSettings', 'error.code');
    },
  },
  {
    id: 'mailboxSettings.workingHours.invalid-timezone',
    title: 'Working hours in an unknown time zone are refused with InvalidTimeZone',
    source: { url: SRC.updateMailboxSettings, says: 'Invalid timeZone: 400 InvalidTimeZone "Time Zone settings provided are invalid."' },
    writesSettings: true,
    async run(ctx) {
      await keepSettings(ctx);
      const res = await ctx.patch('/me/mailboxSettings', { workingHours: { daysOfWeek: ['monday'], startTime: '09:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'Mars Standard Time' } } });
      status(res, 400, 'PATCH workingHours in "Mars Standard Time"');
      eq(res.body?.error?.code, 'InvalidTimeZone', 'error.code');
    },
  },
  {
    id: 'mailboxSettings.workingHours.invalid-day',
    title: 'An unknown day in daysOfWeek is refused',
    source: { url: SRC.updateMailboxSettings, says: 'Invalid day in daysOfWeek: 400 InvalidArguments "Requested value \'RandomDay\' was not found."' },
    writesSettings: true,
    async run(ctx) {
      await keepSettings(ctx);
      const res = await ctx.patch('/me/mailboxSettings', { workingHours: { daysOfWeek: ['RandomDay'], startTime: '09:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'Romance Standard Time' } } });
      status(res, 400, 'PATCH workingHours with RandomDay');
    },
  },
];
