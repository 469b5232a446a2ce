import { Body1, MessageBar, MessageBarBody, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlumniCard, EmptyState, ErrorBanner, LoadingState } from '../../../ui';
import type { Alumnus, AuRevoirService } from '../../../workflows/service';
import { useLoad } from '../useLoad';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Overdue first, then by the next touchpoint (soonest first), then by name. */
export const orderAlumni = (list: readonly Alumnus[]): Alumnus[] =>
  [...list].sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    const an = a.nextTouchpoint?.start;
    const bn = b.nextTouchpoint?.start;
    if (an && bn && an !== bn) return Date.parse(an) - Date.parse(bn);
    if (an && !bn) return -1;
    if (!an && bn) return 1;
    return a.displayName.localeCompare(b.displayName);
  });

export interface AlumniProps {
  readonly service: AuRevoirService;
  readonly now?: () => Date;
}

/** Flow 4: everyone kept in touch with, and the same actions as the Outlook alumni card. */
export const Alumni = ({ service, now = () => new Date() }: AlumniProps) => {
  const { t } = useTranslation('tab');
  const styles = useStyles();
  const { state, reload } = useLoad(async () => orderAlumni(await service.listAlumni(now())));
  const [notice, setNotice] = useState('');

  if (state.status === 'loading') return <LoadingState label={t('alumni.loading')} />;
  if (state.status === 'error') return <ErrorBanner error={state.error} onRetry={() => void reload()} />;
  const list = state.data;
  const overdue = list.filter((a) => a.overdue).length;

  return (
    <div className={styles.root}>
      <div>
        <Title2 as="h2" block className={styles.title}>
          {t('alumni.title')}
        </Title2>
        <Body1 as="p" block>{t('alumni.intro')}</Body1>
      </div>
      {overdue > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('alumni.overdueCount', { count: overdue })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {/* Survives a card leaving the list (stopped reminders), so the outcome is still announced. */}
      <div aria-live="polite" role="status">
        {notice ? (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {list.length === 0 ? (
        <EmptyState title={t('alumni.emptyTitle')} body={t('alumni.emptyBody')} />
      ) : (
        <ul className={styles.list} aria-label={t('alumni.listLabel')}>
          {list.map((a) => (
            <li key={a.contactId}>
              <AlumniCard
                alumnus={a}
                onReconnected={async (note) => {
                  setNotice('');
                  await service.markReconnected({ contactId: a.contactId, note, at: now() });
                  await reload(true);
                }}
                onSnooze={async (eventId, days) => {
                  setNotice('');
                  await service.snooze({ eventId, days });
                  await reload(true);
                }}
                onStop={async () => {
                  setNotice('');
                  await service.stopReminders(a.planId, now());
                  setNotice(t('alumni.stopped', { name: a.displayName }));
                  await reload(true);
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
