// The sandbox server: plain HTTP on 127.0.0.1, Graph v1.0 under /v1.0, admin routes under /sandbox.
// Every Graph request goes through the same pipe: CORS → bearer token → throttling (per mailbox, in flight
// and rate) → latency → fault rules → handler → log. $batch runs its sub-requests through the same pipe
// minus the wire, so throttling and faults apply inside a batch as they do in Exchange.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { GraphRequest, GraphResponse, Json, JsonObject } from './core';
import { GraphError, errorResponse, isObject, newRequestId } from './core';
import { dispatch, mailboxOfPath } from './router';
import { seedState } from './seed';
import { Store } from './store';
import { CalendarRequestError, DateTimeFormatError, TimeZoneError } from './time';

export interface ThrottleOptions {
  maxConcurrentPerMailbox?: number;
  ratePerMailbox?: { requests: number; perSeconds: number };
  retryAfterSeconds?: number;
}

export interface SandboxOptions {
  port?: number;
  dataFile?: string | null;
  now?: () => Date;
  latencyMs?: number;
  throttle?: ThrottleOptions | false;
  quiet?: boolean;
}

export type FaultAction = { status: 500 | 503 | 504 | 429; retryAfterSeconds?: number } | { drop: 'before' | 'after' };

export interface FaultRule {
  match: { method?: string; path?: string; nth?: number };
  action: FaultAction;
  times?: number;
}

export interface LogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  status: number;
  mailbox: string | null;
  roundTrip: boolean;
  batchSeq?: number;
  requestId: string;
  clientRequestId?: string;
  throttled?: boolean;
  fault?: string;
  inFlightForMailbox: number;
}

export interface MailboxStats {
  maxInFlight: number;
  requests: number;
  throttled: number;
}

export interface SandboxStats {
  requests: number;
  roundTrips: number;
  throttled: number;
  faults: number;
  perMailbox: Record<string, MailboxStats>;
}

export interface SandboxConfig {
  latencyMs: number;
  throttle: Required<ThrottleOptions> | false;
}

export interface Sandbox {
  url: string;
  graphUrl: string;
  close(): Promise<void>;
  reset(): void;
  token(upn: string, opts?: { expiresInSeconds?: number }): string;
  log(): LogEntry[];
  clearLog(): void;
  setFaults(rules: FaultRule[]): void;
  faults(): FaultRule[];
  configure(partial: { latencyMs?: number; throttle?: ThrottleOptions | false }): void;
  config(): SandboxConfig;
  stats(): SandboxStats;
  /** Direct access to the state, for tests that need to look behind the API (e.g. cancellations). */
  store: Store;
}

export const EXCHANGE_THROTTLE: Required<ThrottleOptions> = {
  maxConcurrentPerMailbox: 4,
  ratePerMailbox: { requests: 10_000, perSeconds: 600 },
  retryAfterSeconds: 1,
};

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Prefer, ConsistencyLevel, client-request-id, If-Match, SdkVersion, return-client-request-id',
  'Access-Control-Expose-Headers': 'request-id, client-request-id, Location, Retry-After, ETag, Preference-Applied',
  'Access-Control-Max-Age': '600',
};

const MAX_BODY_BYTES = 4 * 1024 * 1024;

const sleep = (ms: number): Promise<void> => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

function resolveThrottle(t: ThrottleOptions | false | undefined): Required<ThrottleOptions> | false {
  if (t === false || t === undefined) return false;
  return {
    maxConcurrentPerMailbox: t.maxConcurrentPerMailbox ?? EXCHANGE_THROTTLE.maxConcurrentPerMailbox,
    ratePerMailbox: t.ratePerMailbox ?? EXCHANGE_THROTTLE.ratePerMailbox,
    retryAfterSeconds: t.retryAfterSeconds ?? EXCHANGE_THROTTLE.retryAfterSeconds,
  };
}

