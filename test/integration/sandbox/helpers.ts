// Shared by the sandbox's integration tests: start an in-memory sandbox on a free port and talk to it over
// real HTTP with Node's fetch, as a Graph client would.
import type { Sandbox, SandboxOptions } from '../../../sandbox/index';
import { createSandbox } from '../../../sandbox/index';

// The machine running the suite may be loaded; starting a sandbox seeds ~300 events.
jest.setTimeout(30_000);

export const CLAIRE = 'claire.martin@contoso.example';
export const NADIA = 'nadia.haddad@contoso.example';
export const PAUL = 'paul.girard@contoso.example';
export const JULIEN = 'julien.moreau@contoso.example';
export const EMILIE = 'emilie.laurent@contoso.example';
export const SARAH = 'sarah.johnson@contoso.example';
export const HUGO = 'hugo.petit@contoso.example';

export async function start(opts: SandboxOptions = {}): Promise<Sandbox> {
  return createSandbox({ port: 0, dataFile: null, ...opts });
}

export interface Res<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A tiny Graph client for tests: JSON in and out, bearer of the given user. */
export function client(sb: Sandbox, upn: string = CLAIRE, extraHeaders: Record<string, string> = {}) {
  const token = sb.token(upn);
  const call = async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> => {
    const res = await fetch(sb.graphUrl + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...extraHeaders, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, body: (type.includes('json') && text ? JSON.parse(text) : text) as T };
  };
  return {
    token,
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body ?? {}, headers),
    patch: <T = any>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('PATCH', path, body, headers),
    del: <T = any>(path: string, headers?: Record<string, string>) => call<T>('DELETE', path, undefined, headers),
    call,
  };
}

export const q = (s: string): string => encodeURIComponent(s);

/** An event body shaped like Microsoft's "Create event" example. */
export function eventBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject: "Let's go for lunch",
    body: { contentType: 'HTML', content: 'Does noon work for you?' },
    start: { dateTime: '2026-12-15T12:00:00', timeZone: 'Pacific Standard Time' },
    end: { dateTime: '2026-12-15T14:00:00', timeZone: 'Pacific Standard Time' },
    location: { displayName: "Harry's Bar" },
    attendees: [{ emailAddress: { address: 'samanthab@contoso.example', name: 'Samantha Booth' }, type: 'required' }],
    allowNewTimeProposals: true,
    transactionId: '7E163156-7762-4BEB-A1C6-729EA81755A7',
    ...overrides,
  };
}
