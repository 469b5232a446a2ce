// Exchange-style throttling per mailbox: a limit on requests in flight at once and a rate over a window.
// A request over either limit gets 429 ApplicationThrottled with Retry-After, as Exchange answers through Graph.
import { GraphError } from './core';

export interface ThrottleOptions {
  maxConcurrentPerMailbox?: number;
  ratePerMailbox?: { requests: number; perSeconds: number };
  retryAfterSeconds?: number;
}

export interface MailboxStats {
  maxInFlight: number;
  requests: number;
  throttled: number;
}

export const EXCHANGE_THROTTLE: Required<ThrottleOptions> = {
  maxConcurrentPerMailbox: 4,
  ratePerMailbox: { requests: 10_000, perSeconds: 600 },
  retryAfterSeconds: 1,
};

export function resolveThrottle(t: ThrottleOptions | false | undefined): Required<ThrottleOptions> | false {
  if (t === false || t === undefined) return false;
  return {
    maxConcurrentPerMailbox: t.maxConcurrentPerMailbox ?? EXCHANGE_THROTTLE.maxConcurrentPerMailbox,
    ratePerMailbox: t.ratePerMailbox ?? EXCHANGE_THROTTLE.ratePerMailbox,
    retryAfterSeconds: t.retryAfterSeconds ?? EXCHANGE_THROTTLE.retryAfterSeconds,
  };
}

export type ThrottleReason = 'concurrency' | 'rate';

export class Throttle {
  private readonly inFlight = new Map<string, number>();
  private readonly rateWindows = new Map<string, number[]>();
  private limits: Required<ThrottleOptions> | false;

  constructor(
    options: ThrottleOptions | false | undefined,
    /** Where per-mailbox figures are counted (the sandbox's stats). */
    private readonly statsOf: (mailbox: string) => MailboxStats,
  ) {
    this.limits = resolveThrottle(options);
  }

  get config(): Required<ThrottleOptions> | false {
    return this.limits;
  }

  configure(options: ThrottleOptions | false): void {
    this.limits = resolveThrottle(options);
    // A new limit starts a new window, so a test (or the bench) measures only its own requests.
    this.rateWindows.clear();
  }

  reset(): void {
    this.inFlight.clear();
    this.rateWindows.clear();
  }

  inFlightFor(mb: string): number {
    return this.inFlight.get(mb) ?? 0;
  }

  /** Takes an in-flight slot for the mailbox, or returns the 429 reason (and counts it as throttled). */
  acquire(mb: string): ThrottleReason | null {
    const s = this.statsOf(mb);
    s.requests++;
    const limits = this.limits;
    if (limits !== false) {
      const current = this.inFlight.get(mb) ?? 0;
      if (current >= limits.maxConcurrentPerMailbox) return this.refuse(mb, 'concurrency');
      const windowMs = limits.ratePerMailbox.perSeconds * 1000;
      const t = Date.now();
      const hits = (this.rateWindows.get(mb) ?? []).filter((x) => x > t - windowMs);
      if (hits.length >= limits.ratePerMailbox.requests) {
        this.rateWindows.set(mb, hits);
        return this.refuse(mb, 'rate');
      }
      hits.push(t);
      this.rateWindows.set(mb, hits);
    }
    const n = (this.inFlight.get(mb) ?? 0) + 1;
    this.inFlight.set(mb, n);
    s.maxInFlight = Math.max(s.maxInFlight, n);
    return null;
  }

  release(mb: string): void {
    this.inFlight.set(mb, Math.max(0, (this.inFlight.get(mb) ?? 1) - 1));
  }

  /** The 429 for a refused request, with the configured Retry-After. */
  error(reason: ThrottleReason): GraphError {
    const retry = this.limits === false ? 1 : this.limits.retryAfterSeconds;
    return new GraphError(
      429,
      'ApplicationThrottled',
      reason === 'concurrency' ? 'Application is over its MailboxConcurrency limit.' : 'Application is over its MailboxRequests limit.',
      { 'Retry-After': String(retry) },
    );
  }

  private refuse(mb: string, reason: ThrottleReason): ThrottleReason {
    this.statsOf(mb).throttled++;
    return reason;
  }
}
