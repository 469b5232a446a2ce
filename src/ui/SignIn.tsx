import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMON_NAMESPACE } from './strings';
import type { AuthSession, SessionStatus, SignedInAccount } from '../auth';
import { AppError } from '../domain/errors';
import { ErrorBanner } from './ErrorBanner';
import { LoadingState } from './LoadingState';

/**
 * Sign-in with a real tenant, shared by the Teams tab and the Outlook task pane so that both behave
 * alike: silent on load, a "Sign in" button whose click (and only that) starts the interactive
 * sign-in, and when the session lapses while the screens are open, a banner offering to sign in again
 * (with Try again when that sign-in failed), the screens kept as they were. Strings: `common:session`.
 */

export type TenantAuthState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'signedOut'; readonly busy: boolean; readonly error?: unknown }
  | {
      readonly kind: 'signedIn';
      readonly account: SignedInAccount;
      /** The sign-in lapsed while the screens were open (refresh token gone, consent revoked...). */
      readonly lapsed: boolean;
      readonly busy: boolean;
      readonly error?: unknown;
    };

const fromStatus = (status: SessionStatus): TenantAuthState =>
  status.kind === 'signedIn' ? { kind: 'signedIn', account: status.account, lapsed: false, busy: false } : { kind: 'signedOut', busy: false };

/**
 * The sign-in states with a real tenant. On load: silent only (`restore`), never a window; or, when the
 * caller already restored (the task pane does before it shows anything), `known` is where it stands.
 * `signIn` (with `selectAccount`: switch account) is handed to buttons: the popup starts from the click.
 */
export const useTenantAuth = (auth: AuthSession | undefined, known?: SessionStatus) => {
  const [state, setState] = useState<TenantAuthState>(() => (known ? fromStatus(known) : { kind: 'checking' }));
  const skipRestore = useRef(known !== undefined);
  const alive = useRef(true);

  const restore = useCallback(async () => {
    if (!auth) return;
    setState({ kind: 'checking' });
    try {
      const status = await auth.restore();
      if (!alive.current) return;
      setState(fromStatus(status));
    } catch (error: unknown) {
      if (alive.current) setState({ kind: 'signedOut', busy: false, error });
    }
  }, [auth]);

  useEffect(() => {
    alive.current = true;
    if (skipRestore.current) skipRestore.current = false;
    else void restore();
    const off = auth?.onChange((status) => {
      setState((s) => {
        if (status.kind === 'signedIn') return { kind: 'signedIn', account: status.account, lapsed: false, busy: false };
        // Keep the screens (and what the user typed) on screen; a banner offers "Sign in".
        return s.kind === 'signedIn' ? { ...s, lapsed: true } : s;
      });
    });
    return () => {
      alive.current = false;
      off?.();
    };
  }, [auth, restore]);

  /** From a click only. */
  const signIn = useCallback(
    async (selectAccount = false) => {
      if (!auth) return;
      setState((s) => (s.kind === 'checking' ? s : { ...s, busy: true, error: undefined }));
      try {
        const account = await auth.signIn({ selectAccount });
        if (alive.current) setState({ kind: 'signedIn', account, lapsed: false, busy: false });
      } catch (error: unknown) {
        if (alive.current) setState((s) => (s.kind === 'checking' ? { kind: 'signedOut', busy: false, error } : { ...s, busy: false, error }));
      }
    },
    [auth],
  );

  const signOut = useCallback(async () => {
    if (!auth) return;
    try {
      await auth.signOut();
    } finally {
      if (alive.current) setState({ kind: 'signedOut', busy: false });
    }
  }, [auth]);

  return { state, restore, signIn, signOut };
};

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '520px',
    margin: '0 auto',
    padding: tokens.spacingHorizontalL,
    boxSizing: 'border-box',
    alignItems: 'flex-start',
  },
  title: { margin: 0 },
});

/** Signed out: what the app is for, one "Sign in" button, and what went wrong last time. */
export const TenantSignIn = ({
  state,
  onSignIn,
  onRetryRestore,
}: {
  readonly state: TenantAuthState;
  readonly onSignIn: () => void;
  readonly onRetryRestore: () => void;
}) => {
  const { t } = useTranslation(COMMON_NAMESPACE);
  const styles = useStyles();
  if (state.kind === 'checking') return <LoadingState label={t('session.checking')} />;
  const error = state.kind === 'signedOut' ? state.error : undefined;
  // An error the silent check met (network, the identity platform down) is retried silently; an
  // error of the sign-in itself (blocked popup, consent) is retried by signing in again, from the click.
  const retry = error !== undefined && AppError.from(error).code.startsWith('auth.') ? onSignIn : onRetryRestore;
  return (
    <section className={styles.root} aria-labelledby="signin-title">
      <Title2 as="h2" id="signin-title" className={styles.title}>
        {t('session.title')}
      </Title2>
      <Body1>{t('session.intro')}</Body1>
      {error !== undefined ? <ErrorBanner error={error} onRetry={retry} onSignIn={onSignIn} /> : null}
      <Button appearance="primary" disabled={state.kind === 'signedOut' && state.busy} onClick={onSignIn}>
        {state.kind === 'signedOut' && state.busy ? t('session.signingIn') : t('session.signIn')}
      </Button>
    </section>
  );
};

/** Signed in, but the sign-in lapsed: the screens stay, this banner offers to sign in again. */
export const LapsedBanner = ({ busy, error, onSignIn }: { readonly busy: boolean; readonly error?: unknown; readonly onSignIn: () => void }) => {
  const { t } = useTranslation(COMMON_NAMESPACE);
  if (error !== undefined) return <ErrorBanner error={error} onRetry={onSignIn} onSignIn={onSignIn} />;
  return (
    <div role="alert">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('session.expiredTitle')}</MessageBarTitle>
          {t('session.expired')}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" disabled={busy} onClick={onSignIn}>
            {busy ? t('session.signingIn') : t('session.signIn')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
};