/** The error a thrown value becomes on the wire: GraphError as is, the time module's 400s, else a 500. */
function toGraphError(err: unknown): GraphError {
  if (err instanceof GraphError) return err;
  if (err instanceof CalendarRequestError || err instanceof TimeZoneError || err instanceof DateTimeFormatError) {
    return new GraphError(err.status, err.code, err.message);
  }
  if (err instanceof Error && typeof (err as { status?: unknown }).status === 'number' && typeof (err as { code?: unknown }).code === 'string') {
    return new GraphError((err as unknown as { status: number }).status, (err as unknown as { code: string }).code, err.message);
  }
  // A bug in the sandbox: answer like Graph's 500 and say it on the console so it gets fixed.
  console.error('[sandbox] internal error', err);
  return new GraphError(500, 'InternalServerError', err instanceof Error ? err.message : String(err));
}

interface FaultState {
  rule: FaultRule;
  regex: RegExp | null;
  seen: number;
  fired: number;
}

class DroppedConnection extends Error {
  constructor(readonly when: 'before' | 'after') {
    super(`connection dropped ${when}`);
  }
}

export async function createSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const now = opts.now ?? ((): Date => new Date());
  const dataFile = opts.dataFile ?? null;
  const quiet = opts.quiet ?? true;
  const store = Store.load(dataFile, () => seedState(now()));
  const secret = randomBytes(32);
  let latencyMs = opts.latencyMs ?? 0;
  let throttle = resolveThrottle(opts.throttle);
  let log: LogEntry[] = [];
  let seq = 0;
  let faults: FaultState[] = [];
  const inFlight = new Map<string, number>();
  const rateWindows = new Map<string, number[]>();
  const stats: SandboxStats = { requests: 0, roundTrips: 0, throttled: 0, faults: 0, perMailbox: {} };
  const sockets = new Set<Socket>();

  // ---- tokens: a JWT-shaped HS256 token with the user id and expiry.
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const sign = (data: string): string => createHmac('sha256', secret).update(data).digest('base64url');
  function token(upn: string, o: { expiresInSeconds?: number } = {}): string {
    const u = store.user(upn);
    if (!u) throw new GraphError(400, 'invalid_request', `Unknown user '${upn}'.`);
    const iat = Math.floor(now().getTime() / 1000);
    const payload = { aud: 'https://graph.microsoft.com', iss: 'au-revoir-sandbox', oid: u.id, upn: u.userPrincipalName, iat, exp: iat + (o.expiresInSeconds ?? 3600) };
    const head = b64({ alg: 'HS256', typ: 'JWT' });
    const body = b64(payload);
    return `${head}.${body}.${sign(`${head}.${body}`)}`;
  }
  function verify(header: string | undefined): string {
    const invalid = (message: string): GraphError => new GraphError(401, 'InvalidAuthenticationToken', message);
    if (header === undefined || header.trim() === '') throw invalid('Access token is empty.');
    const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!m) throw invalid('IDX14100: JWT is not well formed, there are no dots (.).');
    const parts = m[1]!.split('.');
    if (parts.length !== 3) throw invalid('IDX14100: JWT is not well formed, there are no dots (.).');
    const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]!);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid('Invalid signature.');
    let payload: { oid?: unknown; exp?: unknown };
    try {
      payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { oid?: unknown; exp?: unknown };
    } catch (err) {
      throw invalid(`Access token payload is not JSON: ${(err as Error).message}`);
    }
    if (typeof payload.exp !== 'number' || payload.exp * 1000 <= now().getTime()) {
      throw invalid('Lifetime validation failed, the token is expired.');
    }
    if (typeof payload.oid !== 'string') throw invalid('Access token has no user.');
    return payload.oid;
  }

  // ---- throttling
  function mailboxStats(mb: string): MailboxStats {
    return (stats.perMailbox[mb] ??= { maxInFlight: 0, requests: 0, throttled: 0 });
  }
  /** Takes an in-flight slot for the mailbox, or returns the 429 reason. */
  function acquire(mb: string): 'concurrency' | 'rate' | null {
    const s = mailboxStats(mb);
    s.requests++;
    if (throttle !== false) {
      const current = inFlight.get(mb) ?? 0;
      if (current >= throttle.maxConcurrentPerMailbox) return 'concurrency';
      const windowMs = throttle.ratePerMailbox.perSeconds * 1000;
      const t = Date.now();
      const hits = (rateWindows.get(mb) ?? []).filter((x) => x > t - windowMs);
      if (hits.length >= throttle.ratePerMailbox.requests) {
        rateWindows.set(mb, hits);
        return 'rate';
      }
      hits.push(t);
      rateWindows.set(mb, hits);
    }
    const n = (inFlight.get(mb) ?? 0) + 1;
    inFlight.set(mb, n);
    s.maxInFlight = Math.max(s.maxInFlight, n);
    return null;
  }
  function release(mb: string): void {
    inFlight.set(mb, Math.max(0, (inFlight.get(mb) ?? 1) - 1));
  }
  function throttledError(reason: 'concurrency' | 'rate'): GraphError {
    const retry = throttle === false ? 1 : throttle.retryAfterSeconds;
    return new GraphError(
      429,
      'ApplicationThrottled',
      reason === 'concurrency' ? 'Application is over its MailboxConcurrency limit.' : 'Application is over its MailboxRequests limit.',
      { 'Retry-After': String(retry) },
    );
  }

  // ---- faults
  function matchFault(method: string, path: string, isBatchEnvelope: boolean): FaultState | null {
    for (const f of faults) {
      if (f.fired >= (f.rule.times ?? 1)) continue;
      if (f.rule.match.method && f.rule.match.method.toUpperCase() !== method.toUpperCase()) continue;
      // A rule without a path never matches the $batch envelope: its sub-requests are what it counts.
      if (f.regex === null ? isBatchEnvelope : !f.regex.test(path)) continue;
      f.seen++;
      if (f.seen >= (f.rule.match.nth ?? 1)) {
        f.fired++;
        stats.faults++;
        return f;
      }
    }
    return null;
  }
  function faultLabel(a: FaultAction): string {
    return 'drop' in a ? `drop-${a.drop}` : `status-${a.status}`;
  }
  function faultError(a: { status: number; retryAfterSeconds?: number }): GraphError {
    const headers: Record<string, string> = {};
    if (a.retryAfterSeconds !== undefined || a.status === 429) headers['Retry-After'] = String(a.retryAfterSeconds ?? 1);
    const codes: Record<number, [string, string]> = {
      500: ['InternalServerError', 'An internal server error occurred. (sandbox fault injection)'],
      503: ['ServiceNotAvailable', 'The service is temporarily unavailable. (sandbox fault injection)'],
      504: ['GatewayTimeout', 'The gateway timed out. (sandbox fault injection)'],
      429: ['TooManyRequests', 'Too many requests. (sandbox fault injection)'],
    };
    const [code, message] = codes[a.status] ?? ['InternalServerError', 'Injected failure.'];
    return new GraphError(a.status, code, message, headers);
  }

  // ---- the Graph pipe, shared by wire requests and $batch sub-requests.
  const graphUrlOf = (): string => `${url}/v1.0`;

  function record(e: Omit<LogEntry, 'seq' | 'at'> & { seq?: number }): LogEntry {
    const entry: LogEntry = { ...e, seq: e.seq ?? ++seq, at: now().toISOString() };
    log.push(entry);
    if (log.length > 20_000) log = log.slice(-10_000);
    stats.requests++;
    if (entry.roundTrip) stats.roundTrips++;
    if (entry.throttled) stats.throttled++;
    if (!quiet) console.log(`[sandbox] ${entry.method} ${entry.path} → ${entry.status}${entry.fault ? ` (${entry.fault})` : ''}${entry.throttled ? ' (throttled)' : ''}`);
    return entry;
  }

  function run(req: GraphRequest): GraphResponse {
    try {
      return dispatch(store, now, graphUrlOf(), req);
    } catch (err) {
      return errorResponse(toGraphError(err), req, now());
    }
  }

  function withStandardHeaders(res: GraphResponse, req: Pick<GraphRequest, 'requestId' | 'clientRequestId'>): GraphResponse {
    res.headers['request-id'] = req.requestId;
    if (req.clientRequestId !== undefined) res.headers['client-request-id'] = req.clientRequestId;
    res.headers['Date'] = now().toUTCString();
    res.headers['OData-Version'] ??= '4.0';
    return res;
  }

  async function handleBatch(outer: GraphRequest, outerSeq: number, mailboxUpn: string | null): Promise<{ res: GraphResponse; dropAfter: boolean }> {
    const body = outer.body;
    if (!isObject(body) || !Array.isArray(body.requests)) throw new GraphError(400, 'BadRequest', 'Invalid batch payload format.');
    const requests = body.requests as unknown[];
    if (requests.length === 0) throw new GraphError(400, 'BadRequest', 'Invalid batch payload format: no requests.');
    if (requests.length > 20) throw new GraphError(400, 'BadRequest', 'Invalid batch payload format: the maximum number of requests in a batch is 20.');
    interface Item {
      id: string;
      method: string;
      url: string;
      headers: Record<string, string>;
      body: unknown;
      dependsOn: string[];
    }
    const items: Item[] = requests.map((r, i) => {
      if (!isObject(r) || typeof r.id !== 'string' || typeof r.method !== 'string' || typeof r.url !== 'string') {
        throw new GraphError(400, 'BadRequest', `Invalid batch payload format: request ${i} needs an id, a method and a url.`);
      }
      const headers: Record<string, string> = {};
      if (isObject(r.headers)) for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = String(v);
      if (r.body !== undefined && headers['content-type'] === undefined) {
        throw new GraphError(400, 'BadRequest', `Invalid batch payload format: request '${r.id}' has a body but no Content-Type header.`);
      }
      const dependsOn = Array.isArray(r.dependsOn) ? r.dependsOn.map(String) : [];
      return { id: r.id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn };
    });
    const ids = new Set<string>();
    for (const it of items) {
      if (ids.has(it.id.toLowerCase())) throw new GraphError(400, 'BadRequest', `Invalid batch payload format: the request id '${it.id}' is used twice.`);
      ids.add(it.id.toLowerCase());
    }
    for (const it of items) {
      for (const d of it.dependsOn) {
        if (!items.some((x) => x.id === d)) throw new GraphError(400, 'BadRequest', `Invalid batch payload format: request '${it.id}' depends on unknown request '${d}'.`);
      }
    }
    const results = new Map<string, JsonObject>();
    let dropAfter = false;
    const held: string[] = [];

    const subRequest = (it: Item): GraphRequest => {
      // Graph takes relative URLs ("/me", "me/events"); tolerate an absolute one pointing at us or at Graph.
      const relative = it.url.replace(/^https?:\/\/[^/]+/i, '').replace(/^\/?(v1\.0\/)?/, '/');
      const u = new URL(relative, 'http://sandbox.invalid');
      let raw: Buffer | undefined;
      let parsed: unknown = it.body;
      if (typeof it.body === 'string' && !/json/i.test(it.headers['content-type'] ?? '')) {
        raw = Buffer.from(it.body, 'base64');
        parsed = undefined;
      }
      return {
        method: it.method,
        path: u.pathname,
        query: u.searchParams,
        headers: { ...it.headers, authorization: outer.headers['authorization'] ?? '' },
        body: parsed,
        rawBody: raw,
        callerId: outer.callerId,
        requestId: newRequestId(),
        clientRequestId: it.headers['client-request-id'],
      };
    };
    const asItem = (it: Item, res: GraphResponse): JsonObject => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (k !== 'Date' && k !== 'request-id') headers[k] = v;
      let bodyOut: Json | undefined;
      if (Buffer.isBuffer(res.body)) bodyOut = res.body.toString('base64');
      else bodyOut = res.body;
      const out: JsonObject = { id: it.id, status: res.status, headers };
      if (bodyOut !== undefined) out.body = bodyOut;
      return out;
    };
    const subMailbox = (req: GraphRequest): string => mailboxOfPath(store, outer.callerId, req.path)?.userPrincipalName ?? mailboxUpn ?? 'unknown';

    /** Starts one sub-request: fault and throttle checks; returns the response if it ends there. */
    const start = (it: Item): { req: GraphRequest; mb: string; early: GraphResponse | null; fault?: string } => {
      const req = subRequest(it);
      const mb = subMailbox(req);
      const fault = matchFault(req.method, req.path, false);
      if (fault && 'drop' in fault.rule.action) {
        if (fault.rule.action.drop === 'before') {
          record({ method: req.method, path: it.url, status: 0, mailbox: mb, roundTrip: false, batchSeq: outerSeq, requestId: req.requestId, clientRequestId: req.clientRequestId, fault: 'drop-before', inFlightForMailbox: inFlight.get(mb) ?? 0 });
          throw new DroppedConnection('before');
        }
        dropAfter = true;
      }
      const reason = acquire(mb);
      if (reason !== null) {
        mailboxStats(mb).throttled++;
        return { req, mb, early: withStandardHeaders(errorResponse(throttledError(reason), req, now()), req) };
      }
      held.push(mb);
      if (fault && 'status' in fault.rule.action) {
        return { req, mb, early: withStandardHeaders(errorResponse(faultError(fault.rule.action), req, now()), req), fault: faultLabel(fault.rule.action) };
      }
      return { req, mb, early: null, fault: fault ? faultLabel(fault.rule.action) : undefined };
    };
    const finishItem = (it: Item, s: { req: GraphRequest; mb: string; early: GraphResponse | null; fault?: string }): void => {
      const res = s.early ?? withStandardHeaders(run(s.req), s.req);
      const throttled = s.early !== null && s.early.status === 429 && s.fault === undefined;
      record({
        method: s.req.method,
        path: it.url.startsWith('/') ? it.url : `/${it.url}`,
        status: res.status,
        mailbox: s.mb,
        roundTrip: false,
        batchSeq: outerSeq,
        requestId: s.req.requestId,
        clientRequestId: s.req.clientRequestId,
        ...(throttled ? { throttled: true } : {}),
        ...(s.fault ? { fault: s.fault } : {}),
        inFlightForMailbox: inFlight.get(s.mb) ?? 0,
      });
      results.set(it.id, asItem(it, res));
    };
    const releaseAll = (): void => {
      while (held.length > 0) release(held.pop()!);
    };

    try {
      // Wave 1: everything without dependsOn starts at once, as Graph runs a parallel batch; the mailbox's
      // concurrency limit lets the first few in and answers 429 to the rest.
      const independent = items.filter((it) => it.dependsOn.length === 0);
      const started = independent.map((it) => ({ it, s: start(it) }));
      await sleep(latencyMs);
      for (const { it, s } of started) finishItem(it, s);
      releaseAll();
      // Then the dependent ones, in dependency order, one at a time.
      let pending = items.filter((it) => it.dependsOn.length > 0);
      while (pending.length > 0) {
        const ready = pending.filter((it) => it.dependsOn.every((d) => results.has(d)));
        if (ready.length === 0) throw new GraphError(400, 'BadRequest', 'Invalid batch payload format: the dependsOn chain has a cycle.');
        for (const it of ready) {
          const failed = it.dependsOn.find((d) => {
            const st = Number(results.get(d)!.status);
            return st < 200 || st >= 300;
          });
          if (failed !== undefined) {
            const req = subRequest(it);
            const res = withStandardHeaders(
              errorResponse(new GraphError(424, 'FailedDependency', `The request failed because it depends on request '${failed}', which failed.`), req, now()),
              req,
            );
            record({ method: req.method, path: it.url, status: 424, mailbox: subMailbox(req), roundTrip: false, batchSeq: outerSeq, requestId: req.requestId, clientRequestId: req.clientRequestId, inFlightForMailbox: 0 });
            results.set(it.id, asItem(it, res));
            continue;
          }
          const s = start(it);
          finishItem(it, s);
          releaseAll();
        }
        pending = pending.filter((it) => !ready.includes(it));
      }
    } finally {
      releaseAll();
    }
    const responses = items.map((it) => results.get(it.id)!);
    return { res: { status: 200, headers: { 'Content-Type': 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8' }, body: { responses } }, dropAfter };
  }

  async function handleGraph(req: IncomingMessage, res: ServerResponse, rawBody: Buffer, u: URL): Promise<void> {
    const mySeq = ++seq;
    const requestId = newRequestId();
    const clientRequestId = header(req, 'client-request-id');
    const path = u.pathname.slice('/v1.0'.length) || '/';
    const pathWithQuery = path + u.search;
    const method = (req.method ?? 'GET').toUpperCase();
    const ids = { requestId, clientRequestId };
    const send = (r: GraphResponse): void => writeResponse(res, withStandardHeaders(r, ids));
    const base = { seq: mySeq, method, path: pathWithQuery, roundTrip: true, requestId, ...(clientRequestId !== undefined ? { clientRequestId } : {}) };

    let callerId: string;
    try {
      callerId = verify(header(req, 'authorization'));
      if (!store.user(callerId)) throw new GraphError(401, 'InvalidAuthenticationToken', 'The user of this token no longer exists.');
    } catch (err) {
      await sleep(latencyMs);
      const r = errorResponse(toGraphError(err), ids, now());
      record({ ...base, status: r.status, mailbox: null, inFlightForMailbox: 0 });
      send(r);
      return;
    }
    if (rawBody.length > MAX_BODY_BYTES) {
      // Graph refuses request bodies over 4 MB (which is why photos must stay under it).
      await sleep(latencyMs);
      const r = errorResponse(new GraphError(413, 'RequestEntityTooLarge', 'The request body is larger than the 4 MB Graph accepts.'), ids, now());
      record({ ...base, status: 413, mailbox: null, inFlightForMailbox: 0 });
      send(r);
      return;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
    const contentType = headers['content-type'] ?? '';
    let body: unknown;
    if (rawBody.length > 0 && /json/i.test(contentType)) {
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch (err) {
        await sleep(latencyMs);
        const r = errorResponse(new GraphError(400, 'BadRequest', `Unable to read JSON request payload: ${(err as Error).message}`), ids, now());
        record({ ...base, status: 400, mailbox: null, inFlightForMailbox: 0 });
        send(r);
        return;
      }
    }
    const greq: GraphRequest = { method, path, query: u.searchParams, headers, body, rawBody, callerId, requestId, clientRequestId };
    const isBatch = path === '/$batch';
    const mailbox = mailboxOfPath(store, callerId, path)?.userPrincipalName ?? null;
    const mb = mailbox ?? 'unknown';

    if (isBatch) {
      if (method !== 'POST') {
        const r = errorResponse(new GraphError(405, 'BadRequest', 'Only POST is allowed on $batch.'), ids, now());
        record({ ...base, status: 405, mailbox, inFlightForMailbox: 0 });
        send(r);
        return;
      }
      const fault = matchFault(method, path, true);
      if (fault && 'drop' in fault.rule.action && fault.rule.action.drop === 'before') {
        record({ ...base, status: 0, mailbox, fault: 'drop-before', inFlightForMailbox: 0 });
        req.socket.destroy();
        return;
      }
      if (fault && 'status' in fault.rule.action) {
        await sleep(latencyMs);
        const r = errorResponse(faultError(fault.rule.action), ids, now());
        record({ ...base, status: r.status, mailbox, fault: faultLabel(fault.rule.action), inFlightForMailbox: 0 });
        send(r);
        return;
      }
      try {
        const { res: r, dropAfter } = await handleBatch(greq, mySeq, mailbox);
        const dropped = dropAfter || (fault !== null && 'drop' in fault.rule.action);
        record({ ...base, status: r.status, mailbox, inFlightForMailbox: 0, ...(dropped ? { fault: 'drop-after' } : {}) });
        if (dropped) req.socket.destroy();
        else send(r);
      } catch (err) {
        if (err instanceof DroppedConnection) {
          record({ ...base, status: 0, mailbox, fault: 'drop-before', inFlightForMailbox: 0 });
          req.socket.destroy();
          return;
        }
        await sleep(latencyMs);
        const r = errorResponse(toGraphError(err), ids, now());
        record({ ...base, status: r.status, mailbox, inFlightForMailbox: 0 });
        send(r);
      }
      return;
    }

    const reason = acquire(mb);
    if (reason !== null) {
      mailboxStats(mb).throttled++;
      await sleep(latencyMs);
      const r = errorResponse(throttledError(reason), ids, now());
      record({ ...base, status: 429, mailbox, throttled: true, inFlightForMailbox: inFlight.get(mb) ?? 0 });
      send(r);
      return;
    }
    const inFlightNow = inFlight.get(mb) ?? 0;
    try {
      await sleep(latencyMs);
      const fault = matchFault(method, path, false);
      if (fault && 'drop' in fault.rule.action) {
        if (fault.rule.action.drop === 'before') {
          record({ ...base, status: 0, mailbox, fault: 'drop-before', inFlightForMailbox: inFlightNow });
          req.socket.destroy();
          return;
        }
        const r = run(greq);
        record({ ...base, status: r.status, mailbox, fault: 'drop-after', inFlightForMailbox: inFlightNow });
        req.socket.destroy();
        return;
      }
      if (fault && 'status' in fault.rule.action) {
        const r = errorResponse(faultError(fault.rule.action), ids, now());
        record({ ...base, status: r.status, mailbox, fault: faultLabel(fault.rule.action), inFlightForMailbox: inFlightNow });
        send(r);
        return;
      }
      const r = run(greq);
      record({ ...base, status: r.status, mailbox, inFlightForMailbox: inFlightNow });
      send(r);
    } finally {
      release(mb);
    }
  }

  // ---- admin routes (not logged, no latency)
  function admin(method: string, path: string, body: unknown, q: URLSearchParams): { status: number; body?: Json } {
    const route = `${method} ${path.replace(/\/$/, '')}`;
    switch (route) {
      case 'POST /sandbox/token': {
        if (!isObject(body) || typeof body.user !== 'string') return { status: 400, body: { error: 'invalid_request', error_description: 'Send {"user": "<userPrincipalName>"}.' } };
        if (!store.user(body.user)) return { status: 400, body: { error: 'invalid_request', error_description: `Unknown user '${body.user}'.` } };
        const expiresIn = typeof body.expiresInSeconds === 'number' ? body.expiresInSeconds : 3600;
        return { status: 200, body: { access_token: token(body.user, { expiresInSeconds: expiresIn }), token_type: 'Bearer', expires_in: expiresIn } };
      }
      case 'GET /sandbox/log': {
        const since = Number(q.get('since') ?? '0');
        return { status: 200, body: sandbox.log().filter((e) => e.seq > since) as unknown as Json };
      }
      case 'DELETE /sandbox/log':
        log = [];
        return { status: 204 };
      case 'POST /sandbox/reset':
        sandbox.reset();
        return { status: 204 };
      case 'GET /sandbox/config':
        return { status: 200, body: sandbox.config() as unknown as Json };
      case 'PUT /sandbox/config':
      case 'PATCH /sandbox/config': {
        if (!isObject(body)) return { status: 400, body: { error: 'Send {"latencyMs"?, "throttle"?}.' } };
        sandbox.configure(body as { latencyMs?: number; throttle?: ThrottleOptions | false });
        return { status: 200, body: sandbox.config() as unknown as Json };
      }
      case 'GET /sandbox/faults':
        return { status: 200, body: faults.map((f) => ({ ...f.rule, seen: f.seen, fired: f.fired })) as unknown as Json };
      case 'PUT /sandbox/faults': {
        const rules = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.rules) ? body.rules : null;
        if (rules === null) return { status: 400, body: { error: 'Send an array of fault rules.' } };
        try {
          sandbox.setFaults(rules as FaultRule[]);
        } catch (err) {
          return { status: 400, body: { error: (err as Error).message } };
        }
        return { status: 200, body: rules as Json };
      }
      case 'DELETE /sandbox/faults':
        faults = [];
        return { status: 204 };
      case 'GET /sandbox/stats':
        return { status: 200, body: sandbox.stats() as unknown as Json };
      case 'GET /sandbox/users':
        return {
          status: 200,
          body: store.state.users.map((u) => ({ userPrincipalName: u.userPrincipalName, displayName: u.displayName, jobTitle: u.jobTitle, manager: u.managerId ? store.user(u.managerId)?.userPrincipalName ?? null : null, canReadLeaveDates: u.canReadLeaveDates })),
        };
      default: {
        const m = /^GET \/sandbox\/mailboxes\/([^/]+)\/cancellations$/.exec(route);
        if (m) {
          const u = store.user(decodeURIComponent(m[1]!));
          if (!u) return { status: 404, body: { error: 'Unknown user.' } };
          return { status: 200, body: store.mailbox(u.id).cancellations as unknown as Json };
        }
        return { status: 404, body: { error: `No admin route ${route}.` } };
      }
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      for (const [k, v] of Object.entries(CORS_HEADERS)) res.setHeader(k, v);
      if (req.method === 'OPTIONS') {
        // Allow what the browser asks for on top of Graph's usual list (the SDK adds SdkVersion, apps may add more).
        const asked = header(req, 'access-control-request-headers');
        if (asked) res.setHeader('Access-Control-Allow-Headers', `${CORS_HEADERS['Access-Control-Allow-Headers']}, ${asked}`);
        res.writeHead(204);
        res.end();
        return;
      }
      if (u.pathname.startsWith('/sandbox')) {
        let body: unknown;
        try {
          body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
        } catch (err) {
          writeResponse(res, { status: 400, headers: { 'Content-Type': 'application/json' }, body: { error: `Invalid JSON: ${(err as Error).message}` } });
          return;
        }
        let out: { status: number; body?: Json };
        try {
          out = admin((req.method ?? 'GET').toUpperCase(), u.pathname, body, u.searchParams);
        } catch (err) {
          out = { status: 500, body: { error: (err as Error).message } };
        }
        writeResponse(res, { status: out.status, headers: out.body === undefined ? {} : { 'Content-Type': 'application/json' }, body: out.body });
        return;
      }
      if (u.pathname === '/v1.0' || u.pathname.startsWith('/v1.0/')) {
        handleGraph(req, res, raw, u).catch((err: unknown) => {
          console.error('[sandbox] unhandled', err);
          if (!res.headersSent) writeResponse(res, { status: 500, headers: { 'Content-Type': 'application/json' }, body: { error: { code: 'InternalServerError', message: String(err) } } });
        });
        return;
      }
      if (u.pathname === '/' || u.pathname === '') {
        writeResponse(res, { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from('Au revoir Graph sandbox. Graph v1.0 under /v1.0, admin under /sandbox (see sandbox/README.md).\n') });
        return;
      }
      writeResponse(res, {
        status: 404,
        headers: { 'Content-Type': 'application/json' },
        body: { error: { code: 'BadRequest', message: `Invalid version: the path must start with /v1.0 (got '${u.pathname}').`, innerError: { date: now().toISOString(), 'request-id': newRequestId() } } },
      });
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const sandbox: Sandbox = {
    url,
    graphUrl: `${url}/v1.0`,
    store,
    async close() {
      store.flush();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
    reset() {
      store.replace(seedState(now()));
      store.flush();
      log = [];
      faults = [];
      inFlight.clear();
      rateWindows.clear();
      stats.requests = 0;
      stats.roundTrips = 0;
      stats.throttled = 0;
      stats.faults = 0;
      stats.perMailbox = {};
    },
    token,
    // In arrival order (seq), though entries are written when each request ends.
    log: () => [...log].sort((a, b) => a.seq - b.seq),
    clearLog() {
      log = [];
    },
    setFaults(rules) {
      faults = rules.map((rule) => {
        const a = rule.action as Record<string, unknown>;
        if (!isObject(rule) || !isObject(rule.match) || !isObject(rule.action)) throw new Error('A fault rule is {match, action, times?}.');
        if (!('drop' in a) && ![500, 503, 504, 429].includes(Number(a.status))) throw new Error('action.status must be 500, 503, 504 or 429, or use action.drop.');
        if ('drop' in a && a.drop !== 'before' && a.drop !== 'after') throw new Error("action.drop must be 'before' or 'after'.");
        return { rule, regex: rule.match.path ? new RegExp(rule.match.path) : null, seen: 0, fired: 0 };
      });
    },
    faults: () => faults.map((f) => f.rule),
    configure(partial) {
      if (partial.latencyMs !== undefined) latencyMs = Math.max(0, partial.latencyMs);
      if (partial.throttle !== undefined) {
        throttle = resolveThrottle(partial.throttle);
        // A new limit starts a new window, so a test (or the bench) measures only its own requests.
        rateWindows.clear();
      }
    },
    config: () => ({ latencyMs, throttle }),
    stats: () => structuredClone(stats),
  };
  return sandbox;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function writeResponse(res: ServerResponse, r: GraphResponse): void {
  let payload: Buffer | undefined;
  if (Buffer.isBuffer(r.body)) payload = r.body;
  else if (r.body !== undefined) payload = Buffer.from(JSON.stringify(r.body));
  for (const [k, v] of Object.entries(r.headers)) res.setHeader(k, v);
  if (payload !== undefined) res.setHeader('Content-Length', payload.length);
  res.writeHead(r.status);
  res.end(payload);
}

export { seedState } from './seed';
export { PEOPLE, DOMAIN } from './seed';
