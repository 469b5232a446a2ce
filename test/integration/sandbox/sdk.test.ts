// The official Microsoft Graph JS client (3.0.7) against the sandbox: its own RetryHandler, RedirectHandler
// and HTTPMessageHandler, behind a tiny auth middleware that gives the bearer to the sandbox URL only (the
// SDK's AuthenticationHandler would not send it to plain http://127.0.0.1; see README, "The Graph sandbox").
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { BatchRequestContent, BatchResponseContent, Client, HTTPMessageHandler, RedirectHandler, RetryHandler } from '@microsoft/microsoft-graph-client';
import type { Sandbox } from '../../../sandbox/index';
import { CLAIRE, start } from './helpers';

class SandboxAuth implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => string,
  ) {}
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (url.startsWith(this.baseUrl)) {
      context.options = context.options ?? {};
      const headers = new Headers(context.options.headers as HeadersInit | undefined);
      headers.set('Authorization', `Bearer ${this.token()}`);
      context.options.headers = Object.fromEntries(headers.entries());
    }
    await this.next!.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

function sdkClient(sb: Sandbox): Client {
  const auth = new SandboxAuth(sb.url + '/', () => sb.token(CLAIRE));
  const retry = new RetryHandler();
  const redirect = new RedirectHandler();
  const http = new HTTPMessageHandler();
  auth.setNext(retry);
  retry.setNext(redirect);
  redirect.setNext(http);
  return Client.initWithMiddleware({ middleware: auth, baseUrl: sb.url, defaultVersion: 'v1.0' });
}

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());
afterEach(() => {
  sb.setFaults([]);
  sb.configure({ latencyMs: 0, throttle: false });
});

describe('@microsoft/microsoft-graph-client against the sandbox', () => {
  it('GET /me with $select', async () => {
    const me = (await sdkClient(sb).api('/me').select(['displayName', 'mail']).get()) as { displayName: string; mail: string };
    expect(me.displayName).toBe('Claire Martin');
    expect(me.mail).toBe(CLAIRE);
  });

  it('POST /me/events with Prefer: outlook.timezone', async () => {
    const created = (await sdkClient(sb)
      .api('/me/events')
      .header('Prefer', 'outlook.timezone="Europe/Paris"')
      .post({
        subject: 'Café d’au revoir',
        start: { dateTime: '2026-12-18T16:00:00', timeZone: 'Europe/Paris' },
        end: { dateTime: '2026-12-18T17:00:00', timeZone: 'Europe/Paris' },
        transactionId: 'sdk-post-1',
      })) as { id: string; start: { dateTime: string; timeZone: string } };
    expect(created.id).toBeTruthy();
    expect(created.start).toEqual({ dateTime: '2026-12-18T16:00:00.0000000', timeZone: 'Europe/Paris' });
  });

  it('$batch through BatchRequestContent / BatchResponseContent parses each JSON body', async () => {
    const client = sdkClient(sb);
    const content = new BatchRequestContent([
      { id: '1', request: new Request(`${sb.graphUrl}/me?$select=displayName`, { method: 'GET' }) },
      { id: '2', request: new Request(`${sb.graphUrl}/me/directReports?$select=displayName`, { method: 'GET' }) },
      {
        id: '3',
        request: new Request(`${sb.graphUrl}/me/events`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ subject: 'Batched', start: { dateTime: '2026-12-19T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-19T10:30:00', timeZone: 'UTC' } }),
        }),
      },
    ]);
    const raw: unknown = await client.api('/$batch').post(await content.getContent());
    const batch = new BatchResponseContent(raw as { responses: [] });
    const me = batch.getResponseById('1');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { displayName: string }).displayName).toBe('Claire Martin');
    const reports = (await batch.getResponseById('2').json()) as { value: unknown[] };
    expect(reports.value.length).toBeGreaterThanOrEqual(6);
    const created = batch.getResponseById('3');
    expect(created.status).toBe(201);
    expect(((await created.json()) as { subject: string }).subject).toBe('Batched');
  });

  it('its RetryHandler recovers from the sandbox’s 429s (injected, with Retry-After)', async () => {
    sb.setFaults([{ match: { path: '^/me$' }, action: { status: 429, retryAfterSeconds: 1 }, times: 2 }]);
    sb.clearLog();
    const me = (await sdkClient(sb).api('/me').get()) as { displayName: string };
    expect(me.displayName).toBe('Claire Martin');
    expect(sb.log().map((e) => e.status)).toEqual([429, 429, 200]);
  });

  it('its RetryHandler recovers from concurrency throttling: 6 parallel GETs all succeed', async () => {
    sb.configure({ latencyMs: 150, throttle: { maxConcurrentPerMailbox: 4, retryAfterSeconds: 1 } });
    sb.clearLog();
    const client = sdkClient(sb);
    const results = (await Promise.all(Array.from({ length: 6 }, () => client.api('/me').select('id').get()))) as Array<{ id: string }>;
    expect(results.every((r) => typeof r.id === 'string')).toBe(true);
    expect(sb.log().some((e) => e.status === 429)).toBe(true);
  });
});
