// $batch: JSON batching as Graph does it, with each item run through the same pipe as a wire request minus
// the wire (faults, throttling per mailbox, logging), so limits apply inside a batch as they do in Exchange.
import type { GraphRequest, GraphResponse, Json, JsonObject } from './core';
import { GraphError, errorResponse, isObject, newRequestId } from './core';
import { DroppedConnection, faultError, faultLabel } from './faults';
import type { Pipe } from './pipe';
import { sleep } from './pipe';
import { mailboxOfPath } from './router';

export type BatchConcurrency = 'documented' | 'reported429';

/** How many items of one parallel batch Graph hands to Outlook at a time (throttling-limits page, below). */
export const GRAPH_BATCH_FEED = 4;

interface Item {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

interface Started {
  req: GraphRequest;
  mb: string;
  /** Whether the item holds one of its mailbox's concurrent slots (to give back when it ends). */
  acquired: boolean;
  early: GraphResponse | null;
  fault?: string;
}

/**
 * The two shapes Graph runs. "Batch should be either fully sequential or fully parallel"
 * (https://learn.microsoft.com/en-us/graph/json-batching#sequencing-requests-with-the-dependson-property);
 * anything else is refused with 400 and that sentence (microsoftgraph/microsoft-graph-docs#16280, confirmed
 * by the docs team, who then corrected the page's mixed example). Fully parallel: no item has a dependsOn.
 * Fully sequential: each item but the first depends on exactly the one before it, as in the page's example.
 * CHOICE: the JS SDK also lets through a "same" shape (every dependent naming one common item;
 * msgraph-sdk-javascript src/content/BatchRequestContent.ts validateDependencies), which is neither; we take
 * the harsher reading, the documented sentence, and refuse it. An empty dependsOn array counts as none.
 */
function layoutOf(items: readonly Item[]): 'parallel' | 'sequential' {
  if (items.every((it) => it.dependsOn.length === 0)) return 'parallel';
  const sequential = items.every((it, i) => (i === 0 ? it.dependsOn.length === 0 : it.dependsOn.length === 1 && it.dependsOn[0] === items[i - 1]!.id));
  if (sequential) return 'sequential';
  throw new GraphError(400, 'BadRequest', 'Batch should be either fully sequential or fully parallel.');
}

export async function handleBatch(pipe: Pipe, outer: GraphRequest, outerSeq: number, mailboxUpn: string | null): Promise<{ res: GraphResponse; dropAfter: boolean }> {
  const body = outer.body;
  if (!isObject(body) || !Array.isArray(body.requests)) throw new GraphError(400, 'BadRequest', 'Invalid batch payload format.');
  const requests = body.requests as unknown[];
  if (requests.length === 0) throw new GraphError(400, 'BadRequest', 'Invalid batch payload format: no requests.');
  if (requests.length > 20) throw new GraphError(400, 'BadRequest', 'Invalid batch payload format: the maximum number of requests in a batch is 20.');
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
  // A dependency must name an item EARLIER in the array: Graph refuses one that points forward ("the API
  // expects that the dependency appears earlier in the array of requests. Microsoft Graph fails with
  // 'Invalid dependency for request Id...'": microsoftgraph/msgraph-sdk-dotnet-core#891, by an SDK
  // maintainer; also msgraph-sdk-java-core#71). CHOICE: the thread quotes only the start of the message,
  // and an unknown id is refused the same way (it cannot be earlier in the array either).
  items.forEach((it, index) => {
    for (const d of it.dependsOn) {
      const at = items.findIndex((x) => x.id === d);
      if (at < 0 || at >= index) throw new GraphError(400, 'BadRequest', `Invalid dependency for request Id ${it.id}: '${d}' is not a request earlier in the batch.`);
    }
  });
  const layout = layoutOf(items);
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
    if (Buffer.isBuffer(res.body)) {
      // A binary sub-response (a photo's $value) comes back as a base64 string inside the JSON
      // (microsoftgraph/msgraph-sdk-javascript#367, the SDK maintainer: "base64 encoded because it's part of
      // a string response (json)"), and its item is reported as application/json, not image/*
      // (microsoftgraph/microsoft-graph-docs-contrib#4098, microsoftgraph/msgraph-sdk-dotnet#2879).
      // CHOICE: the docs are silent and the threads see it through SDKs; the harsher reading is that the
      // item's own Content-Type says application/json, so a client has to read the image type from the bytes.
      bodyOut = res.body.toString('base64');
      for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-type') delete headers[k];
      headers['Content-Type'] = 'application/json';
    } else bodyOut = res.body;
    const out: JsonObject = { id: it.id, status: res.status, headers };
    if (bodyOut !== undefined) out.body = bodyOut;
    return out;
  };
  const subMailbox = (req: GraphRequest): string => mailboxOfPath(pipe.store, outer.callerId, req.path)?.userPrincipalName ?? mailboxUpn ?? 'unknown';

