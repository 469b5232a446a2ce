import { act, screen, waitFor } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import userEventLib from '@testing-library/user-event';
import { AppError } from '../../../src/domain/errors';
import { AppProviders, EmptyState, ErrorBanner, LoadingState, PersonPicker, registerStrings } from '../../../src/ui';
import { deferred, fakeService, forbidden, hugo, lea, renderUi, throttled } from '../../fixtures';

// No pause between keystrokes, and room for a loaded CI machine (jsdom + Fluent are slow).
const userEvent = userEventLib.setup({ delay: null });
jest.setTimeout(20_000);

describe('ErrorBanner', () => {
  it('shows the error in English with a Retry that calls back when the error is retryable', async () => {
    const onRetry = jest.fn();
    renderUi(<ErrorBanner error={throttled()} onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Microsoft 365 is busy. Please try again in a few moments.');
    expect(alert).toHaveTextContent('Support reference: req-42');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('shows the French message and offers no retry when trying again cannot help', () => {
    renderUi(<ErrorBanner error={forbidden()} onRetry={jest.fn()} />, { lang: 'fr' });
    expect(screen.getByRole('alert')).toHaveTextContent("Vous n'avez pas l'autorisation de faire cela dans Microsoft 365.");
    expect(screen.queryByRole('button', { name: 'Réessayer' })).toBeNull();
  });

  it.each([
    ['auth.failed', 'Sign-in failed. Please try again in a moment.'],
    ['graph.server', 'Microsoft 365 ran into an error. Try again; nothing will be created twice.'],
    ['unexpected', 'Something unexpected happened. Please try again.'],
  ] as const)('every message that says "try again" has a Try again button (%s)', async (code, text) => {
    const onRetry = jest.fn();
    renderUi(<ErrorBanner error={new AppError({ code })} onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent(text);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('offers "Sign in" (never a retry that cannot help) when only signing in can', async () => {
    const onSignIn = jest.fn();
    renderUi(<ErrorBanner error={new AppError({ code: 'auth.interactionRequired', messageKey: 'error.auth.popupBlocked' })} onRetry={jest.fn()} onSignIn={onSignIn} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Allow pop-ups for this site');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSignIn).toHaveBeenCalledTimes(1);
  });

  it('never shows a raw technical message for an unknown error', () => {
    renderUi(<ErrorBanner error={new TypeError('x is undefined at line 3')} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Something unexpected happened. Please try again.');
    expect(alert).not.toHaveTextContent('line 3');
  });

  it('fills the message placeholders from the error', () => {
    const err = new AppError({ code: 'validation', messageKey: 'error.graph.badRequest' });
    renderUi(<ErrorBanner error={err} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Microsoft 365 turned the request down.');
  });
});

describe('LoadingState and EmptyState', () => {
  it('announces loading politely with a label in the UI language', () => {
    renderUi(<LoadingState />, { lang: 'fr' });
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent('Chargement…');
  });

  it('shows an empty state with its call to action', () => {
    renderUi(<EmptyState title="Nothing here" body="Add something" action={<button>Add</button>} />);
    expect(screen.getByRole('region', { name: 'Nothing here' })).toHaveTextContent('Add something');
    expect(screen.getByRole('button', { name: 'Add' })).toBeInTheDocument();
  });
});

describe('PersonPicker', () => {
  it('searches the directory as you type and picks a person with the keyboard alone', async () => {
    const service = fakeService();
    const onSelect = jest.fn();
    renderUi(<PersonPicker service={service} onSelect={onSelect} />);
    const box = screen.getByRole('combobox', { name: /Search the directory/ });
    await userEvent.type(box, 'hu');
    expect(await screen.findByText('1 person found')).toBeInTheDocument();
    expect(service.searchPeople).toHaveBeenLastCalledWith('hu');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(hugo);
    expect(box).toHaveValue('Hugo Bernard');
  });

  it('asks the directory once for a quickly typed name, not once per key', async () => {
    const service = fakeService();
    renderUi(<PersonPicker service={service} onSelect={jest.fn()} />);
    await userEvent.type(screen.getByRole('combobox'), 'léa d');
    expect(await screen.findByText('1 person found')).toBeInTheDocument();
    expect(service.searchPeople).toHaveBeenCalledTimes(1);
    expect(service.searchPeople).toHaveBeenCalledWith('léa d');
  });

  it('says in French when nobody matches', async () => {
    renderUi(<PersonPicker service={fakeService()} onSelect={jest.fn()} />, { lang: 'fr' });
    await userEvent.type(screen.getByRole('combobox', { name: /Rechercher dans l'annuaire/ }), 'zz');
    expect(await screen.findByText('Personne ne correspond à « zz ».')).toBeInTheDocument();
  });

  it('leaves out excluded people', async () => {
    const service = fakeService({ searchPeople: () => Promise.resolve([hugo, lea]) });
    renderUi(<PersonPicker service={service} onSelect={jest.fn()} excludeIds={[hugo.id]} />);
    await userEvent.type(screen.getByRole('combobox'), 'ab');
    expect(await screen.findByText('1 person found')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { name: /Léa Dubois/ })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Hugo Bernard/ })).toBeNull();
  });

  it('shows a search failure and searches again on retry', async () => {
    const first = deferred<readonly never[]>();
    const service = fakeService();
    service.searchPeople.mockImplementationOnce(() => first.promise);
    renderUi(<PersonPicker service={service} onSelect={jest.fn()} />);
    await userEvent.type(screen.getByRole('combobox'), 'hu');
    await waitFor(() => expect(service.searchPeople).toHaveBeenCalledTimes(1));
    first.reject(throttled());
    expect(await screen.findByRole('alert')).toHaveTextContent('Microsoft 365 is busy.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('1 person found')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

// A namespace of this test only, typed the way every catalogue types its own (src/ui/i18n).
declare module 'i18next' {
  interface ResourceNamespaceMap {
    probe: { hello: string };
  }
}

describe('i18n namespaces', () => {
  const Probe = () => {
    const { t } = useTranslation('probe');
    return <p>{t('hello', { name: 'Léa' })}</p>;
  };

  it('serves a namespace registered after start-up, and follows a language switch', async () => {
    const { rerender } = renderUi(<Probe />);
    act(() => registerStrings('probe', { en: { hello: 'Hello {{name}}' }, fr: { hello: 'Bonjour {{name}}' } }));
    rerender(
      <AppProviders lang="en" theme="default">
        <Probe />
      </AppProviders>,
    );
    expect(await screen.findByText('Hello Léa')).toBeInTheDocument();
    rerender(
      <AppProviders lang="fr" theme="default">
        <Probe />
      </AppProviders>,
    );
    expect(await screen.findByText('Bonjour Léa')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
  });
});
