// The sandbox may not import src, so it keeps its own copy of the app's delegated scopes (the default of a
// sandbox token). The copy must be the app's list exactly, in order.
import { APP_SCOPES } from '../../../sandbox/permissions';
import { ALL_SCOPES } from '../../../src/graph/scopes';

test("the sandbox's default token scopes are the app's scopes", () => {
  expect([...APP_SCOPES]).toEqual([...ALL_SCOPES]);
});
