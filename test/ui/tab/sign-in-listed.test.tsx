import { screen, waitFor } from '@testing-library/react';
import { SignInAs } from '../../../src/apps/tab/SignInAs';
import { renderUi } from '../../fixtures';

jest.setTimeout(20_000);

// The entry preloads the departures' code from this callback: it must come once the picker is
// usable, not while the list is still loading (that work would hold back the picker's render).
test('"Sign in as" says when its list is on screen, not before', async () => {
  let answer: (users: { userPrincipalName: string; displayName: string }[]) => void = () => undefined;
  const onListed = jest.fn();
  renderUi(<SignInAs listUsers={() => new Promise((r) => (answer = r))} onSignIn={() => undefined} onListed={onListed} />);
  await screen.findByRole('status');
  expect(onListed).not.toHaveBeenCalled();
  answer([{ userPrincipalName: 'claire.martin@contoso.example', displayName: 'Claire Martin' }]);
  await waitFor(() => expect(onListed).toHaveBeenCalledTimes(1));
  expect(screen.getByRole('combobox')).toHaveTextContent('Claire Martin');
});
