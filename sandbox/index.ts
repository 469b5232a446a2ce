// The sandbox server: plain HTTP on 127.0.0.1, Graph v1.0 under /v1.0, admin routes under /sandbox.
// Every Graph request goes through the same pipe: CORS → bearer token (tokens.ts) → throttling per mailbox,
// in flight and rate (throttle.ts) → latency → fault rules (faults.ts) → handler → log. $batch (batch.ts)
// runs its sub-requests through the same pipe minus the wire, so throttling and faults apply inside a batch
// as they do in Exchange. Admin routes are in admin.ts. This file wires them together.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { adminRoute } from './admin';
import type { BatchConcurrency } from './batch';
import { handleBatch } from './batch';
import type { GraphRequest, GraphResponse, Json } from './core';
import { GraphError, errorResponse, newRequestId } from './core';
import type { FaultRule } from './faults';
import { DroppedConnection, Faults, faultError, faultLabel } from './faults';
import type { LogEntry, Pipe } from './pipe';
import { sleep, toGraphError } from './pipe';
import { dispatch, mailboxOfPath } from './router';
import { seedState } from './seed';
import { Store } from './store';
import type { MailboxStats, ThrottleOptions } from './throttle';
import { Throttle } from './throttle';
import { createTokens } from './tokens';
import type { TokenOptions } from './tokens';

export type { FaultAction, FaultRule } from './faults';
export type { LogEntry } from './pipe';
export type { MailboxStats, ThrottleOptions } from './throttle';
export { EXCHANGE_THROTTLE } from './throttle';
export type { BatchConcurrency } from './batch';

export interface SandboxOptions {
  port?: number;
  dataFile?: string | null;
  now?: () => Date;
  latencyMs?: number;
  throttle?: ThrottleOptions | false;
  /**
   * How a fully parallel $batch reaches the mailbox: 'documented' (the default: Graph hands Outlook four
   * items at a time) or 'reported429' (all at once, the items beyond the mailbox's free slots get 429).
   */
  batchConcurrency?: BatchConcurrency;
  quiet?: boolean;
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
  batchConcurrency: BatchConcurrency;
}

export interface Sandbox {
  url: string;
  graphUrl: string;
  close(): Promise<void>;
  reset(): void;
  /** A bearer token; its `scp` is the app's scopes unless `opts.scopes` says otherwise (tokens.ts). */
  token(upn: string, opts?: TokenOptions): string;
  log(): LogEntry[];
  clearLog(): void;
  setFaults(rules: FaultRule[]): void;
  faults(): FaultRule[];
  configure(partial: { latencyMs?: number; throttle?: ThrottleOptions | false; batchConcurrency?: BatchConcurrency }): void;
  config(): SandboxConfig;
  stats(): SandboxStats;
  /** Direct access to the state, for tests that need to look behind the API (e.g. cancellations). */
  store: Store;
}

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Prefer, ConsistencyLevel, client-request-id, If-Match, SdkVersion, return-client-request-id',
  'Access-Control-Expose-Headers': 'request-id, client-request-id, Location, Retry-After, ETag, Preference-Applied',
  'Access-Control-Max-Age': '600',
};

const MAX_BODY_BYTES = 4 * 1024 * 1024;

