import type { TokenProvider } from '../auth';
import { AppError } from '../domain/errors';
import { createGraphClient, type FetchImpl, type GraphClient } from '../graph';

/** What every service built on Graph is given: where Graph is, how to get a token, and the retry bounds. */
export interface GraphSessionOptions {
  /** Graph's v1.0 root: `https://graph.microsoft.com/v1.0` or the sandbox's `<url>/v1.0`. */
  readonly graphBaseUrl: string;
  readonly tokenProvider: TokenProvider;
  readonly fetchImpl?: FetchImpl;
  /** Bound and default delay of the SDK's RetryHandler (seconds). */
  readonly maxRetries?: number;
  readonly retryDelaySeconds?: number;
}

/** One Graph client per service (per signed-in session, per page), never shared through a module. */
export const graphClientFor = (options: GraphSessionOptions): GraphClient =>
  createGraphClient({
    baseUrl: options.graphBaseUrl,
    tokenProvider: options.tokenProvider,
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.retryDelaySeconds !== undefined ? { retryDelaySeconds: options.retryDelaySeconds } : {}),
  });

/** Runs `fn`, turning anything thrown into an AppError: the apps only ever see AppErrors. */
export const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (e) {
    throw AppError.from(e);
  }
};
