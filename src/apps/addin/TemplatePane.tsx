import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CADENCE_PRESET_IDS, CADENCE_PRESET_LABELS } from '../../domain/cadence';
import type { CadencePresetId } from '../../domain/cadence/model';
import { isoDate, type Lang, type PlanId } from '../../domain/types';
import { applyTemplate, type ApplyResult, type MailItemPort } from '../../hosts/office';
import { ErrorBanner, LoadingState, PersonPicker, useLang } from '../../ui';
import type { AuRevoirService, BookingProgress, MailboxSettings, Person, Receipt } from '../../workflows/service';
import {
  CATEGORY,
  CATEGORY_COLOR,
  LENGTHS,
  buildAddinPlan,
  instantFromLocal,
  isEmail,
  leaverCandidates,
  lengthFromItem,
  templateTexts,
  todayIn,
  type LeaverChoice,
} from './plan';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export interface TemplatePaneProps {
  readonly item: MailItemPort;
  readonly service: AuRevoirService;
  /** `compose`: apply to the meeting being composed. `sender`: book it all for a message's sender. */
  readonly mode: 'compose' | 'sender';
  readonly categoriesSupported: boolean;
  readonly now: () => Date;
  readonly newPlanId: () => PlanId;
}

interface Context {
  readonly me: Person;
  readonly settings: MailboxSettings;
  readonly candidates: readonly LeaverChoice[];
  readonly lastDays: ReadonlyMap<string, string>;
  readonly length: number;
}

const OTHER = '__other__';

