// The context a case runs in: HTTP against one Graph base URL with one bearer, helpers that create only
// TAGGED objects (subject/name prefix and an extended property) and a cleanup list that removes them, so a
// run against a real tenant leaves nothing behind, and an optional handle on the sandbox's admin routes.
import type { BatchItem, CallOptions, Ctx, Res, SandboxAdmin } from './types';

export const TAG_PREFIX = '[au-revoir-conformance]';
// PS_PUBLIC_STRINGS, the property set Outlook itself uses for named string properties.
export const TAG_PROPERTY_ID = 'String {00020329-0000-0000-C000-000000000046} Name AuRevoirConformance';

export interface Target {
  kind: 'sandbox' | 'graph';
  baseUrl: string;
  token: string;
  /** The sandbox admin base URL (…/sandbox), when the target is the sandbox. */
  adminUrl?: string;
  /** Distinguishes this run's objects from another run's. */
  runId: string;
  allowSettingsWrites: boolean;
}

const isBinaryType = (type: string): boolean => /^(image|audio|video)\/|application\/octet-stream/i.test(type);

async function toRes<T>(res: Response): Promise<Res<T>> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  let body: unknown;
  if (isBinaryType(type)) body = bytes;
  else {
    const text = new TextDecoder().decode(bytes);
    if (/json/i.test(type) && text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    } else body = text;
  }
  return { status: res.status, headers: res.headers, body: body as T, bytes };
}

function sandboxAdmin(adminUrl: string): SandboxAdmin {
  const admin = async (method: string, path: string, body?: unknown): Promise<any> => {
    const res = await fetch(adminUrl + path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`sandbox admin ${method} ${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    url: adminUrl,
    token: async (upn, opts = {}) => {
      const out = await admin('POST', '/token', { user: upn, ...opts });
      return out.access_token as string;
    },
    users: async () => {
      const out = await admin('GET', '/users');
      return (Array.isArray(out) ? out : (out?.users ?? out?.value ?? [])) as Array<Record<string, any>>;
    },
    setFaults: async (rules) => {
      await admin('PUT', '/faults', rules);
    },
    configure: async (config) => {
      await admin('PUT', '/config', config);
    },
  };
}

/** What a run shares between cases: the signed-in user, looked up once. */
export interface RunState {
  me?: { id: string; userPrincipalName: string; mail: string | null; displayName: string };
}

export function makeContext(target: Target, run: RunState): { ctx: Ctx; runCleanup(): Promise<string[]> } {
  const cleanups: Array<() => Promise<unknown>> = [];

  const call = async <T = any>(method: string, path: string, opts: CallOptions = {}): Promise<Res<T>> => {
    const url = /^https?:\/\//.test(path) ? path : target.baseUrl + path;
    const headers: Record<string, string> = {};
    const bearer = opts.token === undefined ? target.token : opts.token;
    // The token goes to the Graph host under test and nowhere else (a nextLink is followed only there).
    if (bearer !== null && new URL(url).origin === new URL(target.baseUrl).origin) headers.Authorization = `Bearer ${bearer}`;
    let body: BodyInit | undefined;
    if (opts.raw !== undefined) body = opts.raw as unknown as BodyInit;
    else if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    Object.assign(headers, opts.headers ?? {});
    return toRes<T>(await fetch(url, { method, headers, body }));
  };

  const ctx: Ctx = {
    target: target.kind,
    baseUrl: target.baseUrl,
    async me() {
      if (!run.me) {
        const res = await call('GET', '/me?$select=id,userPrincipalName,mail,displayName');
        if (res.status !== 200) throw new Error(`GET /me → ${res.status}: cannot run the suite with this token`);
        run.me = res.body;
      }
      return run.me!;
    },
    call,
    get: (path, headers) => call('GET', path, { headers }),
    post: (path, body, headers) => call('POST', path, { body: body ?? {}, headers }),
    patch: (path, body, headers) => call('PATCH', path, { body, headers }),
    del: (path, headers) => call('DELETE', path, { headers }),
    batch: (requests: BatchItem[]) => call('POST', '/$batch', { body: { requests } }),
    tag: {
      prefix: TAG_PREFIX,
      subject: (text) => `${TAG_PREFIX} ${text} ${target.runId}`,
      property: { id: TAG_PROPERTY_ID, value: target.runId },
    },
    async createEvent(body, headers) {
      const tagged = {
        ...body,
        subject: `${TAG_PREFIX} ${String(body.subject ?? 'event')} ${target.runId}`,
        singleValueExtendedProperties: [
          ...((body.singleValueExtendedProperties as unknown[] | undefined) ?? []),
          { id: TAG_PROPERTY_ID, value: target.runId },
        ],
      };
      const res = await call('POST', '/me/events', { body: tagged, headers });
      if (res.status === 201 && typeof res.body?.id === 'string') ctx.deleteAfter(`/me/events/${encodeURIComponent(res.body.id)}`);
      return res;
    },
    async createContact(body) {
      const tagged = {
        ...body,
        personalNotes: `${TAG_PREFIX} ${target.runId}${body.personalNotes ? ` ${String(body.personalNotes)}` : ''}`,
        singleValueExtendedProperties: [
          ...((body.singleValueExtendedProperties as unknown[] | undefined) ?? []),
          { id: TAG_PROPERTY_ID, value: target.runId },
        ],
      };
      const res = await call('POST', '/me/contacts', { body: tagged });
      if (res.status === 201 && typeof res.body?.id === 'string') ctx.deleteAfter(`/me/contacts/${encodeURIComponent(res.body.id)}`);
      return res;
    },
    async createCategory(name, color) {
      const res = await call('POST', '/me/outlook/masterCategories', { body: { displayName: `${TAG_PREFIX} ${name} ${target.runId}`, color } });
      if (res.status === 201 && typeof res.body?.id === 'string') ctx.deleteAfter(`/me/outlook/masterCategories/${encodeURIComponent(res.body.id)}`);
      return res;
    },
    cleanup(fn) {
      cleanups.push(fn);
    },
    deleteAfter(path) {
      cleanups.push(async () => {
        const res = await call('DELETE', path);
        // Already gone (the case deleted or cancelled it) is fine; anything else is a leftover to report.
        if (res.status !== 204 && res.status !== 404) throw new Error(`DELETE ${path} → ${res.status}`);
      });
    },
    day(days) {
      return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    },
    sandbox: target.kind === 'sandbox' && target.adminUrl ? sandboxAdmin(target.adminUrl) : undefined,
    allowSettingsWrites: target.kind === 'sandbox' || target.allowSettingsWrites,
  };

  async function runCleanup(): Promise<string[]> {
    const problems: string[] = [];
    while (cleanups.length) {
      const fn = cleanups.pop()!;
      try {
        await fn();
      } catch (err) {
        problems.push((err as Error).message);
      }
    }
    return problems;
  }

  return { ctx, runCleanup };
}
