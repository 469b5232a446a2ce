// Errors: the envelope every failure has, and the statuses the app's retry rules depend on.
import { eq, errorEnvelope, ok, status } from '../check';
import { SRC } from '../sources';
import type { Case } from '../types';

export const errorCases: Case[] = [
  {
    id: 'errors.envelope',
    title: 'A failure answers {"error":{"code","message","innerError":{"request-id","date"}}}',
    source: { url: SRC.errors, says: 'The error response is a single JSON object with a single property error: code, message and innerError with request-id and date.' },
    async run(ctx) {
      const res = await ctx.get('/me/events/AAMkAconformance-does-not-exist');
      ok(res.status === 404 || res.status === 400, `a missing event answered ${res.status}`);
      errorEnvelope(res, 'error');
      const inner = res.body.error.innerError;
      ok(inner && typeof inner['request-id'] === 'string' && inner['request-id'] !== '', 'innerError.request-id');
      ok(typeof inner.date === 'string' && !Number.isNaN(Date.parse(inner.date.endsWith('Z') ? inner.date : `${inner.date}Z`)), `innerError.date ${inner?.date}`);
    },
  },
  {
    id: 'errors.404.deleted-event',
    title: 'An event that no longer exists is a 404 with an error envelope',
    source: { url: SRC.errors, says: '404 Not Found: the requested resource doesn\'t exist.' },
    async run(ctx) {
      const res = await ctx.createEvent({ subject: 'gone', start: { dateTime: `${ctx.day(54)}T10:00:00`, timeZone: 'UTC' }, end: { dateTime: `${ctx.day(54)}T10:30:00`, timeZone: 'UTC' } });
      status(res, 201, 'POST');
      status(await ctx.del(`/me/events/${encodeURIComponent(res.body.id)}`), 204, 'DELETE');
      const again = await ctx.get(`/me/events/${encodeURIComponent(res.body.id)}`);
      status(again, 404, 'GET the deleted event');
      errorEnvelope(again, 'error');
    },
  },
  {
    id: 'errors.401.missing-token',
    title: 'A request without a bearer token is a 401 with an error envelope',
    source: { url: SRC.errors, says: '401 Unauthorized: required authentication information is either missing or not valid for the resource.' },
    async run(ctx) {
      const res = await ctx.call('GET', '/me', { token: null });
      status(res, 401, 'GET /me without Authorization');
      errorEnvelope(res, 'error');
    },
  },
  {
    id: 'errors.401.malformed-token',
    title: 'A malformed bearer token is a 401',
    source: { url: SRC.errors, says: '401 Unauthorized: required authentication information is either missing or not valid for the resource.' },
    async run(ctx) {
      const res = await ctx.call('GET', '/me', { token: 'not-a-jwt' });
      status(res, 401, 'GET /me with a malformed token');
      errorEnvelope(res, 'error');
    },
  },
  {
    id: 'errors.401.expired-token',
    title: 'An expired token is a 401',
    source: { url: SRC.errors, says: '401 Unauthorized: authentication information not valid for the resource (an expired token is not valid).' },
    sandboxOnly: 'needs a token minted already expired',
    async run(ctx) {
      const token = await ctx.sandbox!.token('claire.martin@contoso.example', { expiresInSeconds: 0 });
      const res = await ctx.call('GET', '/me', { token });
      status(res, 401, 'GET /me with an expired token');
      errorEnvelope(res, 'error');
    },
  },
  {
    id: 'errors.429.retry-after',
    title: 'A throttled request is a 429 with a Retry-After header',
    source: { url: SRC.throttling, says: 'When a threshold is exceeded, Graph returns 429 Too Many Requests and a suggested wait time in the Retry-After response header.' },
    sandboxOnly: 'needs fault injection (Graph throttles only under real load)',
    async run(ctx) {
      await ctx.sandbox!.setFaults([{ match: { method: 'GET', path: '^/me$' }, action: { status: 429, retryAfterSeconds: 5 } }]);
      const res = await ctx.get('/me');
      status(res, 429, 'GET /me throttled');
      eq(res.headers.get('retry-after'), '5', 'Retry-After');
      errorEnvelope(res, 'error');
    },
  },
];
