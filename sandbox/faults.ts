// Injected faults: rules that make the nth matching request fail with a status or lose its connection
// (before the handler runs, or after it ran and changed the state), for the fault matrix and demos.
import { GraphError, isObject } from './core';

export type FaultAction = { status: 500 | 503 | 504 | 429; retryAfterSeconds?: number } | { drop: 'before' | 'after' };

export interface FaultRule {
  /** `body`: a regex on the request's JSON body (a sub-request's own body inside a $batch), to aim at one plan among many. */
  match: { method?: string; path?: string; nth?: number; body?: string };
  action: FaultAction;
  times?: number;
}

export interface FaultState {
  rule: FaultRule;
  regex: RegExp | null;
  bodyRegex: RegExp | null;
  seen: number;
  fired: number;
}

/** Thrown inside a $batch when a sub-request's rule drops the connection before it runs. */
export class DroppedConnection extends Error {
  constructor(readonly when: 'before' | 'after') {
    super(`connection dropped ${when}`);
  }
}

export class Faults {
  private states: FaultState[] = [];

  constructor(private readonly onFire: () => void) {}

  /** Validates and installs the rules (throws with a readable message on a malformed one). */
  set(rules: FaultRule[]): void {
    this.states = rules.map((rule) => {
      const a = rule.action as Record<string, unknown>;
      if (!isObject(rule) || !isObject(rule.match) || !isObject(rule.action)) throw new Error('A fault rule is {match, action, times?}.');
      if (!('drop' in a) && ![500, 503, 504, 429].includes(Number(a.status))) throw new Error('action.status must be 500, 503, 504 or 429, or use action.drop.');
      if ('drop' in a && a.drop !== 'before' && a.drop !== 'after') throw new Error("action.drop must be 'before' or 'after'.");
      return { rule, regex: rule.match.path ? new RegExp(rule.match.path) : null, bodyRegex: rule.match.body ? new RegExp(rule.match.body) : null, seen: 0, fired: 0 };
    });
  }

  clear(): void {
    this.states = [];
  }

  rules(): FaultRule[] {
    return this.states.map((f) => f.rule);
  }

  /** The rules with how often each matched and fired (the admin route shows them). */
  withCounts(): Array<FaultRule & { seen: number; fired: number }> {
    return this.states.map((f) => ({ ...f.rule, seen: f.seen, fired: f.fired }));
  }

  match(method: string, path: string, isBatchEnvelope: boolean, body?: unknown): FaultState | null {
    for (const f of this.states) {
      if (f.fired >= (f.rule.times ?? 1)) continue;
      if (f.rule.match.method && f.rule.match.method.toUpperCase() !== method.toUpperCase()) continue;
      // A rule without a path never matches the $batch envelope: its sub-requests are what it counts.
      if (f.regex === null ? isBatchEnvelope : !f.regex.test(path)) continue;
      if (f.bodyRegex !== null && !f.bodyRegex.test(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body))) continue;
      f.seen++;
      if (f.seen >= (f.rule.match.nth ?? 1)) {
        f.fired++;
        this.onFire();
        return f;
      }
    }
    return null;
  }
}

export function faultLabel(a: FaultAction): string {
  return 'drop' in a ? `drop-${a.drop}` : `status-${a.status}`;
}

export function faultError(a: { status: number; retryAfterSeconds?: number }): GraphError {
  const headers: Record<string, string> = {};
  if (a.retryAfterSeconds !== undefined || a.status === 429) headers['Retry-After'] = String(a.retryAfterSeconds ?? 1);
  const codes: Record<number, [string, string]> = {
    500: ['InternalServerError', 'An internal server error occurred. (sandbox fault injection)'],
    503: ['ServiceNotAvailable', 'The service is temporarily unavailable. (sandbox fault injection)'],
    504: ['GatewayTimeout', 'The gateway timed out. (sandbox fault injection)'],
    429: ['TooManyRequests', 'Too many requests. (sandbox fault injection)'],
  };
  const [code, message] = codes[a.status] ?? ['InternalServerError', 'Injected failure.'];
  return new GraphError(a.status, code, message, headers);
}
