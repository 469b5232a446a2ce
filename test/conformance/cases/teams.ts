// Teams meetings: offered only where the mailbox allows them, and checked in the answer.
import { eq, ok, status } from '../check';
import { SRC } from '../sources';
import type { Case } from '../types';
import { appointment } from './util';

const PROVIDERS = ['unknown', 'skypeForBusiness', 'skypeForConsumer', 'teamsForBusiness'];

export const teamsCases: Case[] = [
  {
    id: 'teams.allowedOnlineMeetingProviders',
    title: 'The calendar lists allowedOnlineMeetingProviders and defaultOnlineMeetingProvider',
    source: { url: SRC.calendarResource, says: 'allowedOnlineMeetingProviders: providers usable in this calendar; defaultOnlineMeetingProvider; values unknown, skypeForBusiness, skypeForConsumer, teamsForBusiness.' },
    async run(ctx) {
      const res = await ctx.get('/me/calendar?$select=allowedOnlineMeetingProviders,defaultOnlineMeetingProvider');
      status(res, 200, 'GET /me/calendar');
      ok(Array.isArray(res.body.allowedOnlineMeetingProviders), 'allowedOnlineMeetingProviders');
      for (const p of res.body.allowedOnlineMeetingProviders) ok(PROVIDERS.includes(p), `unknown provider ${p}`);
      ok(PROVIDERS.includes(res.body.defaultOnlineMeetingProvider), `defaultOnlineMeetingProvider ${res.body.defaultOnlineMeetingProvider}`);
    },
  },
  {
    id: 'teams.online-meeting-created',
    title: 'Where Teams is allowed, isOnlineMeeting + teamsForBusiness gives a join URL',
    source: { url: SRC.event, says: 'isOnlineMeeting: true if the event has online meeting information; onlineMeetingProvider teamsForBusiness; onlineMeeting holds the details to join (read-only).' },
    async run(ctx) {
      const cal = await ctx.get('/me/calendar?$select=allowedOnlineMeetingProviders');
      status(cal, 200, 'GET /me/calendar');
      ok(Array.isArray(cal.body.allowedOnlineMeetingProviders), 'the calendar does not list allowedOnlineMeetingProviders');
      ok(cal.body.allowedOnlineMeetingProviders.includes('teamsForBusiness'), 'this mailbox does not allow Teams (run it on one that does)');
      const res = await ctx.createEvent(appointment(ctx.day(53), '10:00', '10:30', 'UTC', { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' }));
      status(res, 201, 'POST online meeting');
      eq(res.body.isOnlineMeeting, true, 'isOnlineMeeting');
      eq(res.body.onlineMeetingProvider, 'teamsForBusiness', 'onlineMeetingProvider');
      ok(/^https:\/\//.test(res.body.onlineMeeting?.joinUrl ?? ''), `joinUrl ${res.body.onlineMeeting?.joinUrl}`);
    },
  },
  {
    id: 'teams.not-allowed-comes-back-unknown',
    title: 'Where Teams is not allowed, the event is created without it: isOnlineMeeting false, provider unknown, no join URL',
    source: { url: SRC.teamsNotAllowed, says: 'POST with isOnlineMeeting true and teamsForBusiness answered 201 with isOnlineMeeting false, onlineMeetingProvider unknown, no URL (field report on the Create Event page).' },
    sandboxOnly: 'needs a seeded mailbox whose calendar does not allow teamsForBusiness',
    async run(ctx) {
      let found: { upn: string; token: string } | undefined;
      for (const u of await ctx.sandbox!.users()) {
        const upn = String(u.userPrincipalName ?? u.upn ?? '');
        if (!upn) continue;
        const token = await ctx.sandbox!.token(upn);
        const cal = await ctx.call('GET', '/me/calendar?$select=allowedOnlineMeetingProviders', { token });
        const allowed = cal.body?.allowedOnlineMeetingProviders;
        if (cal.status === 200 && Array.isArray(allowed) && !allowed.includes('teamsForBusiness')) {
          found = { upn, token };
          break;
        }
      }
      ok(found, 'no seeded mailbox whose calendar lists allowedOnlineMeetingProviders without teamsForBusiness');
      const body = { ...appointment(ctx.day(53), '11:00', '11:30', 'UTC', { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' }), subject: ctx.tag.subject('no teams') };
      const res = await ctx.call('POST', '/me/events', { token: found.token, body });
      status(res, 201, `POST as ${found.upn}`);
      ctx.cleanup(() => ctx.call('DELETE', `/me/events/${encodeURIComponent(res.body.id)}`, { token: found!.token }));
      eq(res.body.isOnlineMeeting, false, 'isOnlineMeeting');
      eq(res.body.onlineMeetingProvider, 'unknown', 'onlineMeetingProvider');
      ok(!res.body.onlineMeeting?.joinUrl, 'a join URL was given');
    },
  },
];
