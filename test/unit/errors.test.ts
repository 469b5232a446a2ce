import { AppError, messageFor } from '../../src/domain/errors';

describe('AppError', () => {
  it('marks throttling, unavailability and network errors as retryable by default', () => {
    expect(new AppError({ code: 'graph.throttled' }).retryable).toBe(true);
    expect(new AppError({ code: 'graph.unavailable' }).retryable).toBe(true);
    expect(new AppError({ code: 'network' }).retryable).toBe(true);
    expect(new AppError({ code: 'graph.badRequest' }).retryable).toBe(false);
  });

  it('gives the user a message in their language, never the raw key', () => {
    const err = new AppError({ code: 'graph.throttled', status: 429, requestId: 'abc' });
    expect(messageFor(err, 'fr')).toMatch(/sollicité/);
    expect(messageFor(err, 'en')).toMatch(/busy/);
    const unknownKey = new AppError({ code: 'graph.server', messageKey: 'error.not.in.catalogue' });
    expect(messageFor(unknownKey, 'en')).toMatch(/ran into an error/);
  });

  it('wraps anything thrown and keeps the cause', () => {
    const cause = new TypeError('boom');
    const err = AppError.from(cause, 'network');
    expect(err.code).toBe('network');
    expect(err.cause).toBe(cause);
    expect(AppError.from(err)).toBe(err);
  });
});
