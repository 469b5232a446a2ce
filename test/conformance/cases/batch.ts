// JSON batching: how a booking goes out in one round trip, and what Graph refuses in a batch.
import { eq, errorEnvelope, ok, status } from '../check';
import { SRC } from '../sources';
import type { BatchItem, Case, Ctx } from '../types';
import { TINY_JPEG } from './people';

const q = encodeURIComponent;
const get = (id: string, url: string, dependsOn?: string[]): BatchItem => ({ id, method: 'GET', url, ...(dependsOn ? { dependsOn } : {}) });
const byId = (body: any): Map<string, any> => new Map((body?.responses ?? []).map((r: any) => [String(r.id), r]));
const isImage = (b: Buffer): boolean => (b[0] === 0xff && b[1] === 0xd8) || (b[0] === 0x89 && b[1] === 0x50);

async function contactWithPhoto(ctx: Ctx): Promise<string> {
  const c = await ctx.createContact({ givenName: 'Batch', surname: 'Photo' });
  status(c, 201, 'POST contact');
  const put = await ctx.call('PUT', `/me/contacts/${q(c.body.id)}/photo/$value`, { raw: TINY_JPEG, headers: { 'Content-Type': 'image/jpeg' } });
  status(put, [200, 204], 'PUT photo');
  return c.body.id;
}

