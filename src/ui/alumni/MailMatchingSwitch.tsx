import { Field, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../ErrorBanner';
import { REAL_CONTACT_NS } from './realContactStrings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface MailMatchingSwitchProps {
  /** The saved choice (from the mailbox). */
  readonly load: () => Promise<boolean>;
  /** Saves the choice; turning it on asks for Mail.ReadBasic first (incremental consent), from this click. */
  readonly save: (on: boolean) => Promise<boolean>;
  /** Called after a change, so the screen can look again. */
  readonly onChanged?: (on: boolean) => void;
}

/** "Count emails as contact": off until the manager turns it on; the permission is asked at that click. */
export const MailMatchingSwitch = ({ load, save, onChanged }: MailMatchingSwitchProps) => {
  const { t } = useTranslation(REAL_CONTACT_NS);
  const styles = useStyles();
  const hintId = useId();
  const [on, setOn] = useState<boolean | undefined>();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let alive = true;
    load().then(
      (v) => alive && setOn(v),
      (e: unknown) => alive && setError(e),
    );
    return () => {
      alive = false;
    };
  }, [load]);

  const change = async (next: boolean): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setSaid('');
    try {
      const saved = await save(next);
      setOn(saved);
      setSaid(saved ? t('mailSwitchOn') : t('mailSwitchOff'));
      onChanged?.(saved);
    } catch (e: unknown) {
      setError(e); // consent refused or not saved: the switch stays as it was
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <Field>
        <Switch
          label={t('mailSwitch')}
          checked={on === true}
          disabled={on === undefined || busy}
          aria-describedby={hintId}
          onChange={(_e, d) => void change(d.checked)}
        />
      </Field>
      <Text id={hintId} size={200} className={styles.hint}>
        {t('mailSwitchHint')}
      </Text>
      <div role="status" aria-live="polite">
        {said ? <Text size={200}>{said}</Text> : null}
      </div>
      {error !== undefined ? <ErrorBanner error={error} onDismiss={() => setError(undefined)} /> : null}
    </div>
  );
};
