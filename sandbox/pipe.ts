// What the Graph pipe's stages share: the request log entry, the clock and store, the limits, and the few
// helpers that turn a thrown value or a handler's answer into what goes on the wire.
import type { BatchConcurrency } from './batch';
import type { GraphRequest, GraphResponse } from './core';
import { GraphError } from './core';
import type { Faults } from './faults';
import type { Store } from './store';
import type { Throttle } from './throttle';
import { CalendarRequestError, DateTimeFormatError, TimeZoneError } from './time';

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

export interface Pipe {
  store: Store;
  now: () => Date;
  throttle: Throttle;
  faults: Faults;
  latencyMs(): number;
  /** How a fully parallel $batch reaches the mailbox (batch.ts). */
  batchConcurrency(): BatchConcurrency;
  /** Logs one request (a wire request or a $batch item) and counts it. */
  record(e: Omit<LogEntry, 'seq' | 'at'> & { seq?: number }): LogEntry;
  /** Runs the route handler; a thrown error becomes Graph's error envelope. */
  run(req: GraphRequest): GraphResponse;
  withStandardHeaders(res: GraphResponse, req: Pick<GraphRequest, 'requestId' | 'clientRequestId'>): GraphResponse;
}

export const sleep = (ms: number): Promise<void> => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

/** The error a thrown value becomes on the wire: GraphError as is, the time module's 400s, else a 500. */
export function toGraphError(err: unknown): GraphError {
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
