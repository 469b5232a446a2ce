import {
  AuthenticationHandlerOptions,
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RetryHandler,
  RetryHandlerOptions,
  ResponseType,
  type Context,
  type Middleware,
  type MiddlewareOptions,
} from '@microsoft/microsoft-graph-client';
import { AppError } from '../domain/errors';
import { graphError, networkError } from './errors';
import { unionScopes } from './scopes';

export interface TokenSource {
  getToken(scopes: string[]): Promise<string>;
}

export type FetchImpl = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface GraphClientOptions {
  /** e.g. `https://graph.microsoft.com/v1.0` or the sandbox's `http://127.0.0.1:4000/v1.0`. */
  readonly baseUrl: string;
  readonly tokenProvider: TokenSource;
  readonly fetchImpl?: FetchImpl;
  /** Time zone for `Prefer: outlook.timezone` (IANA); UTC until the mailbox's zone is known. */
  readonly timeZone?: string;
  /** Bound of the SDK's RetryHandler (429/503/504 with Retry-After). */
  readonly maxRetries?: number;
  /** Seconds between retries when Graph sends no Retry-After. */
  readonly retryDelaySeconds?: number;
}

export interface CallOptions {
  readonly scopes: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
  /** Overrides the client's time zone for this call. */
  readonly timeZone?: string;
  /** Description for error details. */
  readonly what?: string;
}

export interface BatchRequestItem {
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the version root, e.g. `/me/events`. */
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly dependsOn?: readonly string[];
}

export interface BatchResponseItem {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface BinaryContent {
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** The only way the app talks to Graph. One per session; never a module-level singleton. */
export interface GraphClient {
  readonly baseUrl: string;
  setTimeZone(zone: string): void;
  get<T>(path: string, opts: CallOptions): Promise<T>;
  /** Follows `@odata.nextLink` until the end (or `maxPages`). */
  getAll<T>(path: string, opts: CallOptions & { maxPages?: number }): Promise<T[]>;
  /** Binary GET (photos); null when Graph answers 404 (no photo). */
  getBinary(path: string, opts: CallOptions): Promise<BinaryContent | null>;
  post<T>(path: string, body: unknown, opts: CallOptions): Promise<T>;
  patch<T>(path: string, body: unknown, opts: CallOptions): Promise<T>;
  putBinary(path: string, content: BinaryContent, opts: CallOptions): Promise<void>;
  delete(path: string, opts: CallOptions): Promise<void>;
  /** One `$batch` round trip (≤ 20 items). Resolves with every sub-response, failed ones included. */
  batch(items: readonly BatchRequestItem[], opts: CallOptions): Promise<BatchResponseItem[]>;
}

export const MAX_BATCH = 20;

/**
 * Carries a token failure out of the middleware chain. The SDK rewraps anything a middleware
 * throws into a GraphError with status -1, which would turn "sign in again" into "network";
 * the auth middleware puts the original here and the client rethrows it as is.
 */
export class TokenFailureSlot implements MiddlewareOptions {
  error: unknown;
}

/**
 * Attaches `Authorization: Bearer` to requests aimed at the configured Graph base URL, and to
 * nothing else: the SDK's own AuthenticationHandler only trusts https Graph hosts, which the
 * plain-HTTP sandbox is not, and a token must never leak to another origin (a nextLink or a
 * redirect could point anywhere). The scopes come from each request's AuthenticationHandlerOptions.
 */
export class ScopedAuthMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly tokens: TokenSource,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const headers = (context.options?.headers ?? {}) as Record<string, string>;
    if (isUnder(url, this.baseUrl)) {
      const options = context.middlewareControl?.getMiddlewareOptions(AuthenticationHandlerOptions) as
        | AuthenticationHandlerOptions
        | undefined;
      const scopes = options?.authenticationProviderOptions?.scopes ?? [];
      let token: string;
      try {
        token = await this.tokens.getToken([...scopes]);
      } catch (e) {
        const slot = context.middlewareControl?.getMiddlewareOptions(TokenFailureSlot) as TokenFailureSlot | undefined;
        if (slot) slot.error = e;
        throw e;
      }
      headers['Authorization'] = `Bearer ${token}`;
    } else {
      delete headers['Authorization'];
    }
    context.options = { ...context.options, headers };
    if (!this.next) throw new Error('ScopedAuthMiddleware has no next middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Terminal handler with an injected fetch (tests, the bench); otherwise the SDK's HTTPMessageHandler. */
class FetchHandler implements Middleware {
  constructor(private readonly fetchImpl: FetchImpl) {}
  async execute(context: Context): Promise<void> {
    context.response = await this.fetchImpl(context.request, context.options as RequestInit);
  }
}

export const isUnder = (url: string, base: string): boolean => {
  const b = base.replace(/\/+$/, '');
  return url === b || url.startsWith(`${b}/`) || url.startsWith(`${b}?`);
};

const splitBase = (baseUrl: string): { host: string; version: string } => {
  const u = new URL(baseUrl);
  const segments = u.pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  const version = segments.pop() ?? 'v1.0';
  const prefix = segments.length ? `/${segments.join('/')}` : '';
  return { host: `${u.protocol}//${u.host}${prefix}`, version };
};

const isJson = (contentType: string | null): boolean => (contentType ?? '').toLowerCase().includes('json');

const readBody = async (res: Response): Promise<unknown> => {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  if (isJson(res.headers.get('content-type'))) {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new AppError({ code: 'unexpected', status: res.status, detail: 'Graph answered invalid JSON', cause: e });
    }
  }
  return text;
};

const lowerHeaders = (h: Readonly<Record<string, string>> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k.toLowerCase(), v]));

