import { ERROR_MESSAGES, messageFor } from '../../../src/domain/errors';
import { codeForStatus, graphError, networkError, parseRetryAfter } from '../../../src/graph/errors';

describe('Graph failures become AppErrors', () => {
  test.each([
    [400, 'graph.badRequest', false],
    [401, 'graph.unauthorized', false],
    [403, 'graph.forbidden', false],
    [404, 'graph.notFound', false],
    [409, 'graph.conflict', false],
    [412, 'graph.conflict', false],
    [424, 'graph.dependencyFailed', false],
    [429, 'graph.throttled', true],
    [500, 'graph.server', false],
    [502, 'graph.server', false],
    [503, 'graph.unavailable', true],
    [504, 'graph.unavailable', true],
  ])('%i → %s (retryable %s), with a message in French and English', (status, code, retryable) => {
    const err = graphError({
      status,
      body: { error: { code: 'ErrorSomething', message: 'm', innerError: { 'request-id': 'body-rid' } } },
      headers: { 'request-id': 'rid-1', 'Retry-After': '7' },
    });
    expect(err.code).toBe(code);
    expect(err.retryable).toBe(retryable);
    expect(err.status).toBe(status);
    expect(err.graphCode).toBe('ErrorSomething');
    expect(err.requestId).toBe('rid-1');
    expect(err.retryAfterSeconds).toBe(7);
    expect(ERROR_MESSAGES[err.messageKey]).toBeDefined();
    expect(messageFor(err, 'fr')).not.toBe(messageFor(err, 'en'));
  });

  test('the request id falls back to the one in the error body; headers may be a Headers object', () => {
    const err = graphError({ status: 404, body: { error: { code: 'ErrorItemNotFound', innerError: { 'request-id': 'body-rid' } } }, headers: new Headers() });
    expect(err.requestId).toBe('body-rid');
    expect(codeForStatus(418)).toBe('graph.badRequest');
  });

  test('no answer at all is a retryable network error that keeps its cause', () => {
    const cause = new TypeError('fetch failed');
    const err = networkError(cause, 'POST /$batch');
    expect(err.code).toBe('network');
    expect(err.retryable).toBe(true);
    expect(err.cause).toBe(cause);
    expect(messageFor(err, 'fr')).toMatch(/connexion/i);
  });

  test('Retry-After in seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10);
  });
});
