import { Body1, Button, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TAB_NAMESPACE } from '../strings';
import type { IsoDate, Lang } from '../../../domain/types';
import { todayIn } from '../../../domain/dates';
import { EmptyState, ErrorBanner, LoadingState } from '../../../ui';
import type { AuRevoirService, Departure, Person } from '../../../workflows/service';
import { PlanWizard } from '../WizardSlot';
import type { KeyValueStore } from '../addedDepartures';
import { AddDepartureForm } from '../departures/AddDepartureForm';
import { DepartureRow } from '../departures/DepartureRow';
import { useDepartures } from '../departures/useDepartures';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingVerticalS, justifyContent: 'space-between', alignItems: 'flex-start' },
  headerText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, flex: '1 1 240px' },
  pageTitle: { ...typographyStyles.title2, margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
});


export interface DeparturesProps {
  readonly service: AuRevoirService;
  readonly lang: Lang;
  /** Where an earlier version kept hand-added departures (localStorage): moved to the mailbox once. */
  readonly store: KeyValueStore;
  readonly now?: () => Date;
}

/** Flow 1's first screen: who is leaving, and where each exit conversation stands. */
export const Departures = ({ service, lang, store, now = () => new Date() }: DeparturesProps) => {
  const { t } = useTranslation(TAB_NAMESPACE);
  const styles = useStyles();
  const { state, reload, rows, saveError, dismissSaveError, rememberLastDay, remove, markBooked } = useDepartures(service, store);
  const [adding, setAdding] = useState(false);
  const [settingDayFor, setSettingDayFor] = useState<string>();
  const [planning, setPlanning] = useState<{ leaver: Person; lastWorkingDay: IsoDate }>();
  const [notice, setNotice] = useState('');
  // Back from the wizard, focus lands on the screen's title rather than being lost on <body>.
  const titleRef = useRef<HTMLHeadingElement>(null);
  const backFromWizard = useRef(false);
  useEffect(() => {
    if (planning || !backFromWizard.current || !titleRef.current) return;
    backFromWizard.current = false;
    titleRef.current.focus();
  }, [planning]);

  if (state.status === 'loading') return <LoadingState label={t('departures.loading')} />;
  if (state.status === 'error') return <ErrorBanner error={state.error} onRetry={() => void reload()} />;

  const { settings, manager: me } = state.data;
  const today = todayIn(settings.timeZone, now());

  if (planning) {
    return (
      <Suspense fallback={<LoadingState />}>
        <PlanWizard
          service={service}
          manager={me}
          settings={settings}
          leaver={planning.leaver}
          lastWorkingDay={planning.lastWorkingDay}
          lang={lang}
          onBooked={() => {
            markBooked(planning.leaver.id);
            setNotice(t('departures.booked', { name: planning.leaver.displayName }));
          }}
          onClose={() => {
            backFromWizard.current = true;
            setPlanning(undefined);
            void reload(true);
          }}
        />
      </Suspense>
    );
  }

  // Direct reports with no known last day are not departures yet: they stay apart, a click away
  // from "set the last day" (most managers cannot read leave dates from Graph).
  const leaving = rows.filter((d) => d.lastWorkingDay || d.state !== 'notPlanned' || d.source === 'added');
  const others = rows.filter((d) => !leaving.includes(d));

  const row = (d: Departure) => (
    <DepartureRow
      key={d.person.id}
      departure={d}
      lang={lang}
      today={today}
      settingDay={settingDayFor === d.person.id}
      onSettingDay={(open) => setSettingDayFor(open ? d.person.id : undefined)}
      onLastDay={(day) => rememberLastDay(d.person, day)}
      onPlan={(lastWorkingDay) => {
        setNotice('');
        setPlanning({ leaver: d.person, lastWorkingDay });
      }}
      onRemove={() => remove(d.person.id)}
    />
  );

  const addButton = (
    <Button appearance="primary" onClick={() => setAdding(true)}>
      {t('departures.add')}
    </Button>
  );

  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <div className={styles.headerText}>
          <h2 className={styles.pageTitle} ref={titleRef} tabIndex={-1}>
            {t('departures.title')}
          </h2>
          <Body1>{t('departures.intro')}</Body1>
        </div>
        {!adding && rows.length > 0 ? addButton : null}
      </div>

      {saveError ? <ErrorBanner error={saveError.error} onRetry={saveError.retry} onDismiss={dismissSaveError} /> : null}

      <div aria-live="polite" role="status">
        {notice ? (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>

      {adding ? (
        <AddDepartureForm
          service={service}
          today={today}
          excludeIds={[me.id, ...rows.map((r) => r.person.id)]}
          onCancel={() => setAdding(false)}
          onAdd={(person, day) => {
            rememberLastDay(person, day);
            setAdding(false);
          }}
        />
      ) : null}

      {rows.length === 0 ? (
        adding ? null : <EmptyState title={t('departures.emptyTitle')} body={t('departures.emptyBody')} action={addButton} />
      ) : (
        <>
          <Text className={styles.muted}>{t('departures.count', { count: leaving.length })}</Text>
          {leaving.length > 0 ? (
            <ul className={styles.list} aria-label={t('departures.listLabel')}>
              {leaving.map(row)}
            </ul>
          ) : null}
          {others.length > 0 ? (
            <section aria-labelledby="departures-others">
              <Subtitle2 as="h2" block id="departures-others">
                {t('departures.othersTitle')}
              </Subtitle2>
              <Body1 block className={styles.muted}>
                {t('departures.othersIntro')}
              </Body1>
              <ul className={styles.list} aria-label={t('departures.othersTitle')}>
                {others.map(row)}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
};
