import {
  Avatar,
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate, Lang } from '../../../domain/types';
import { isoDate } from '../../../domain/types';
import { EmptyState, ErrorBanner, LoadingState, PersonPicker, formatDate } from '../../../ui';
import type { AuRevoirService, Departure, MailboxSettings, Person, PlanState } from '../../../workflows/service';
import { PlanWizard } from '../WizardSlot';
import { loadAdded, mergeDepartures, saveAdded, type AddedDeparture, type KeyValueStore } from '../addedDepartures';
import { useLoad } from '../useLoad';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingVerticalS, justifyContent: 'space-between', alignItems: 'flex-start' },
  headerText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, flex: '1 1 240px' },
  title: { margin: 0 },
  pageTitle: { ...typographyStyles.title2, margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { maxWidth: '720px' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: '720px',
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  formTitle: { margin: 0 },
  formActions: { display: 'flex', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const STATE_COLOR: Readonly<Record<PlanState, 'informative' | 'brand' | 'success' | 'important'>> = {
  notPlanned: 'informative',
  booked: 'brand',
  held: 'success',
  remindersActive: 'success',
};

/** Today as a calendar date in the browser's time zone (the manager's wall clock). */
const todayIso = (now: Date): IsoDate =>
  isoDate(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`);

export interface DeparturesProps {
  readonly service: AuRevoirService;
  readonly lang: Lang;
  /** Where hand-added departures are kept (localStorage in the app). */
  readonly store: KeyValueStore;
  readonly now?: () => Date;
}

interface Loaded {
  readonly manager: Person;
  readonly settings: MailboxSettings;
  readonly departures: readonly Departure[];
}

interface LastDayFormProps {
  readonly today: IsoDate;
  readonly onSubmit: (day: IsoDate) => void;
  readonly onCancel: () => void;
  readonly submitLabel: string;
  readonly title: string;
  readonly children?: ReactNode;
  /** Checked before the date: e.g. "choose someone". */
  readonly precheck?: () => string | undefined;
}

/** The last-day field with its checks, alone (a direct report without a leave date) or after a person picker. */
const LastDayForm = ({ today, onSubmit, onCancel, submitLabel, title, children, precheck }: LastDayFormProps) => {
  const { t } = useTranslation('tab');
  const styles = useStyles();
  const [day, setDay] = useState('');
  const [error, setError] = useState<string>();
  return (
    <form
      className={styles.form}
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const blocked = precheck?.();
        if (!day) setError(t('departures.lastDayRequired'));
        else if (day < today) setError(t('departures.lastDayPast'));
        else setError(undefined);
        if (blocked || !day || day < today) return;
        onSubmit(isoDate(day));
      }}
    >
      <Subtitle2 as="h3" block className={styles.formTitle}>
        {title}
      </Subtitle2>
      {children}
      <Field
        label={t('departures.lastDay')}
        hint={t('departures.lastDayHint')}
        required
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
      >
        <Input type="date" value={day} min={today} onChange={(_e, d) => setDay(d.value)} />
      </Field>
      <div className={styles.formActions}>
        <Button type="submit" appearance="primary">
          {submitLabel}
        </Button>
        <Button type="button" onClick={onCancel}>
          {t('departures.cancel')}
        </Button>
      </div>
    </form>
  );
};

/** Flow 1's first screen: who is leaving, and where each exit conversation stands. */
export const Departures = ({ service, lang, store, now = () => new Date() }: DeparturesProps) => {
  const { t } = useTranslation('tab');
  const styles = useStyles();
  const { state, reload } = useLoad<Loaded>(async () => {
    const [manager, settings, departures] = await Promise.all([service.me(), service.mailboxSettings(), service.departures()]);
    return { manager, settings, departures };
  });
  const [added, setAdded] = useState<readonly AddedDeparture[] | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [picked, setPicked] = useState<Person>();
  const [pickError, setPickError] = useState<string>();
  const [settingDayFor, setSettingDayFor] = useState<string>();
  const [planning, setPlanning] = useState<{ leaver: Person; lastWorkingDay: IsoDate }>();
  const [bookedNow, setBookedNow] = useState<readonly string[]>([]);
  const [notice, setNotice] = useState('');
  // Back from the wizard, focus lands on the screen's title rather than being lost on <body>.
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [focusTitle, setFocusTitle] = useState(false);
  useEffect(() => {
    if (focusTitle && !planning && titleRef.current) {
      titleRef.current.focus();
      setFocusTitle(false);
    }
  });
  const today = todayIso(now());

  const manager = state.status === 'ready' ? state.data.manager : undefined;
  const addedList = useMemo(
    () => added ?? (manager ? loadAdded(store, manager.mail) : []),
    [added, manager, store],
  );
  const rows = useMemo(() => {
    if (state.status !== 'ready') return [];
    return mergeDepartures(state.data.departures, addedList).map((d) =>
      // The service may not see a booking made a moment ago yet; the receipt is proof enough.
      bookedNow.includes(d.person.id) && d.state === 'notPlanned' ? { ...d, state: 'booked' as const } : d,
    );
  }, [state, addedList, bookedNow]);

  // Direct reports with no known last day are not departures yet: they stay apart, a click away
  // from "set the last day" (most managers cannot read leave dates from Graph).
  const leaving = rows.filter((d) => d.lastWorkingDay || d.state !== 'notPlanned' || d.source === 'added');
  const others = rows.filter((d) => !leaving.includes(d));

  const updateAdded = (next: readonly AddedDeparture[]) => {
    if (!manager) return;
    saveAdded(store, manager.mail, next);
    setAdded(next);
  };

  if (state.status === 'loading') return <LoadingState label={t('departures.loading')} />;
  if (state.status === 'error') return <ErrorBanner error={state.error} onRetry={() => void reload()} />;

  const { settings } = state.data;
  const me = state.data.manager;

  const renderRow = (d: Departure) => {
              const name = d.person.displayName;
              const day = d.lastWorkingDay;
              return (
                <li key={d.person.id}>
                  <Card className={styles.card} aria-label={name}>
                    <CardHeader
                      image={<Avatar name={name} color="colorful" aria-hidden />}
                      header={
                        <Subtitle2 as="h3" block className={styles.title}>
                          {name}
                        </Subtitle2>
                      }
                      description={<Caption1>{[d.person.jobTitle, d.person.mail].filter(Boolean).join(' · ')}</Caption1>}
                    />
                    <Text>{day ? t('departures.leaves', { date: formatDate(day, lang) }) : t('departures.leavesUnknown')}</Text>
                    <div className={styles.badges}>
                      <Badge appearance="tint" color={STATE_COLOR[d.state]}>
                        {t(`departures.state.${d.state}`)}
                      </Badge>
                      <Badge appearance="outline" color="informative">
                        {t(`departures.source.${d.source}`)}
                      </Badge>
                    </div>
                    {settingDayFor === d.person.id ? (
                      <LastDayForm
                        title={t('departures.setLastDay')}
                        submitLabel={t('departures.addConfirm')}
                        today={today}
                        onCancel={() => setSettingDayFor(undefined)}
                        onSubmit={(chosen) => {
                          rememberLastDay(d.person, chosen);
                          setSettingDayFor(undefined);
                        }}
                      />
                    ) : (
                      <div className={styles.actions}>
                        {day && d.state === 'notPlanned' ? (
                          <Button
                            appearance="primary"
                            aria-label={t('departures.planFor', { name })}
                            onClick={() => {
                              setNotice('');
                              setPlanning({ leaver: d.person, lastWorkingDay: day });
                            }}
                          >
                            {t('departures.plan')}
                          </Button>
                        ) : null}
                        {/* Once booked, the plan carries its dates: the last day is only asked to plan. */}
                        {!day && d.state === 'notPlanned' ? (
                          <Button aria-label={t('departures.setLastDayFor', { name })} onClick={() => setSettingDayFor(d.person.id)}>
                            {t('departures.setLastDay')}
                          </Button>
                        ) : null}
                        {d.source === 'added' && d.state === 'notPlanned' ? (
                          <Button
                            appearance="subtle"
                            aria-label={t('departures.remove', { name })}
                            onClick={() => updateAdded(addedList.filter((a) => a.person.id !== d.person.id))}
                          >
                            {t('departures.removeShort')}
                          </Button>
                        ) : null}
                      </div>
                    )}
                  </Card>
                </li>
              );
  };

  if (planning) {
    return (
      <PlanWizard
        service={service}
        manager={me}
        settings={settings}
        leaver={planning.leaver}
        lastWorkingDay={planning.lastWorkingDay}
        lang={lang}
        onBooked={() => {
          setBookedNow((ids) => [...ids, planning.leaver.id]);
          setNotice(t('departures.booked', { name: planning.leaver.displayName }));
        }}
        onClose={() => {
          setPlanning(undefined);
          setFocusTitle(true);
          void reload(true);
        }}
      />
    );
  }

  const rememberLastDay = (person: Person | Departure['person'], day: IsoDate) => {
    const entry: AddedDeparture = {
      person: { id: person.id, displayName: person.displayName, mail: person.mail, ...(person.jobTitle ? { jobTitle: person.jobTitle } : {}) },
      lastWorkingDay: day,
    };
    updateAdded([...addedList.filter((a) => a.person.id !== person.id), entry]);
  };

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

      <div aria-live="polite" role="status">
        {notice ? (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>

      {adding ? (
        <LastDayForm
          title={t('departures.addTitle')}
          submitLabel={t('departures.addConfirm')}
          today={today}
          precheck={() => {
            const msg = picked ? undefined : t('departures.personRequired');
            setPickError(msg);
            return msg;
          }}
          onCancel={() => {
            setAdding(false);
            setPicked(undefined);
            setPickError(undefined);
          }}
          onSubmit={(day) => {
            if (!picked) return;
            rememberLastDay(picked, day);
            setAdding(false);
            setPicked(undefined);
          }}
        >
          <PersonPicker
            service={service}
            required
            // Not the manager, and not someone already in the list.
            excludeIds={[me.id, ...rows.map((r) => r.person.id)]}
            validationMessage={pickError}
            onSelect={(p) => {
              setPicked(p);
              if (p) setPickError(undefined);
            }}
          />
        </LastDayForm>
      ) : null}

      {rows.length === 0 ? (
        adding ? null : <EmptyState title={t('departures.emptyTitle')} body={t('departures.emptyBody')} action={addButton} />
      ) : (
        <>
          <Text className={styles.muted}>{t('departures.count', { count: leaving.length })}</Text>
          {leaving.length > 0 ? (
            <ul className={styles.list} aria-label={t('departures.listLabel')}>
              {leaving.map(renderRow)}
            </ul>
          ) : null}
          {others.length > 0 ? (
            <section aria-labelledby="departures-others">
              <Subtitle2 as="h2" block id="departures-others">
                {t('departures.othersTitle')}
              </Subtitle2>
              <Body1 block className={styles.muted}>{t('departures.othersIntro')}</Body1>
              <ul className={styles.list} aria-label={t('departures.othersTitle')}>
                {others.map(renderRow)}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
};