export const batchCases: Case[] = [
  {
    id: 'batch.parallel.responses',
    title: 'A parallel batch answers 200 with one response per id, each with its own status and headers',
    source: { url: SRC.batching, says: 'Responses are in "responses", possibly in another order; correlate by id; each has status and headers. 200 on the batch does not mean each request succeeded.' },
    async run(ctx) {
      const res = await ctx.batch([get('a', '/me?$select=id'), get('b', '/me/mailboxSettings/timeZone'), get('c', '/me/events/AAMkAconformance-does-not-exist')]);
      status(res, 200, 'POST /$batch');
      const r = byId(res.body);
      eq(r.size, 3, 'responses');
      eq(r.get('a')?.status, 200, 'status of a');
      eq(r.get('b')?.status, 200, 'status of b');
      ok((r.get('c')?.status ?? 0) >= 400, `status of c (a missing event) is ${r.get('c')?.status}`);
      ok(r.get('c')?.body?.error?.code, 'the failed item carries an error envelope');
      ok(r.get('a')?.headers && typeof r.get('a').headers === 'object', 'headers of a');
    },
  },
  {
    id: 'batch.max-20',
    title: 'A batch of 21 requests is refused',
    source: { url: SRC.batching, says: 'JSON batch requests are currently limited to 20 individual requests; a malformed batch answers 400.' },
    async run(ctx) {
      const res = await ctx.batch(Array.from({ length: 21 }, (_, i) => get(String(i + 1), '/me?$select=id')));
      status(res, 400, 'POST /$batch with 21 requests');
      const twenty = await ctx.batch(Array.from({ length: 20 }, (_, i) => get(String(i + 1), '/me?$select=id')));
      status(twenty, 200, 'POST /$batch with 20 requests');
    },
  },
  {
    id: 'batch.duplicate-id',
    title: 'Two requests with the same id make the batch fail with 400',
    source: { url: SRC.batching, says: 'id must be unique in the batch, otherwise the batch request fails with a 400 error code.' },
    async run(ctx) {
      status(await ctx.batch([get('1', '/me?$select=id'), get('1', '/me/mailboxSettings/timeZone')]), 400, 'POST /$batch with a duplicate id');
    },
  },
  {
    id: 'batch.mixed-parallel-and-sequential',
    title: 'Independent requests beside a dependsOn chain: 400 "Batch should be either fully sequential or fully parallel"',
    source: { url: SRC.batchMixed, says: 'A batch mixing requests without dependsOn and a dependsOn chain gets 400 Bad Request: "Batch should be either fully sequential or fully parallel" (docs fixed by the maintainer).' },
    async run(ctx) {
      const res = await ctx.batch([get('1', '/me?$select=id'), get('2', '/me/mailboxSettings/timeZone'), get('3', '/me/calendar?$select=id', ['2'])]);
      status(res, 400, 'POST /$batch mixed');
      ok(errorEnvelope(res, 'error').message.includes('Batch should be either fully sequential or fully parallel'), `message: ${res.body?.error?.message}`);
    },
  },
  {
    id: 'batch.sequential.ok',
    title: 'A fully sequential batch (each request depends on the previous) runs and answers each',
    source: { url: SRC.batching, says: 'dependsOn orders the requests (1, then 2, then 4, then 3 in the example); a batch should be either fully sequential or fully parallel.' },
    async run(ctx) {
      const res = await ctx.batch([get('1', '/me?$select=id'), get('2', '/me/mailboxSettings/timeZone', ['1']), get('4', '/me/calendar?$select=id', ['2']), get('3', '/me/outlook/masterCategories', ['4'])]);
      status(res, 200, 'POST /$batch sequential');
      const r = byId(res.body);
      for (const id of ['1', '2', '3', '4']) eq(r.get(id)?.status, 200, `status of ${id}`);
    },
  },
  {
    id: 'batch.sequential.424-after-failure',
    title: 'In a chain, requests after a failed one answer 424 Failed Dependency',
    source: { url: SRC.batching, says: 'If an individual request fails, any request that depends on that request fails with status code 424 (Failed Dependency).' },
    async run(ctx) {
      const res = await ctx.batch([get('1', '/me/events/AAMkAconformance-does-not-exist'), get('2', '/me?$select=id', ['1']), get('3', '/me/mailboxSettings/timeZone', ['2'])]);
      status(res, 200, 'POST /$batch');
      const r = byId(res.body);
      ok((r.get('1')?.status ?? 0) >= 400, `the first request answered ${r.get('1')?.status}`);
      eq(r.get('2')?.status, 424, 'status of 2');
      eq(r.get('3')?.status, 424, 'status of 3');
    },
  },
  {
    id: 'batch.dependsOn.forward-reference',
    title: 'A dependsOn on a request placed later in the array is refused',
    source: { url: SRC.batchOrder, says: 'Maintainer: if B depends on A and C on B, the batch needs to be serialized in sequential order (A B C) for the service not to throw the batch back.' },
    async run(ctx) {
      const res = await ctx.batch([get('1', '/me?$select=id', ['2']), get('2', '/me/mailboxSettings/timeZone')]);
      status(res, 400, 'POST /$batch with a forward dependsOn');
    },
  },
  {
    id: 'batch.body-needs-content-type',
    title: 'A request with a body and no Content-Type header is refused',
    source: { url: SRC.batching, says: 'headers: optional, but required when body is specified; when a body is included, the headers object must contain a value for Content-Type.' },
    async run(ctx) {
      // A tagged event, so that if a tenant does accept it, the case can still remove what it created.
      const body = { subject: ctx.tag.subject('no content type'), start: { dateTime: `${ctx.day(55)}T10:00:00`, timeZone: 'UTC' }, end: { dateTime: `${ctx.day(55)}T10:30:00`, timeZone: 'UTC' }, singleValueExtendedProperties: [{ id: ctx.tag.property.id, value: ctx.tag.property.value }] };
      const res = await ctx.batch([{ id: '1', method: 'POST', url: '/me/events', body }]);
      const item = byId(res.body).get('1');
      if (typeof item?.body?.id === 'string') ctx.deleteAfter(`/me/events/${q(item.body.id)}`);
      ok(res.status === 400 || item?.status === 400, `batch ${res.status}, item ${item?.status}: a body without Content-Type went through`);
    },
  },
  {
    id: 'batch.binary-response-base64',
    title: 'A photo fetched in a batch comes back as a base64 string of the image bytes',
    source: { url: SRC.batchPhotoBase64, says: 'Maintainer (baywet): in a batch the photo is base64-encoded because it is part of a JSON (string) response, not a binary one; decode it.' },
    async run(ctx) {
      const id = await contactWithPhoto(ctx);
      const res = await ctx.batch([get('p', `/me/contacts/${q(id)}/photo/$value`)]);
      status(res, 200, 'POST /$batch');
      const item = byId(res.body).get('p');
      eq(item?.status, 200, 'status of the photo item');
      ok(typeof item.body === 'string', `body is ${typeof item.body}, not a base64 string`);
      ok(isImage(Buffer.from(item.body, 'base64')), 'decoded body is not JPEG or PNG bytes');
    },
  },
  {
    id: 'batch.binary-request-base64',
    title: 'A photo can be PUT inside a batch as a base64 body with its image Content-Type',
    source: { url: SRC.batching, says: 'body: might be a JSON object or a base64 URL-encoded value, for example when the body is an image; a Content-Type header must be included.' },
    async run(ctx) {
      const c = await ctx.createContact({ givenName: 'BatchPut', surname: 'Photo' });
      status(c, 201, 'POST contact');
      const res = await ctx.batch([{ id: '1', method: 'PUT', url: `/me/contacts/${q(c.body.id)}/photo/$value`, headers: { 'Content-Type': 'image/jpeg' }, body: TINY_JPEG.toString('base64') }]);
      status(res, 200, 'POST /$batch');
      const item = byId(res.body).get('1');
      ok(item?.status === 200 || item?.status === 204, `PUT in batch answered ${item?.status}`);
      const photo = await ctx.get(`/me/contacts/${q(c.body.id)}/photo/$value`);
      status(photo, 200, 'GET photo after the batch');
      ok(isImage(Buffer.from(photo.bytes)), 'stored photo is not an image');
    },
  },
  {
    id: 'batch.throttled-item-429',
    title: 'A throttled request inside a batch is a 429 item with Retry-After; the batch itself is 200',
    source: { url: SRC.throttling, says: 'Requests in a batch are evaluated individually; a throttled one fails with status 429; the batch itself succeeds with 200; retry it after the retry-after header in its JSON response.' },
    sandboxOnly: 'needs fault injection (a 429 on one request)',
    async run(ctx) {
      await ctx.sandbox!.setFaults([{ match: { method: 'GET', path: '^/me/mailboxSettings' }, action: { status: 429, retryAfterSeconds: 7 } }]);
      const res = await ctx.batch([get('1', '/me?$select=id'), get('2', '/me/mailboxSettings/timeZone')]);
      status(res, 200, 'POST /$batch');
      const item = byId(res.body).get('2');
      eq(item?.status, 429, 'status of the throttled item');
      const headers = Object.fromEntries(Object.entries(item.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      eq(String(headers['retry-after']), '7', 'Retry-After in the item headers');
      eq(byId(res.body).get('1')?.status, 200, 'status of the other item');
    },
  },
  {
    id: 'batch.parallel-fed-four-at-a-time',
    title: 'A parallel batch of ten requests to one mailbox stays inside the mailbox concurrency limit (no 429)',
    source: { url: SRC.throttlingLimits, says: 'For unordered requests in a batch, Graph sends Outlook up to four at a time, so the batch stays within Outlook\'s concurrency limit for the same mailbox.' },
    sandboxOnly: 'needs Exchange-like throttling (4 concurrent per mailbox) and latency switched on',
    async run(ctx) {
      await ctx.sandbox!.configure({ latencyMs: 40, throttle: { maxConcurrentPerMailbox: 4, retryAfterSeconds: 1 } });
      const res = await ctx.batch(Array.from({ length: 10 }, (_, i) => get(String(i + 1), '/me/mailboxSettings/timeZone')));
      status(res, 200, 'POST /$batch');
      const statuses = [...byId(res.body).values()].map((r) => r.status);
      eq(statuses.filter((s) => s === 200).length, 10, `statuses ${statuses.join(',')}`);
    },
  },
];
