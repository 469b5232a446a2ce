import { Body1, MessageBar, MessageBarBody, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TAB_NAMESPACE } from '../strings';
import { AlumniCard, COMMON_NAMESPACE, EmptyState, ErrorBanner, LoadingState } from '../../../ui';
import { MailMatchingSwitch } from '../../../ui/alumni/MailMatchingSwitch';
import { RealContactContext, type RealContactState } from '../../../ui/alumni/RealContactContext';
import type { RealContactNotice } from '../../../workflows/service';
import { AlumniFilters, ConsentNote, ForgetPerson, OUTCOMES_NAMESPACE, OutcomeLog, OutcomeSummary } from '../../../ui/alumni';
import { filterSortAlumni, type AlumniOrder, type OutcomeFilter } from '../../../domain/alumni';
import { isoDate } from '../../../domain/types';
import { todayIn } from '../../../domain/dates';
import { AlumniExtrasProvider } from '../../../ui/alumni';
import type { Alumnus, AuRevoirService } from '../../../workflows/service';
import { useLoad } from '../../../ui/useLoad';

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

/**
 * Flow 4: everyone kept in touch with, and the same actions as the Outlook alumni card; since issue 12,
 * what they became and the good turns (summary, filter and sort, a log per card), the consent they gave,
 * and Forget.
 */
export const Alumni = ({ service, now = () => new Date() }: AlumniProps) => {
  const { t } = useTranslation(TAB_NAMESPACE);
  const styles = useStyles();
  // Real contact first (it may move "last contacted" and a reminder), then the list that shows it. A failure
  // there never hides the list: it is shown beside it.
  const [realContactError, setRealContactError] = useState<unknown>();
  const { state, reload } = useLoad(async () => {
    let notices: readonly RealContactNotice[] = [];
    try {
      notices = (await service.findRealContact?.(now())) ?? [];
      setRealContactError(undefined);
    } catch (e: unknown) {
      setRealContactError(e);
    }
    // Settings first: asking for them refreshes the service's copy, which listAlumni then shares.
    const [settings, list] = await Promise.all([service.mailboxSettings(), service.listAlumni(now())]);
    return { list: orderAlumni(list), notices, zone: settings.timeZone };
  });
  const [notice, setNotice] = useState('');
  const notices = state.status === 'ready' ? state.data.notices : undefined;
  const realContact = useMemo<RealContactState>(
    () => ({
      notices: new Map((notices ?? []).map((n) => [n.contactId, n])),
      undo: async (contactId) => {
        await service.undoRealContact?.(contactId);
        await reload(true);
      },
    }),
    [notices, service, reload],
  );
  const loadMail = useCallback(async () => (await service.mailMatching?.()) ?? false, [service]);
  const saveMail = useCallback(async (on: boolean) => (await service.setMailMatching?.(on)) ?? false, [service]);

  const { t: to } = useTranslation(OUTCOMES_NAMESPACE);
  const [filter, setFilter] = useState<OutcomeFilter>('all');
  const [order, setOrder] = useState<AlumniOrder>('next');

  if (state.status === 'loading') return <LoadingState label={t('alumni.loading')} />;
  if (state.status === 'error') return <ErrorBanner error={state.error} onRetry={() => void reload()} />;
  const all = state.data.list;
  const overdue = all.filter((a) => a.overdue).length;
  const list = filterSortAlumni(all, filter, order);
  const { addOutcome, removeOutcome, forgetPreview, forgetPerson } = service;

  return (
    <div className={styles.root}>
      <div>
        <Title2 as="h2" block className={styles.title}>
          {t('alumni.title')}
        </Title2>
        <Body1 as="p" block>{t('alumni.intro')}</Body1>
        {service.setMailMatching ? <MailMatchingSwitch load={loadMail} save={saveMail} onChanged={() => void reload(true)} /> : null}
      </div>
      {realContactError !== undefined ? <ErrorBanner error={realContactError} onRetry={() => void reload(true)} onDismiss={() => setRealContactError(undefined)} /> : null}
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
      {all.length > 0 ? (
        <>
          <OutcomeSummary logs={all.map((a) => a.outcomes ?? [])} />
          <AlumniFilters filter={filter} order={order} onFilter={setFilter} onOrder={setOrder} shown={list.length} />
        </>
      ) : null}
      {all.length === 0 ? (
        <EmptyState title={t('alumni.emptyTitle')} body={t('alumni.emptyBody')} />
      ) : list.length === 0 ? (
        <Body1 as="p" block>{to('filter.noneMatch')}</Body1>
      ) : (
        <AlumniExtrasProvider exporter={service} now={now}>
        <RealContactContext.Provider value={realContact}>
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
                  setNotice(t('alumni.doneStopped', { ns: COMMON_NAMESPACE, name: a.displayName }));
                  await reload(true);
                }}
              >
                <ConsentNote consent={a.consent} />
                {addOutcome && removeOutcome ? (
                  <OutcomeLog
                    name={a.displayName}
                    outcomes={a.outcomes ?? []}
                    today={todayIn(state.data.zone, now())}
                    onAdd={async ({ kind, date, note }) => {
                      await addOutcome.call(service, { contactId: a.contactId, kind, date: isoDate(date), note });
                      await reload(true);
                    }}
                    onRemove={async (outcomeId) => {
                      await removeOutcome.call(service, { contactId: a.contactId, outcomeId });
                      await reload(true);
                    }}
                  />
                ) : null}
                {forgetPreview && forgetPerson ? (
                  <ForgetPerson
                    name={a.displayName}
                    preview={() => forgetPreview.call(service, a.planId)}
                    forget={() => forgetPerson.call(service, a.planId)}
                    onForgotten={async () => {
                      setNotice(to('forget.done', { name: a.displayName }));
                      await reload(true);
                    }}
                  />
                ) : null}
              </AlumniCard>
            </li>
          ))}
        </ul>
        </RealContactContext.Provider>
        </AlumniExtrasProvider>
      )}
    </div>
  );
};
