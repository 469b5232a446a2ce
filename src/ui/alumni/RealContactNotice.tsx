import { Button, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alumnus } from '../../workflows/service';
import { ErrorBanner } from '../ErrorBanner';
import { formatDate } from '../format';
import { useLang } from '../hooks';
import { REAL_CONTACT_NS } from './realContactStrings';
import { useRealContact } from './RealContactContext';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  done: { color: tokens.colorPaletteGreenForeground1 },
});

/** The calendar date of a wall-clock `YYYY-MM-DDTHH:mm:ss` or a date: shown as the day it is, whatever the browser's zone. */
const dayOf = (s: string): string => s.slice(0, 10);

/**
 * On an alumni card: why "last contacted" moved ("Lunch on 3 March found in your calendar", "Email on 3
 * March"), where the next reminder went, and Undo. Renders nothing when there is no notice for this alumnus.
 * React escapes the subject: it is the manager's own text, shown as text.
 */
export const RealContactNotice = ({ alumnus }: { readonly alumnus: Alumnus }) => {
  const { t } = useTranslation(REAL_CONTACT_NS);
  const lang = useLang();
  const styles = useStyles();
  const state = useRealContact();
  const [busy, setBusy] = useState(false);
  const [undone, setUndone] = useState(false);
  const [error, setError] = useState<unknown>();
  const notice = state?.notices.get(alumnus.contactId);

  if (undone) {
    return (
      <div role="status" aria-live="polite">
        <Text className={styles.done}>{t('undone')}</Text>
      </div>
    );
  }
  if (!state || !notice) return null;
  const date = formatDate(notice.date, lang);
  const undo = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await state.undo(alumnus.contactId);
      setUndone(true);
    } catch (e: unknown) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <MessageBar intent="info" layout="multiline" aria-label={t('noticeLabel', { name: alumnus.displayName })}>
        <MessageBarBody>
          {notice.source === 'event' ? t('foundEvent', { subject: notice.subject, date }) : t('foundMail', { date })}
          {notice.moved ? (
            <>
              {' '}
              {t('moved', { from: formatDate(dayOf(notice.moved.from), lang), to: formatDate(dayOf(notice.moved.to), lang) })}
            </>
          ) : null}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => void undo()} disabled={busy} aria-label={t('undoLabel', { name: alumnus.displayName, date })}>
            {busy ? t('undoing') : t('undo')}
          </Button>
        </MessageBarActions>
      </MessageBar>
      {error !== undefined ? <ErrorBanner error={error} onRetry={() => void undo()} onDismiss={() => setError(undefined)} /> : null}
    </div>
  );
};
