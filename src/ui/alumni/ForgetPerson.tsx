import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ForgetPreview, ForgetResult } from '../../workflows/service';
import { ErrorBanner } from '../ErrorBanner';
import { OUTCOMES_NAMESPACE } from './strings';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalL },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface ForgetPersonProps {
  readonly name: string;
  readonly preview: () => Promise<ForgetPreview>;
  readonly forget: () => Promise<ForgetResult>;
  /** Called once nothing of the person is left (the screen reloads its list). */
  readonly onForgotten: (result: ForgetResult) => void | Promise<void>;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'counting' }
  | { kind: 'confirm'; preview: ForgetPreview }
  | { kind: 'forgetting' }
  | { kind: 'partial'; result: ForgetResult };

/**
 * "Forget this person": a confirmation that names what will go (counted from the mailbox), one step that
 * deletes it, and after a partial failure what is left, with Forget again to finish.
 */
export const ForgetPerson = ({ name, preview, forget, onForgotten }: ForgetPersonProps) => {
  const { t } = useTranslation(OUTCOMES_NAMESPACE);
  const styles = useStyles();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<unknown>();

  const open = async () => {
    setError(undefined);
    setPhase({ kind: 'counting' });
    try {
      setPhase({ kind: 'confirm', preview: await preview() });
    } catch (e: unknown) {
      setError(e);
      setPhase({ kind: 'idle' });
    }
  };

  const confirm = async () => {
    setPhase({ kind: 'forgetting' });
    try {
      const result = await forget();
      if (result.complete) {
        setPhase({ kind: 'idle' });
        await onForgotten(result);
      } else setPhase({ kind: 'partial', result });
    } catch (e: unknown) {
      setError(e);
      setPhase({ kind: 'idle' });
    }
  };

  const leftText = (r: ForgetResult): string =>
    [...(r.left.contacts > 0 ? [t('forget.leftContact')] : []), ...(r.left.events > 0 ? [t('forget.leftEvents', { count: r.left.events })] : [])].join(', ');

  const dialogOpen = phase.kind === 'counting' || phase.kind === 'confirm' || phase.kind === 'forgetting';

  return (
    <div className={styles.root}>
      <div>
        <Button appearance="subtle" onClick={() => void open()} disabled={phase.kind !== 'idle' && phase.kind !== 'partial'} aria-label={t('forget.actionLabel', { name })}>
          {t('forget.action')}
        </Button>
      </div>
      <div aria-live="polite" role="status">
        {phase.kind === 'partial' ? (
          <MessageBar intent="warning">
            <MessageBarBody>
              {t('forget.partial', { left: leftText(phase.result) })}{' '}
              <Button size="small" onClick={() => void confirm()}>
                {t('forget.again')}
              </Button>
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {error !== undefined ? <ErrorBanner error={error} onRetry={() => void open()} onDismiss={() => setError(undefined)} /> : null}

      <Dialog open={dialogOpen} modalType="alert" onOpenChange={(_e, d) => (!d.open && phase.kind !== 'forgetting' ? setPhase({ kind: 'idle' }) : undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('forget.title', { name })}</DialogTitle>
            <DialogContent>
              {phase.kind === 'confirm' ? (
                <>
                  <Text as="p" block>
                    {t('forget.intro')}
                  </Text>
                  <ul className={styles.list} data-testid="forget-list">
                    {phase.preview.contacts > 0 ? <li>{t('forget.contact')}</li> : null}
                    {phase.preview.photo ? <li>{t('forget.photo')}</li> : null}
                    {phase.preview.events > 0 ? <li>{t('forget.events', { count: phase.preview.events })}</li> : null}
                    {phase.preview.outcomes > 0 ? <li>{t('forget.outcomes', { count: phase.preview.outcomes })}</li> : null}
                  </ul>
                  <Text as="p" block weight="semibold">
                    {t('forget.irreversible')}
                  </Text>
                </>
              ) : (
                <Spinner size="small" label={phase.kind === 'forgetting' ? t('forget.working') : t('forget.counting')} />
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={phase.kind !== 'confirm'} onClick={() => void confirm()}>
                {t('forget.confirm')}
              </Button>
              <Button disabled={phase.kind === 'forgetting'} onClick={() => setPhase({ kind: 'idle' })}>
                {t('forget.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
};
