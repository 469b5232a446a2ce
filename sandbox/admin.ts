// Admin routes under /sandbox (not Graph: not logged, no latency): tokens, the request log, configuration,
// fault rules, statistics, the seeded users and a mailbox's recorded cancellations.
import type { Json } from './core';
import { isObject } from './core';
import type { BatchConcurrency } from './batch';
import type { Faults, FaultRule } from './faults';
import type { Sandbox } from './index';
import type { ThrottleOptions } from './throttle';
import { scopesOf } from './permissions';

export interface AdminContext {
  sandbox: Sandbox;
  faults: Faults;
}

export function adminRoute(ctx: AdminContext, method: string, path: string, body: unknown, q: URLSearchParams): { status: number; body?: Json } {
  const { sandbox, faults } = ctx;
  const store = sandbox.store;
  const route = `${method} ${path.replace(/\/$/, '')}`;
  switch (route) {
    case 'POST /sandbox/token': {
      if (!isObject(body) || typeof body.user !== 'string') return { status: 400, body: { error: 'invalid_request', error_description: 'Send {"user": "<userPrincipalName>"}.' } };
      if (!store.user(body.user)) return { status: 400, body: { error: 'invalid_request', error_description: `Unknown user '${body.user}'.` } };
      const expiresIn = typeof body.expiresInSeconds === 'number' ? body.expiresInSeconds : 3600;
      // Optional `scopes` (the app's own set when absent) and `exactScopes`, as tokens.ts explains; the
      // answer's `scope` lists what the token carries, as Entra's token endpoint does.
      if (body.scopes !== undefined && !(Array.isArray(body.scopes) && body.scopes.every((x) => typeof x === 'string'))) {
        return { status: 400, body: { error: 'invalid_scope', error_description: 'scopes must be an array of strings.' } };
      }
      const opts = { expiresInSeconds: expiresIn, ...(body.scopes !== undefined ? { scopes: body.scopes as string[] } : {}), exactScopes: body.exactScopes === true };
      const accessToken = sandbox.token(body.user, opts);
      return { status: 200, body: { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn, scope: (scopesOf({ headers: { authorization: `Bearer ${accessToken}` } }) ?? []).join(' ') } };
    }
    case 'GET /sandbox/log': {
      const since = Number(q.get('since') ?? '0');
      return { status: 200, body: sandbox.log().filter((e) => e.seq > since) as unknown as Json };
    }
    case 'DELETE /sandbox/log':
      sandbox.clearLog();
      return { status: 204 };
    case 'POST /sandbox/reset':
      sandbox.reset();
      return { status: 204 };
    case 'GET /sandbox/config':
      return { status: 200, body: sandbox.config() as unknown as Json };
    case 'PUT /sandbox/config':
    case 'PATCH /sandbox/config': {
      if (!isObject(body)) return { status: 400, body: { error: 'Send {"latencyMs"?, "throttle"?, "batchConcurrency"?}.' } };
      try {
        sandbox.configure(body as { latencyMs?: number; throttle?: ThrottleOptions | false; batchConcurrency?: BatchConcurrency });
      } catch (err) {
        return { status: 400, body: { error: (err as Error).message } };
      }
      return { status: 200, body: sandbox.config() as unknown as Json };
    }
    case 'GET /sandbox/faults':
      return { status: 200, body: faults.withCounts() as unknown as Json };
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
      faults.clear();
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