  /** Starts one sub-request: fault and throttle checks; returns the response if it ends there. */
  const start = (it: Item): Started => {
    const req = subRequest(it);
    const mb = subMailbox(req);
    const fault = pipe.faults.match(req.method, req.path, false, it.body);
    if (fault && 'drop' in fault.rule.action) {
      if (fault.rule.action.drop === 'before') {
        pipe.record({ method: req.method, path: it.url, status: 0, mailbox: mb, roundTrip: false, batchSeq: outerSeq, requestId: req.requestId, clientRequestId: req.clientRequestId, fault: 'drop-before', inFlightForMailbox: pipe.throttle.inFlightFor(mb) });
        throw new DroppedConnection('before');
      }
      dropAfter = true;
    }
    const reason = pipe.throttle.acquire(mb);
    if (reason !== null) {
      return { req, mb, acquired: false, early: pipe.withStandardHeaders(errorResponse(pipe.throttle.error(reason), req, pipe.now()), req) };
    }
    held.push(mb);
    if (fault && 'status' in fault.rule.action) {
      return { req, mb, acquired: true, early: pipe.withStandardHeaders(errorResponse(faultError(fault.rule.action), req, pipe.now()), req), fault: faultLabel(fault.rule.action) };
    }
    return { req, mb, acquired: true, early: null, fault: fault ? faultLabel(fault.rule.action) : undefined };
  };
  const finishItem = (it: Item, s: Started): void => {
    const res = s.early ?? pipe.withStandardHeaders(pipe.run(s.req), s.req);
    const throttled = s.early !== null && s.early.status === 429 && s.fault === undefined;
    pipe.record({
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
      inFlightForMailbox: pipe.throttle.inFlightFor(s.mb),
    });
    results.set(it.id, asItem(it, res));
  };
  const releaseOne = (mb: string): void => {
    const at = held.indexOf(mb);
    if (at < 0) return;
    held.splice(at, 1);
    pipe.throttle.release(mb);
  };
  const releaseAll = (): void => {
    while (held.length > 0) pipe.throttle.release(held.pop()!);
  };

  /** Runs one item that has been started: the handler (unless the start already answered), then the log. */
  const runItem = async (it: Item): Promise<void> => {
    const s = start(it);
    try {
      // The item is an Outlook request of its own: it holds its mailbox slot while it runs.
      await sleep(pipe.latencyMs());
      finishItem(it, s);
    } finally {
      if (s.acquired) releaseOne(s.mb);
    }
  };
  const failedDependency = (it: Item, failed: string): void => {
    const req = subRequest(it);
    const res = pipe.withStandardHeaders(
      errorResponse(new GraphError(424, 'FailedDependency', `The request failed because it depends on request '${failed}', which failed.`), req, pipe.now()),
      req,
    );
    pipe.record({ method: req.method, path: it.url, status: 424, mailbox: subMailbox(req), roundTrip: false, batchSeq: outerSeq, requestId: req.requestId, clientRequestId: req.clientRequestId, inFlightForMailbox: 0 });
    results.set(it.id, asItem(it, res));
  };

  try {
    if (layout === 'sequential') {
      // "Microsoft Graph sends the Outlook service one request from the batch at a time following the
      // specified order" (https://learn.microsoft.com/en-us/graph/throttling-limits#outlook-service-limits-for-json-batching),
      // and "if an individual request fails, any request that depends on that request fails with status
      // code 424" (https://learn.microsoft.com/en-us/graph/json-batching#sequencing-requests-with-the-dependson-property):
      // in a chain, everything after the first failure is 424.
      let failed: string | undefined;
      for (const it of items) {
        if (failed !== undefined) {
          failedDependency(it, failed);
          failed = it.id;
          continue;
        }
        await runItem(it);
        const st = Number(results.get(it.id)!.status);
        if (st < 200 || st >= 300) failed = it.id;
      }
    } else if (pipe.batchConcurrency() === 'documented') {
      // "Microsoft Graph sends the Outlook service up to four individual requests from the batch at a time,
      // regardless of the target mailboxes of those requests" (same page, same section; restated by
      // CharanyaB-MSFT in https://learn.microsoft.com/en-us/answers/questions/1660054). So a parallel batch
      // alone stays inside the mailbox's four concurrent requests. CHOICE (the page is silent on an app that
      // has other requests in flight on that mailbox meanwhile): each item still needs a free slot of the
      // mailbox when Graph hands it over, and gets Exchange's 429 MailboxConcurrency when there is none.
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < items.length) {
          const it = items[next++]!;
          await runItem(it);
        }
      };
      await Promise.all(Array.from({ length: Math.min(GRAPH_BATCH_FEED, items.length) }, () => worker()));
    } else {
      // The behaviour field reports described before the documented one: every item of a parallel batch
      // reaches the mailbox at once, and those beyond its four concurrent requests come back 429
      // MailboxConcurrency ("if you tried to execute a batch request with 5 requests the last request would
      // be throttled", Glen Scales, https://learn.microsoft.com/en-us/answers/questions/734143, 2022;
      // https://learn.microsoft.com/en-us/answers/questions/968767).
      const started = items.map((it) => ({ it, s: start(it) }));
      await sleep(pipe.latencyMs());
      for (const { it, s } of started) {
        finishItem(it, s);
        if (s.acquired) releaseOne(s.mb);
      }
    }
  } finally {
    releaseAll();
  }
  const responses = items.map((it) => results.get(it.id)!);
  return { res: { status: 200, headers: { 'Content-Type': 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8' }, body: { responses } }, dropAfter };
}
