import { Body1, Button, Field, Select, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SandboxUser as AuthSandboxUser } from '../../auth';
import { useTranslation } from 'react-i18next';
import { TAB_NAMESPACE } from './strings';
import { EmptyState, ErrorBanner, LoadingState } from '../../ui';
import { useLoad } from '../../ui/useLoad';

/** A seeded user of the local demo organisation (only what the picker shows). */
export type SandboxUser = Pick<AuthSandboxUser, 'userPrincipalName' | 'displayName' | 'jobTitle'>;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '480px',
    margin: '0 auto',
    padding: tokens.spacingHorizontalL,
    boxSizing: 'border-box',
  },
  title: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  select: { width: '100%' },
});

export interface SignInAsProps {
  readonly listUsers: () => Promise<readonly SandboxUser[]>;
  readonly onSignIn: (userPrincipalName: string) => void;
  /** Called once the list is on screen: the page then loads what signing in will need (index.tsx). */
  readonly onListed?: () => void;
}

/**
 * The demo's sign-in: pick one of the sandbox's seeded users. Only the choice is remembered (in
 * sessionStorage, by the caller); the sandbox mints the token when the app asks for one.
 */
export const SignInAs = ({ listUsers, onSignIn, onListed }: SignInAsProps) => {
  const { t } = useTranslation(TAB_NAMESPACE);
  const styles = useStyles();
  const { state, reload } = useLoad(listUsers);
  const [choice, setChoice] = useState('');
  useEffect(() => {
    if (state.status === 'ready') onListed?.();
  }, [state.status, onListed]);

  const body = (() => {
    if (state.status === 'loading') return <LoadingState label={t('signIn.loading')} />;
    if (state.status === 'error')
      return <ErrorBanner error={state.error} title={t('signIn.failed')} onRetry={() => void reload()} />;
    if (state.data.length === 0) return <EmptyState title={t('signIn.empty')} />;
    const users = state.data;
    const selected = choice || users[0]?.userPrincipalName || '';
    return (
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (selected) onSignIn(selected);
        }}
      >
        <Field label={t('signIn.label')} className={styles.select}>
          <Select value={selected} onChange={(_e, d) => setChoice(d.value)} data-testid="sign-in-as">
            {users.map((u) => (
              <option key={u.userPrincipalName} value={u.userPrincipalName}>
                {u.jobTitle ? `${u.displayName} — ${u.jobTitle}` : u.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" appearance="primary">
          {t('signIn.submit')}
        </Button>
      </form>
    );
  })();

  return (
    <section className={styles.root} aria-labelledby="sign-in-title">
      <Title2 as="h2" block id="sign-in-title" className={styles.title}>
        {t('signIn.title')}
      </Title2>
      <Body1 as="p" block>{t('signIn.intro')}</Body1>
      {body}
    </section>
  );
};
