/**
 * The task pane with a real tenant when its session lapses: the same banner as the tab (src/ui/SignIn.tsx),
 * "Sign in" whose click alone starts the interactive sign-in, Try again when that sign-in failed, and the
 * pane below kept as it was. The token provider is faked: its silent `getToken` stops working, and, as
 * the MSAL session does (src/auth/msal.ts), it then says nobody is signed in.
 */
import { act, screen, waitFor } from '@testing-library/react';
import user from '@testing-library/user-event';
import '../../../src/apps/addin/strings';
import { SessionBanner } from '../../../src/apps/addin/SessionBanner';
import { TaskPane } from '../../../src/apps/addin/TaskPane';
import type { AuthSession, SessionStatus, SignedInAccount } from '../../../src/auth';
import { AppError } from '../../../src/domain/errors';
import { missingRequirements, officeMailItem } from '../../../src/hosts/office';
import type { Lang } from '../../../src/domain/types';
import { outlookMock } from './outlook-mock';
import { addinService, claire as manager, fixedPlanId, renderUi, sarah } from '../../fixtures';

jest.setTimeout(20_000);
const userEvent = user.setup({ delay: null });
const claire: SignedInAccount = { username: manager.mail, name: manager.displayName, tenantId: 't1' };

/** A token provider that works until `lapse()`: then its silent getToken fails and the status turns signedOut. */
const fakeSession = (signIn: () => Promise<SignedInAccount> = () => Promise.resolve(claire)) => {
  const listeners = new Set<(s: SessionStatus) => void>();
  let status: SessionStatus = { kind: 'signedIn', account: claire };
  let lapsed = false;
  const set = (next: SessionStatus) => {
    status = next;
    listeners.forEach((l) => l(next));
  };
  const session: jest.Mocked<AuthSession> = {
    hostManagesAccount: true,
    getToken: jest.fn((_scopes: string[]) => {
      if (!lapsed) return Promise.resolve('token');
      set({ kind: 'signedOut' });
      return Promise.reject(new AppError({ code: 'auth.interactionRequired', detail: 'refresh token expired' }));
    }),
    restore: jest.fn(() => Promise.resolve(status)),
    signIn: jest.fn(async (_options?: { readonly selectAccount?: boolean }) => {
      const account = await signIn();
      lapsed = false;
      set({ kind: 'signedIn', account });
      return account;
    }),
    signOut: jest.fn(() => Promise.resolve()),
    status: jest.fn(() => status),
    onChange: jest.fn((l: (s: SessionStatus) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    }),
    adminConsentUrl: jest.fn(() => 'https://login.microsoftonline.com/t1/v2.0/adminconsent?client_id=c'),
  } as jest.Mocked<AuthSession>;
  /** The next Graph call's token cannot be had silently. */
  const lapse = async () => {
    lapsed = true;
    await act(async () => {
      await session.getToken(['Calendars.ReadWrite']).catch(() => undefined);
    });
  };
  return { session, lapse };
};

const mount = (session: AuthSession, lang: Lang = 'en') => {
  const mock = outlookMock({ kind: 'appointmentCompose', required: [{ emailAddress: sarah.mail, displayName: sarah.displayName }] });
  const item = officeMailItem(mock.office);
  renderUi(
    <>
      <SessionBanner session={session} />
      <TaskPane item={item} service={addinService()} missing={missingRequirements(mock.office, item.kind)} now={() => new Date('2026-11-25T10:00:00Z')} newPlanId={fixedPlanId} />
    </>,
    { lang },
  );
};

describe('the task pane’s lapsed session (tenant)', () => {
  it('no banner while tokens come silently; once they do not, "Sign in" (and only its click signs in), the pane kept', async () => {
    const { session, lapse } = fakeSession();
    mount(session);
    const who = await screen.findByRole('combobox', { name: /Who is leaving/ });
    expect(who).toHaveDisplayValue('Sarah Johnson <sarah.johnson@contoso.example>');
    expect(screen.queryByText('Your session has ended')).not.toBeInTheDocument();
    // Already restored by the pane's boot: no second restore, and never a sign-in of its own.
    expect(session.restore).not.toHaveBeenCalled();

    await lapse();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your session has ended');
    expect(alert).toHaveTextContent('Sign in again to continue. What you were doing stays on screen.');
    expect(session.signIn).not.toHaveBeenCalled();
    // The pane is still there, with what it showed.
    expect(screen.getByRole('combobox', { name: /Who is leaving/ })).toHaveDisplayValue('Sarah Johnson <sarah.johnson@contoso.example>');

    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(session.signIn).toHaveBeenCalledTimes(1);
    expect(session.signIn).toHaveBeenCalledWith({ selectAccount: false });
    await waitFor(() => expect(screen.queryByText('Your session has ended')).not.toBeInTheDocument());
    await expect(session.getToken(['Calendars.ReadWrite'])).resolves.toBe('token');
  });

  it('a sign-in that fails (the window blocked) says so with Try again, which signs in again from that click; in French', async () => {
    let attempts = 0;
    const { session, lapse } = fakeSession(() => {
      attempts += 1;
      return attempts === 1
        ? Promise.reject(new AppError({ code: 'auth.interactionRequired', messageKey: 'error.auth.popupBlocked', detail: 'popup_window_error' }))
        : Promise.reject(new AppError({ code: 'auth.failed', retryable: true, detail: 'network' }));
    });
    mount(session, 'fr');
    await screen.findByRole('button', { name: 'Appliquer à cette réunion' });
    await lapse();
    await userEvent.click(await screen.findByRole('button', { name: 'Se connecter' }));
    // The blocked window: the message says to allow it, and Sign in is offered again.
    expect(await screen.findByText(/La fenêtre de connexion n'a pas pu s'ouvrir/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(session.signIn).toHaveBeenCalledTimes(2);
    // A failure that trying again can fix: Try again, which signs in (from the click) once more.
    expect(await screen.findByText('La connexion a échoué. Réessayez dans un instant.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(session.signIn).toHaveBeenCalledTimes(3);
  });
});
