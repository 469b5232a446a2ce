// Shared plumbing of the sandbox: the request/response shapes every route handler sees (the same for a
// request on the wire and a $batch sub-request), Graph's error envelope, and opaque ids.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface GraphRequest {
  method: string;
  /** Path after /v1.0, without the query, URL-decoded per segment, e.g. /me/events/AAMk... */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or raw bytes for binary uploads (photos). */
  body: unknown;
  rawBody?: Buffer;
  /** The signed-in user's id (from the bearer token). */
  callerId: string;
  requestId: string;
  clientRequestId: string | undefined;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON body, raw bytes, or undefined for 204. */
  body?: Json | Buffer | undefined;
}

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extraHeaders: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export const badRequest = (message: string, code = 'BadRequest'): GraphError => new GraphError(400, code, message);
export const notFound = (message = 'The specified object was not found in the store.', code = 'ErrorItemNotFound'): GraphError =>
  new GraphError(404, code, message);

/** Graph's error envelope: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}. */
export function errorBody(code: string, message: string, requestId: string, clientRequestId: string | undefined, date: Date): JsonObject {
  const innerError: JsonObject = { date: date.toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': requestId };
  if (clientRequestId !== undefined) innerError['client-request-id'] = clientRequestId;
  return { error: { code, message, innerError } };
}

export function errorResponse(err: GraphError, req: Pick<GraphRequest, 'requestId' | 'clientRequestId'>, date: Date): GraphResponse {
  return {
    status: err.status,
    headers: { 'Content-Type': 'application/json', ...err.extraHeaders },
    body: errorBody(err.code, err.message, req.requestId, req.clientRequestId, date),
  };
}

export function json(status: number, body: Json, headers: Record<string, string> = {}): GraphResponse {
  return { status, headers: { 'Content-Type': 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8', ...headers }, body };
}

export function noContent(): GraphResponse {
  return { status: 204, headers: {}, body: undefined };
}

/**
 * Outlook-looking item ids (base64 of "AAMkA..." style bytes). URL-safe variants are what Graph hands out in
 * practice for some items; we keep '-' and '_' so ids can sit in a path segment without escaping.
 */
export function newItemId(prefix = 'AAMkAGI2'): string {
  return prefix + randomBytes(42).toString('base64url') + 'AAA=';
}

/** Deterministic item id from a seed string (the seed must produce the same ids for the same seed date). */
export function seededItemId(seed: string, prefix = 'AAMkAGI2'): string {
  return prefix + createHash('sha256').update(seed).digest('base64url').slice(0, 56) + 'AAA=';
}

export function seededGuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function newChangeKey(): string {
  return randomBytes(18).toString('base64');
}

export const newRequestId = (): string => randomUUID();

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}