export const createGraphClient = (options: GraphClientOptions): GraphClient => {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const { host, version } = splitBase(baseUrl);
  let timeZone = options.timeZone ?? 'UTC';

  const auth = new ScopedAuthMiddleware(baseUrl, options.tokenProvider);
  const retry = new RetryHandler(
    new RetryHandlerOptions(options.retryDelaySeconds ?? 1, options.maxRetries ?? 3, (_delay, _attempt, request, fetchOptions, response) => {
      // A POST that came back 503/504 may have been carried out: retrying it blindly could create
      // a second contact. Only 429 (Graph did nothing) is retried for POSTs; the booking workflow
      // handles the rest by looking up what exists first.
      const method = (typeof request === 'string' ? fetchOptions?.method : request.method) ?? 'GET';
      return method.toUpperCase() !== 'POST' || response.status === 429;
    }),
  );
  const redirect = new RedirectHandler();
  const terminal: Middleware = options.fetchImpl ? new FetchHandler(options.fetchImpl) : new HTTPMessageHandler();
  auth.setNext(retry);
  retry.setNext(redirect);
  redirect.setNext(terminal);
  const client = Client.initWithMiddleware({ middleware: auth, baseUrl: host, defaultVersion: version });

  /** Sends one request and returns the raw Response; throws AppError for errors and no-answer. */
  const send = async (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    body: unknown,
    opts: CallOptions,
    rawBody = false,
  ): Promise<Response> => {
    const target = toRequestPath(path);
    const tokenFailure = new TokenFailureSlot();
    const req = client
      .api(target)
      .responseType(ResponseType.RAW)
      .middlewareOptions([new AuthenticationHandlerOptions(undefined, { scopes: [...opts.scopes] }), tokenFailure])
      .header('Prefer', `outlook.timezone="${opts.timeZone ?? timeZone}"`);
    for (const [k, v] of Object.entries(opts.headers ?? {})) req.header(k, v);
    let res: Response;
    try {
      if (method === 'GET') res = (await req.get()) as Response;
      else if (method === 'POST') res = (await req.post(body)) as Response;
      else if (method === 'PATCH') res = (await req.patch(body)) as Response;
      else if (method === 'PUT') res = (await req.put(rawBody ? body : JSON.stringify(body))) as Response;
      else res = (await req.delete()) as Response;
    } catch (e) {
      if (tokenFailure.error !== undefined) throw AppError.from(tokenFailure.error, 'auth.failed');
      if (e instanceof AppError) throw e;
      throw networkError(e, `${method} ${path}`);
    }
    if (!res.ok) {
      let errBody: unknown;
      try {
        errBody = await readBody(res);
      } catch (e) {
        errBody = { error: { message: e instanceof Error ? e.message : String(e) } };
      }
      throw graphError({ status: res.status, body: errBody, headers: res.headers, what: `${method} ${path}` });
    }
    return res;
  };

  /** Accepts a path (`/me/events?...`) or an absolute nextLink under the base URL. */
  const toRequestPath = (path: string): string => {
    if (/^https?:\/\//.test(path)) {
      if (!isUnder(path, baseUrl)) {
        throw new AppError({ code: 'unexpected', detail: `refusing to follow a link outside Graph: ${new URL(path).origin}` });
      }
      return path.slice(baseUrl.length) || '/';
    }
    return path;
  };

  const json = async <T>(res: Response, what: string): Promise<T> => {
    try {
      return (await readBody(res)) as T;
    } catch (e) {
      throw networkError(e, what); // the connection dropped while the body was streaming
    }
  };

  return {
    baseUrl,
    setTimeZone(zone: string) {
      timeZone = zone;
    },
    async get<T>(path: string, opts: CallOptions) {
      return json<T>(await send('GET', path, undefined, opts), path);
    },
    async getAll<T>(path: string, opts: CallOptions & { maxPages?: number }) {
      const out: T[] = [];
      let next: string | undefined = path;
      for (let page = 0; next && page < (opts.maxPages ?? 50); page++) {
        const body: { value?: T[]; '@odata.nextLink'?: string } = await json(await send('GET', next, undefined, opts), path);
        out.push(...(body.value ?? []));
        next = body['@odata.nextLink'];
      }
      return out;
    },
    async getBinary(path: string, opts: CallOptions) {
      let res: Response;
      try {
        res = await send('GET', path, undefined, opts);
      } catch (e) {
        if (AppError.is(e) && e.status === 404) return null;
        throw e;
      }
      try {
        const bytes = new Uint8Array(await res.arrayBuffer());
        return { contentType: res.headers.get('content-type') ?? 'image/jpeg', bytes };
      } catch (e) {
        throw networkError(e, path);
      }
    },
    async post<T>(path: string, body: unknown, opts: CallOptions) {
      return json<T>(await send('POST', path, body, opts), path);
    },
    async patch<T>(path: string, body: unknown, opts: CallOptions) {
      return json<T>(await send('PATCH', path, body, opts), path);
    },
    async putBinary(path: string, content: BinaryContent, opts: CallOptions) {
      // A Blob goes through the SDK untouched in the browser and in Node (a Uint8Array would be
      // turned into a Node Buffer, which browsers lack).
      const blob = new Blob([content.bytes.slice()], { type: content.contentType });
      await send('PUT', path, blob, { ...opts, headers: { ...opts.headers, 'Content-Type': content.contentType } }, true);
    },
    async delete(path: string, opts: CallOptions) {
      await send('DELETE', path, undefined, opts);
    },
    async batch(items: readonly BatchRequestItem[], opts: CallOptions) {
      if (items.length === 0) return [];
      if (items.length > MAX_BATCH) {
        throw new AppError({ code: 'unexpected', detail: `a $batch holds at most ${MAX_BATCH} requests (got ${items.length})` });
      }
      const zone = opts.timeZone ?? timeZone;
      const requests = items.map((it) => ({
        id: it.id,
        method: it.method,
        url: it.url,
        ...(it.dependsOn?.length ? { dependsOn: [...it.dependsOn] } : {}),
        headers: {
          Prefer: `outlook.timezone="${zone}"`,
          ...(it.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...it.headers,
        },
        ...(it.body !== undefined ? { body: it.body } : {}),
      }));
      const res = await send('POST', '/$batch', { requests }, { ...opts, scopes: unionScopes(opts.scopes) });
      const body = await json<{ responses?: Array<{ id: string; status: number; headers?: Record<string, string>; body?: unknown }> }>(
        res,
        '$batch',
      );
      const byId = new Map((body?.responses ?? []).map((r) => [String(r.id), r]));
      return items.map((it) => {
        const r = byId.get(it.id);
        if (!r) {
          // Graph answers every item; a missing one means the batch was cut short. Treat it as "unknown".
          return { id: it.id, status: 0, headers: {}, body: undefined };
        }
        return { id: it.id, status: r.status, headers: lowerHeaders(r.headers), body: r.body };
      });
    },
  };
};
