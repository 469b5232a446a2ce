import { makeStyles, tokens } from '@fluentui/react-components';
import type { AuthSession } from '../../auth';
import { LapsedBanner, useTenantAuth } from '../../ui';

const useStyles = makeStyles({
  banner: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
});

/**
 * The task pane with a real tenant, once signed in: when a token can no longer be had silently (the
 * refresh token expired, consent was revoked, the host's broker says an interaction is needed), the
 * MSAL session turns `signedOut` and this shows the tab's own banner (src/ui/SignIn.tsx): "Sign in",
 * whose click alone starts the interactive sign-in (under Outlook the host brokers it), and Try again
 * when that sign-in failed. The pane below stays as it was, with what the user typed.
 */
export const SessionBanner = ({ session }: { readonly session: AuthSession }) => {
  const styles = useStyles();
  // Already restored before the pane showed: start from where the session stands, no second restore.
  const tenant = useTenantAuth(session, session.status());
  const { state } = tenant;
  if (state.kind === 'checking' || (state.kind === 'signedIn' && !state.lapsed && state.error === undefined)) return null;
  return (
    <div className={styles.banner}>
      <LapsedBanner busy={state.busy} {...(state.error !== undefined ? { error: state.error } : {})} onSignIn={() => void tenant.signIn()} />
    </div>
  );
};
