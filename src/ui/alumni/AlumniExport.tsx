import {
  Button,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMON_NAMESPACE } from '../strings';
import type { Alumnus } from '../../workflows/service';
import { ErrorBanner } from '../ErrorBanner';
import { useLang } from '../hooks';
import { useAlumniExtras } from './context';
import { downloadFile } from './download';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

type Busy = 'vcard' | 'ics' | undefined;

/**
 * "Take them with you": the alumnus as a vCard (the person picks 3.0 for phones or 4.0 for address books)
 * and the reminders ahead as an .ics file, for phones and calendars other than Outlook. Shown only where
 * the screen gave an exporter (AlumniExtrasProvider).
 */
export const AlumniExport = ({ alumnus: a }: { alumnus: Alumnus }) => {
  const { t } = useTranslation(COMMON_NAMESPACE);
  const lang = useLang();
  const styles = useStyles();
  const { exporter, now } = useAlumniExtras();
  const [busy, setBusy] = useState<Busy>();
  const [error, setError] = useState<unknown>();
  const [last, setLast] = useState<() => void>();
  if (!exporter) return null;
  const name = a.displayName;

  const run = (kind: Exclude<Busy, undefined>, make: () => Promise<{ fileName: string; mimeType: string; text: string }>): void => {
    const go = (): void => {
      setBusy(kind);
      setError(undefined);
      make()
        .then((file) => downloadFile(file))
        .catch((e: unknown) => setError(e))
        .finally(() => setBusy(undefined));
    };
    setLast(() => go);
    go();
  };

  return (
    <div className={styles.root}>
      <div className={styles.row} role="group" aria-label={t('portable.groupFor', { name })}>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton disabled={busy !== undefined} aria-label={t('portable.vcardFor', { name })}>
              {t('portable.vcard')}
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem secondaryContent={t('portable.v3Hint')} onClick={() => run('vcard', () => exporter.exportContact({ contactId: a.contactId, version: '3.0' }))}>
                {t('portable.v3')}
              </MenuItem>
              <MenuItem secondaryContent={t('portable.v4Hint')} onClick={() => run('vcard', () => exporter.exportContact({ contactId: a.contactId, version: '4.0' }))}>
                {t('portable.v4')}
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        <Button
          disabled={busy !== undefined}
          aria-label={t('portable.icsFor', { name })}
          onClick={() => run('ics', () => exporter.exportReminders({ planId: a.planId, now: now(), lang }))}
        >
          {t('portable.ics')}
        </Button>
        <span aria-live="polite" role="status">
          {busy ? <Spinner size="tiny" label={t(busy === 'vcard' ? 'portable.preparingVcard' : 'portable.preparingIcs')} /> : null}
        </span>
      </div>
      {error !== undefined ? <ErrorBanner error={error} onRetry={() => last?.()} onDismiss={() => setError(undefined)} /> : null}
    </div>
  );
};