export async function createSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const now = opts.now ?? ((): Date => new Date());
  const dataFile = opts.dataFile ?? null;
  const quiet = opts.quiet ?? true;
  const store = Store.load(dataFile, () => seedState(now()));
  let latencyMs = opts.latencyMs ?? 0;
  let batchConcurrency = checkBatchConcurrency(opts.batchConcurrency ?? 'documented');
  let log: LogEntry[] = [];
  let seq = 0;
  const stats: SandboxStats = { requests: 0, roundTrips: 0, throttled: 0, faults: 0, perMailbox: {} };
  const sockets = new Set<Socket>();
  const tokens = createTokens(store, now);
  const throttle = new Throttle(opts.throttle, (mb) => (stats.perMailbox[mb] ??= { maxInFlight: 0, requests: 0, throttled: 0 }));
  const faults = new Faults(() => {
    stats.faults++;
  });

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

  const pipe: Pipe = { store, now, throttle, faults, latencyMs: () => latencyMs, batchConcurrency: () => batchConcurrency, record, run, withStandardHeaders };

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
      callerId = tokens.verify(header(req, 'authorization'));
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
      const fault = faults.match(method, path, true, body);
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
        const { res: r, dropAfter } = await handleBatch(pipe, greq, mySeq, mailbox);
        const dropped = dropAfter || (fault !== null && 'drop' in fault.rule.action);
        record({ ...base, status: r.status, mailbox, inFlightForMailbox: 0, ...(dropped ? { fault: 'drop-after' } : {}) });
        if (dropped) cutMidBody(res, withStandardHeaders(r, ids));
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

    const reason = throttle.acquire(mb);
    if (reason !== null) {
      await sleep(latencyMs);
      const r = errorResponse(throttle.error(reason), ids, now());
      record({ ...base, status: 429, mailbox, throttled: true, inFlightForMailbox: throttle.inFlightFor(mb) });
      send(r);
      return;
    }
    const inFlightNow = throttle.inFlightFor(mb);
    try {
      await sleep(latencyMs);
      const fault = faults.match(method, path, false, body);
      if (fault && 'drop' in fault.rule.action) {
        if (fault.rule.action.drop === 'before') {
          record({ ...base, status: 0, mailbox, fault: 'drop-before', inFlightForMailbox: inFlightNow });
          req.socket.destroy();
          return;
        }
        const r = run(greq);
        record({ ...base, status: r.status, mailbox, fault: 'drop-after', inFlightForMailbox: inFlightNow });
        cutMidBody(res, withStandardHeaders(r, ids));
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
      throttle.release(mb);
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
          out = adminRoute({ sandbox, faults }, (req.method ?? 'GET').toUpperCase(), u.pathname, body, u.searchParams);
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
      faults.clear();
      throttle.reset();
      stats.requests = 0;
      stats.roundTrips = 0;
      stats.throttled = 0;
      stats.faults = 0;
      stats.perMailbox = {};
    },
    token: tokens.token,
    // In arrival order (seq), though entries are written when each request ends.
    log: () => [...log].sort((a, b) => a.seq - b.seq),
    clearLog() {
      log = [];
    },
    setFaults(rules) {
      faults.set(rules);
    },
    faults: () => faults.rules(),
    configure(partial) {
      if (partial.latencyMs !== undefined) latencyMs = Math.max(0, partial.latencyMs);
      if (partial.throttle !== undefined) throttle.configure(partial.throttle);
      if (partial.batchConcurrency !== undefined) batchConcurrency = checkBatchConcurrency(partial.batchConcurrency);
    },
    config: () => ({ latencyMs, throttle: throttle.config, batchConcurrency }),
    stats: () => structuredClone(stats),
  };
  return sandbox;
}

function checkBatchConcurrency(v: unknown): BatchConcurrency {
  if (v === 'documented' || v === 'reported429') return v;
  throw new Error(`batchConcurrency must be 'documented' or 'reported429' (got ${JSON.stringify(v)}).`);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * "The work was done, the answer was lost": the status line and headers go out, then half the body, then
 * the connection is cut. Why not cut before the first byte: a browser resends a request whose reused
 * keep-alive connection closed before any response header arrived (Chromium's
 * HttpNetworkTransaction::ShouldResendRequest, "we resend a request only if we reused a keep-alive
 * connection", once per idle socket it holds). A POST cut that way would silently run a second time,
 * and how often depended on how many idle sockets the browser had: the e2e reload test saw one booking
 * run twice on CI and never here. Once headers have arrived nothing is resent, and the client learns of
 * the loss while it reads the body, as it would when a real answer is cut in transit.
 * A body-less answer (204) cannot be cut mid-body: its connection is cut before the first byte, and a
 * browser may resend it (the DELETE then finds nothing and says 404, which is the truth).
 */
function cutMidBody(res: ServerResponse, r: GraphResponse): void {
  const payload = Buffer.isBuffer(r.body) ? r.body : r.body !== undefined ? Buffer.from(JSON.stringify(r.body)) : undefined;
  if (payload === undefined || payload.length < 2 || r.status === 204) {
    res.socket?.destroy();
    return;
  }
  for (const [k, v] of Object.entries(r.headers)) res.setHeader(k, v);
  res.setHeader('Content-Length', payload.length);
  res.writeHead(r.status);
  res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.socket?.destroy());
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
