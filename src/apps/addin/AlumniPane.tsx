import { Body1, Button, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ADDIN_NAMESPACE } from './strings';
import type { MailItemPort } from '../../hosts/office';
import { AlumniCard, EmptyState, ErrorBanner, LoadingState, useLoad } from '../../ui';
import { AlumniExtrasProvider } from '../../ui/alumni';
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
  const { t } = useTranslation(ADDIN_NAMESPACE);
  const styles = useStyles();
  const { state, reload } = useLoad(async () => {
    const [subject, alumni, settings] = await Promise.all([item.getSubject(), service.listAlumni(now()), service.mailboxSettings()]);
    const found = findAlumnusForItem(alumni, { subject, ...(item.restId ? { restId: item.restId } : {}) });
    // Once found, keep following the person on screen even if the reminder moved (snooze). useLoad runs
    // the latest render's loader, so `alumnus` here is the card the user is looking at.
    return { alumnus: alumnus ? (alumni.find((a) => a.planId === alumnus.planId) ?? null) : (found ?? null), timeZone: settings.timeZone };
  });
  const shown = state.status === 'ready' || state.status === 'error' ? state.data : undefined;
  // What the last answer said (kept through a failed quiet reload), else what the caller already found.
  const alumnus: Alumnus | null | undefined = shown ? shown.alumnus : initial;
  const timeZone = shown?.timeZone;
  const error = state.status === 'error' ? state.error : undefined;
  /** Reads the alumni list again, the card staying on screen: after an action, it shows what the mailbox now says. */
  const refresh = () => reload(true);

  return (
    <section className={styles.root} aria-labelledby="addin-alumni-heading">
      <Title3 as="h2" id="addin-alumni-heading" className={styles.heading}>
        {t('alumni.heading')}
      </Title3>
      {error ? <ErrorBanner error={error} onRetry={() => void refresh()} /> : null}
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
          <AlumniExtrasProvider exporter={service} now={now}>
          <AlumniCard
            alumnus={alumnus}
            headingLevel="h3"
            {...(timeZone ? { timeZone } : {})}
            onReconnected={async (note) => {
              await service.markReconnected({ contactId: alumnus.contactId, note, at: now() });
              await refresh();
            }}
            onSnooze={async (eventId, days) => {
              await service.snooze({ eventId, days });
              await refresh();
            }}
            onStop={async () => {
              // No reload: the person leaves the alumni list, and the card should say it is done.
              await service.stopReminders(alumnus.planId, now());
            }}
          />
          </AlumniExtrasProvider>
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
