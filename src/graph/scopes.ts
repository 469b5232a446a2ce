/**
 * Each gateway method asks only for the scopes its own call needs, so a consent prompt names exactly
 * what is used. The list itself is src/domain/scopes.ts.
 */
export { ALL_SCOPES, SCOPES, type Scope } from '../domain/scopes';
export { ALL_LATER_SCOPES, LATER_SCOPES, type LaterScope } from '../domain/scopes';

/** Union of scopes, order kept, no duplicates (a $batch needs every scope its items need). */
export const unionScopes = (...lists: ReadonlyArray<readonly string[]>): string[] => [...new Set(lists.flat())];
