import { EARLY_USERS_GLOBAL, sandboxUsersUrl, takeEarlyRequest } from '../../../src/apps/shell/early';
import { listSandboxUsers } from '../../../src/auth';

// tab-early.ts asks for the sign-in list before the app's script runs; the app takes that answer
// only if both sides name the same address (the "already signed in" key is early.ts's, for both).
test('the early request and the app agree on the address', async () => {
  const asked: string[] = [];
  await listSandboxUsers('http://127.0.0.1:4000/', (url) => {
    asked.push(url);
    return Promise.resolve(new Response('[]'));
  });
  expect(asked).toEqual([sandboxUsersUrl('http://127.0.0.1:4000/')]);
});

test('the early answer is taken once, and only for the address it was asked for', async () => {
  const win = {} as Window;
  const response = Promise.resolve(new Response('[{"userPrincipalName":"a@b","displayName":"A"}]'));
  win[EARLY_USERS_GLOBAL] = { url: sandboxUsersUrl('http://127.0.0.1:4000'), response };
  expect(takeEarlyRequest(win, sandboxUsersUrl('http://127.0.0.1:5000'))).toBeUndefined();
  win[EARLY_USERS_GLOBAL] = { url: sandboxUsersUrl('http://127.0.0.1:4000'), response };
  expect(takeEarlyRequest(win, sandboxUsersUrl('http://127.0.0.1:4000'))).toBe(response);
  // A retry asks the network again.
  expect(takeEarlyRequest(win, sandboxUsersUrl('http://127.0.0.1:4000'))).toBeUndefined();
});
