import { Body1, Button, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailItemPort } from '../../hosts/office';
import { AlumniCard, EmptyState, ErrorBanner, LoadingState } from '../../ui';
import type { Alumnus, AuRevoirService } from '../../workflows/service';
import { findAlumnusForItem } from './plan';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
});

export interface AlumniPaneProps {
  readonly item: MailItemPort;
  readonly service: AuRevoirService;
  readonly now: () => Date;
  /** Offered when the item turns out not to be a reminder and can take the template. */
  readonly onUseTemplate?: () => void;
  /** The alumnus already found by the caller, to skip a second lookup. */
  readonly initial?: Alumnus;
}

/** The alumni card for the reconnect reminder open in Outlook. */
export const AlumniPane = ({ item, service, now, onUseTemplate, initial }: AlumniPaneProps) => {
  const { t } = useTranslation('addin');
  const styles = useStyles();
  const [alumnus, setAlumnus] = useState<Alumnus | null | undefined>(initial);
  const [timeZone, setTimeZone] = useState<string>();
  const [error, setError] = useState<unknown>();

  /** Reads the alumni list again: after an action, the card shows what the mailbox now says. */
  const load = async (): Promise<void> => {
    setError(undefined);
    try {
      const [subject, alumni, settings] = await Promise.all([item.getSubject(), service.listAlumni(now()), service.mailboxSettings()]);
      setTimeZone(settings.timeZone);
      const found = findAlumnusForItem(alumni, { subject, ...(item.restId ? { restId: item.restId } : {}) });
      // Once found, keep following the same person even if the reminder moved (snooze).
      setAlumnus((prev) => (prev ? (alumni.find((a) => a.planId === prev.planId) ?? null) : (found ?? null)));
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    void load();
  }, []);

  return (
    <section className={styles.root} aria-labelledby="addin-alumni-heading">
      <Title3 as="h2" id="addin-alumni-heading" className={styles.heading}>
        {t('alumni.heading')}
      </Title3>
      {error ? <ErrorBanner error={error} onRetry={() => void load()} /> : null}
      {alumnus === undefined && !error ? <LoadingState label={t('alumni.looking')} /> : null}
      {alumnus === null ? (
        <>
          <EmptyState
            title={t('alumni.notReminder')}
            action={onUseTemplate ? <Button onClick={onUseTemplate}>{t('alumni.useTemplate')}</Button> : undefined}
          />
        </>
      ) : null}
      {alumnus ? (
        <>
          <AlumniCard
            alumnus={alumnus}
            headingLevel="h3"
            {...(timeZone ? { timeZone } : {})}
            onReconnected={async (note) => {
              await service.markReconnected({ contactId: alumnus.contactId, note, at: now() });
              await load();
            }}
            onSnooze={async (eventId, days) => {
              await service.snooze({ eventId, days });
              await load();
            }}
            onStop={async () => {
              // No reload: the person leaves the alumni list, and the card should say it is done.
              await service.stopReminders(alumnus.planId, now());
            }}
          />
          {onUseTemplate ? (
            <Body1>
              <Button appearance="transparent" onClick={onUseTemplate}>
                {t('alumni.useTemplate')}
              </Button>
            </Body1>
          ) : null}
        </>
      ) : null}
    </section>
  );
};