/** The exit-conversation flow in Outlook: pick the leaver, apply the template, keep in touch. */
export const TemplatePane = ({ item, service, mode, categoriesSupported, now, newPlanId }: TemplatePaneProps) => {
  const { t } = useTranslation('addin');
  const uiLang = useLang();
  const styles = useStyles();
  const [ctx, setCtx] = useState<Context>();
  const [loadError, setLoadError] = useState<unknown>();
  const [choice, setChoice] = useState<string>('');
  const [other, setOther] = useState<Person>();
  const [lastDay, setLastDay] = useState('');
  const [agendaLang, setAgendaLang] = useState<Lang>(uiLang);
  const [length, setLength] = useState(45);
  const [start, setStart] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState<ApplyResult>();
  const [applyError, setApplyError] = useState<unknown>();
  const [personalEmail, setPersonalEmail] = useState('');
  const [mobile, setMobile] = useState('');
  const [profileUrl, setProfileUrl] = useState('');
  const [consent, setConsent] = useState(false);
  const [preset, setPreset] = useState<CadencePresetId>('gentle');
  const [progress, setProgress] = useState<BookingProgress>();
  const [receipt, setReceipt] = useState<Receipt>();
  const [bookError, setBookError] = useState<unknown>();
  // One id for the plan across retries: bookPlan finds what an earlier attempt booked.
  const planId = useRef<PlanId>(undefined);

  const load = async (): Promise<void> => {
    setLoadError(undefined);
    try {
      const [me, settings, departures, people, itemStart, itemEnd] = await Promise.all([
        service.me(),
        service.mailboxSettings(),
        service.departures().catch((e: unknown) => {
          // Only a convenience (pre-fills the last day): the flow works without it.
          console.warn('Au revoir: departures unavailable', e);
          return [];
        }),
        mode === 'sender' ? Promise.resolve(item.sender ? [item.sender] : []) : item.getRequiredAttendees(),
        item.getStart(),
        item.getEnd(),
      ]);
      const candidates = leaverCandidates(people, item.user?.email ?? me.mail);
      const lastDays = new Map<string, string>();
      for (const d of departures) if (d.lastWorkingDay) lastDays.set(d.person.mail.toLowerCase(), d.lastWorkingDay);
      const l = lengthFromItem(itemStart, itemEnd);
      setCtx({ me, settings, candidates, lastDays, length: l });
      setLength(l);
      const first = candidates[0];
      setChoice(first ? first.email : OTHER);
      if (first) setLastDay(lastDays.get(first.email.toLowerCase()) ?? '');
    } catch (e) {
      setLoadError(e);
    }
  };
  useEffect(() => {
    void load();
    // Loads once per item; the pane is remounted for another item.
  }, []);

  const leaver: LeaverChoice | undefined = useMemo(() => {
    if (!ctx) return undefined;
    if (choice === OTHER)
      return other ? { displayName: other.displayName, email: other.mail, userId: other.id, ...(other.jobTitle ? { jobTitle: other.jobTitle } : {}) } : undefined;
    return ctx.candidates.find((c) => c.email === choice);
  }, [ctx, choice, other]);

  if (loadError) return <ErrorBanner error={loadError} onRetry={() => void load()} />;
  if (!ctx) return <LoadingState />;

  const leaverProblem = !leaver ? t('validation.leaver') : !isEmail(leaver.email) ? t('validation.email') : undefined;
  const lastDayProblem = /^\d{4}-\d{2}-\d{2}$/.test(lastDay) ? undefined : t('validation.lastDay');
  const startInstant = mode === 'sender' ? instantFromLocal(start, ctx.settings.timeZone) : undefined;
  const startProblem = mode === 'sender' && !startInstant ? t('validation.start') : undefined;

  const pickLeaver = (value: string): void => {
    setChoice(value);
    const known = ctx.lastDays.get(value.toLowerCase());
    if (known) setLastDay(known);
  };

  const onApply = async (): Promise<void> => {
    setShowErrors(true);
    if (!leaver || leaverProblem) return;
    setApplying(true);
    setApplyError(undefined);
    try {
      const texts = templateTexts({ agendaLang, durationMinutes: length, leaverName: leaver.displayName, managerName: ctx.me.displayName });
      setApplied(
        await applyTemplate(item, {
          ...texts,
          leaver: { email: leaver.email, displayName: leaver.displayName },
          category: CATEGORY,
          categoryColor: CATEGORY_COLOR,
          categoriesSupported,
        }),
      );
    } catch (e) {
      setApplyError(e);
    } finally {
      setApplying(false);
    }
  };

  const onSave = async (): Promise<void> => {
    setShowErrors(true);
    if (!leaver || leaverProblem || lastDayProblem || startProblem) return;
    setBookError(undefined);
    setReceipt(undefined);
    try {
      const when = mode === 'sender' ? startInstant : ((await item.getStart()) ?? now());
      planId.current ??= newPlanId();
      const plan = buildAddinPlan({
        id: planId.current,
        manager: ctx.me,
        settings: ctx.settings,
        leaver,
        lastWorkingDay: isoDate(lastDay),
        start: when ?? now(),
        durationMinutes: length,
        agendaLang,
        preset,
        personalEmail,
        mobilePhone: mobile,
        profileUrl,
        consent,
        conversationSource: mode === 'compose' ? 'outlookItem' : 'book',
      });
      setProgress({ done: 0, total: 1, phase: 'checking' });
      setReceipt(await service.bookPlan(plan, setProgress));
    } catch (e) {
      setBookError(e);
    } finally {
      setProgress(undefined);
    }
  };

  const reminders = receipt ? receipt.objects.filter((o) => o.kind === 'touchpoint' || o.kind === 'series').length : 0;
  const hasContact = receipt?.objects.some((o) => o.kind === 'contact') ?? false;
  const name = leaver?.displayName ?? '';
  const showSave = mode === 'sender' || applied !== undefined;

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="addin-template-heading">
        <Title3 as="h2" id="addin-template-heading" className={styles.heading}>
          {t('template.heading')}
        </Title3>
        <Body1>{mode === 'sender' ? t('template.introSender') : t('template.intro')}</Body1>

        <Field label={t('template.leaver')} hint={mode === 'compose' ? t('template.leaverHint') : undefined} required
          validationMessage={showErrors ? leaverProblem : undefined}>
          <Select value={choice} onChange={(_, d) => pickLeaver(d.value)}>
            {ctx.candidates.map((c) => (
              <option key={c.email} value={c.email}>
                {c.displayName === c.email ? c.email : `${c.displayName} <${c.email}>`}
              </option>
            ))}
            <option value={OTHER}>{t('template.someoneElse')}</option>
          </Select>
        </Field>
        {choice === OTHER ? (
          <PersonPicker service={service} onSelect={(p) => {
            setOther(p);
            const known = p ? ctx.lastDays.get(p.mail.toLowerCase()) : undefined;
            if (known) setLastDay(known);
          }} />
        ) : null}

        <Field label={t('template.agendaLang')}>
          <RadioGroup layout="horizontal" value={agendaLang} onChange={(_, d) => setAgendaLang(d.value === 'fr' ? 'fr' : 'en')}>
            <Radio value="fr" label={t('template.langFr')} />
            <Radio value="en" label={t('template.langEn')} />
          </RadioGroup>
        </Field>
        <Field label={t('template.length')}>
          <Select value={String(length)} onChange={(_, d) => setLength(Number(d.value))}>
            {LENGTHS.map((l) => (
              <option key={l} value={l}>
                {t('template.minutes', { count: l })}
              </option>
            ))}
          </Select>
        </Field>
        {mode === 'sender' ? (
          <Field label={t('template.start')} required validationMessage={showErrors ? startProblem : undefined}>
            <Input type="datetime-local" value={start} onChange={(_, d) => setStart(d.value)} />
          </Field>
        ) : null}

        {mode === 'compose' ? (
          <div className={styles.actions}>
            <Button appearance={applied ? 'secondary' : 'primary'} disabled={applying} onClick={() => void onApply()}>
              {applying ? t('template.applying') : t('template.apply')}
            </Button>
            {applying ? <Spinner size="tiny" /> : null}
          </div>
        ) : null}
        {applyError ? <ErrorBanner error={applyError} onDismiss={() => setApplyError(undefined)} /> : null}
        {applied ? (
          <div role="status">
            <MessageBar intent={applied.categoryError ? 'warning' : 'success'} layout="multiline">
              <MessageBarBody>
                <Text as="p" block>
                  {applied.categoryAdded ? t('template.applied', { name }) : t('template.appliedNoCategory', { name })}
                </Text>
                {applied.teamsBlockKept ? <Text as="p" block>{t('template.teamsKept')}</Text> : null}
                {applied.replacedPrevious ? <Text as="p" block>{t('template.replaced')}</Text> : null}
                {!applied.attendeeAdded ? <Text as="p" block>{t('template.alreadyInvited', { name })}</Text> : null}
                {applied.categoryError ? (
                  <Text as="p" block>
                    {t('template.categoryFailed', { reason: String(applied.categoryError.params.officeError ?? applied.categoryError.code) })}
                  </Text>
                ) : null}
              </MessageBarBody>
            </MessageBar>
          </div>
        ) : null}
      </section>

      {showSave ? (
        <section className={styles.section} aria-labelledby="addin-save-heading">
          <Subtitle2 as="h2" id="addin-save-heading" className={styles.heading}>
            {t('save.heading')}
          </Subtitle2>
          <Body1>{t('save.intro', { name })}</Body1>
          <Field label={t('template.lastDay')} required validationMessage={showErrors ? lastDayProblem : undefined}>
            <Input type="date" value={lastDay} min={todayIn(ctx.settings.timeZone, now())} onChange={(_, d) => setLastDay(d.value)} />
          </Field>
          <Checkbox checked={consent} onChange={(_, d) => setConsent(d.checked === true)} label={t('save.consent', { name })} />
          {consent ? (
            <>
              <Field label={t('save.personalEmail')}>
                <Input type="email" value={personalEmail} onChange={(_, d) => setPersonalEmail(d.value)} />
              </Field>
              <Field label={t('save.mobile')}>
                <Input type="tel" value={mobile} onChange={(_, d) => setMobile(d.value)} />
              </Field>
              <Field label={t('save.profileUrl')}>
                <Input type="url" value={profileUrl} onChange={(_, d) => setProfileUrl(d.value)} />
              </Field>
            </>
          ) : null}
          <Field label={t('save.cadence')}>
            <Select value={preset} onChange={(_, d) => setPreset(d.value as CadencePresetId)}>
              {CADENCE_PRESET_IDS.map((id) => (
                <option key={id} value={id}>
                  {CADENCE_PRESET_LABELS[id][uiLang]}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={progress !== undefined} onClick={() => void onSave()}>
              {receipt && !receipt.complete ? t('save.retry') : mode === 'sender' ? t('template.book') : t('save.button')}
            </Button>
            {progress ? (
              <Spinner size="tiny" label={t('save.progress', { done: progress.done, total: progress.total })} />
            ) : null}
          </div>
          {bookError ? <ErrorBanner error={bookError} onRetry={() => void onSave()} onDismiss={() => setBookError(undefined)} /> : null}
          {receipt ? (
            <div role="status">
              <MessageBar intent={receipt.complete ? 'success' : 'warning'} layout="multiline">
                <MessageBarBody>
                  {receipt.complete
                    ? mode === 'sender'
                      ? t('save.booked')
                      : hasContact
                        ? t('save.done', { count: reminders })
                        : t('save.doneNoContact', { count: reminders })
                    : t('save.incomplete', { missing: receipt.missing.join(', ') })}
                </MessageBarBody>
              </MessageBar>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
};
