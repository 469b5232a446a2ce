import { AppError, type ErrorCode } from '../domain/errors';

/** Graph's error envelope: `{ error: { code, message, innerError: { request-id } } }`. */
interface GraphErrorBody {
  error?: { code?: string; message?: string; innerError?: Record<string, unknown>; innererror?: Record<string, unknown> };
}

export const codeForStatus = (status: number): ErrorCode => {
  if (status === 400) return 'graph.badRequest';
  if (status === 401) return 'graph.unauthorized';
  if (status === 403) return 'graph.forbidden';
  if (status === 404) return 'graph.notFound';
  if (status === 409 || status === 412) return 'graph.conflict';
  if (status === 424) return 'graph.dependencyFailed';
  if (status === 429) return 'graph.throttled';
  if (status === 503 || status === 504) return 'graph.unavailable';
  if (status >= 500) return 'graph.server';
  if (status >= 400) return 'graph.badRequest';
  return 'unexpected';
};

/** 429, 503 and 504 mean "not done, try later"; a 500 may or may not have done something. */
export const isRetryableStatus = (status: number): boolean => status === 429 || status === 503 || status === 504;

/** Retry-After in seconds (Graph sends seconds; an HTTP date is accepted too). */
export const parseRetryAfter = (value: string | null | undefined, now = Date.now()): number | undefined => {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (Number.isFinite(n)) return Math.max(0, n);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now) / 1000);
};

type HeaderBag = Readonly<Record<string, string>> | Headers | undefined;

const header = (headers: HeaderBag, name: string): string | undefined => {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const bag = headers as Readonly<Record<string, string>>;
  const key = Object.keys(bag).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : bag[key];
};

/** Maps a Graph answer (top-level response or $batch sub-response) to an AppError. */
export const graphError = (input: { status: number; body: unknown; headers?: HeaderBag; what?: string }): AppError => {
  const body = (input.body ?? {}) as GraphErrorBody;
  const inner = body.error?.innerError ?? body.error?.innererror ?? {};
  const requestIdFromBody = typeof inner['request-id'] === 'string' ? (inner['request-id'] as string) : undefined;
  const code = codeForStatus(input.status);
  return new AppError({
    code,
    status: input.status,
    graphCode: body.error?.code,
    requestId: header(input.headers, 'request-id') ?? header(input.headers, 'client-request-id') ?? requestIdFromBody,
    retryable: isRetryableStatus(input.status),
    retryAfterSeconds: parseRetryAfter(header(input.headers, 'Retry-After')),
    detail: `${input.what ?? 'Graph request'} failed: ${input.status} ${body.error?.code ?? ''} ${body.error?.message ?? ''}`.trim(),
  });
};

/** The request never got an answer (connection refused or dropped, DNS, CORS). */
export const networkError = (cause: unknown, what = 'Graph request'): AppError =>
  new AppError({
    code: 'network',
    retryable: true,
    detail: `${what}: no answer (${cause instanceof Error ? cause.message : String(cause)})`,
    cause,
  });
