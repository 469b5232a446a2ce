import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { defaultAgenda } from '../../../domain/agenda';
import { CADENCE_PRESETS, expandCadence } from '../../../domain/cadence';
import type { CadencePlan } from '../../../domain/cadence/model';
import { AppError } from '../../../domain/errors';
import { DEFAULT_CONVERSATION_MINUTES } from '../../../domain/plan/limits';
import type { Plan } from '../../../domain/plan/model';
import { validatePlan } from '../../../domain/plan';
import { fill } from '../../../domain/texts/fill';
import { planId, type IsoDate, type Lang } from '../../../domain/types';
import type {
  AuRevoirService,
  BookingProgress,
  MailboxSettings,
  Person,
  Receipt,
} from '../../../workflows/service';
import { BookingProgressView } from './BookingProgressView';
import { WizardSharedContext, type WizardShared } from './context';
import { STEPS, buildPlan, cadenceFor, fieldMatches, formatDate, stepForField, type Draft, type StepId, type WizardContext } from './draft';
import { useWizardT } from './i18n';
import { withConsentRecord } from '../../../domain/alumni';
import { ReceiptView } from './Receipt';
import { WIZARD_STRINGS } from './strings';
import { AgendaStep } from './steps/AgendaStep';
import { ContactStep } from './steps/ContactStep';
import { ReconnectStep } from './steps/ReconnectStep';
import { ReviewStep } from './steps/ReviewStep';
import { WhenStep } from './steps/WhenStep';
import { makeProblemsApi, type PlanProblem } from './steps/problems';

export interface PlanWizardProps {
  readonly service: AuRevoirService;
  readonly manager: Person;
  readonly settings: MailboxSettings;
  readonly leaver: Person;
  readonly lastWorkingDay: IsoDate;
  /** The UI language; the agenda's language is chosen apart, in the wizard. */
  readonly lang: Lang;
  readonly onClose: () => void;
  readonly onBooked: (r: Receipt) => void;
  /** The clock, for tests; defaults to the real one. */
  readonly now?: () => Date;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    minWidth: 0,
  },
  header: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0 },
  steps: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: 'none' },
  stepButton: { minWidth: 'auto' },
  current: { fontWeight: tokens.fontWeightSemibold },
  problem: { color: tokens.colorPaletteRedForeground1 },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** A plan id: unique per wizard, stable across "finish booking" attempts (it tags every object). */
const newPlanId = () =>
  planId(
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
  );

const initialDraft = (lang: Lang): Draft => ({
  id: newPlanId(),
  durationMinutes: DEFAULT_CONVERSATION_MINUTES,
  placeKind: 'teams',
  location: '',
  agendaLang: lang,
  agenda: defaultAgenda(lang),
  prepNotes: '',
  prepReminder: true,
  personalEmail: '',
  mobilePhone: '',
  profileUrl: '',
  nextCompany: '',
  nextRole: '',
  consent: false,
  reconnect: true,
  preset: 'gentle',
  custom: { early: '1, 3', every: '6', from: '6', until: '24' },
});

type Phase =
  | { readonly kind: 'editing' }
  | { readonly kind: 'booking'; readonly plan: Plan; readonly progress?: BookingProgress; readonly previous?: Receipt }
  | { readonly kind: 'receipt'; readonly plan: Plan; readonly receipt?: Receipt; readonly error?: AppError };

/**
 * Plan the exit conversation step by step (When, Agenda, Stay in touch, Reconnect, Review), book it
 * in one go, and show what landed in the mailbox. Every step is reachable from the step list and
 * Back/Next; moving to a step puts the focus on its heading so screen readers announce it.
 */
export const PlanWizard = (props: PlanWizardProps) => {
  const { service, manager, settings, leaver, lastWorkingDay, lang, onClose, onBooked } = props;
  const now = useMemo(() => props.now ?? (() => new Date()), [props.now]);
  const t = useWizardT(lang);
  const styles = useStyles();
  const ctx: WizardContext = useMemo(
    () => ({ manager, settings, leaver, lastWorkingDay }),
    [manager, settings, leaver, lastWorkingDay],
  );

  const [draft, setDraft] = useState<Draft>(() => initialDraft(lang));
  const [stepIndex, setStepIndex] = useState(0);
  const [problems, setProblems] = useState<readonly PlanProblem[]>([]);
  const [needTime, setNeedTime] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const step: StepId = STEPS[stepIndex] ?? 'when';

  const update = useCallback((patch: Partial<Draft>, fields: readonly string[] = []) => {
    setDraft((d) => ({ ...d, ...patch }));
    // An edited field's old problem would now be misleading; the next Book checks again.
    if (fields.length > 0) setProblems((ps) => ps.filter((p) => !fields.some((f) => fieldMatches(p.field, f))));
  }, []);

  const cadence = useMemo(() => cadenceFor(draft, CADENCE_PRESETS), [draft]);
  const cadencePlan: CadencePlan | undefined = useMemo(() => {
    if (!cadence) return undefined;
    try {
      return expandCadence({
        cadence,
        lastWorkingDay,
        workingHours: { ...settings.workingHours, timeZone: settings.timeZone },
      });
    } catch (e: unknown) {
      // An unreasonable custom cadence: the step says so; validatePlan gives the details at Book.
      if (e instanceof AppError || e instanceof RangeError || e instanceof TypeError) return undefined;
      throw e;
    }
  }, [cadence, lastWorkingDay, settings]);

  const goTo = useCallback((s: StepId) => {
    moved.current = true;
    setStepIndex(STEPS.indexOf(s));
  }, []);

  // Focus follows the step (not on first render: the tab decides where focus starts).
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [stepIndex, phase.kind]);

  const next = () => {
    if (step === 'when' && !draft.start) {
      setNeedTime(true);
      return;
    }
    goTo(STEPS[Math.min(stepIndex + 1, STEPS.length - 1)] ?? 'review');
  };
  const back = () => goTo(STEPS[Math.max(stepIndex - 1, 0)] ?? 'when');

  const runBooking = useCallback(
    async (plan: Plan, previous?: Receipt) => {
      moved.current = true;
      setPhase({ kind: 'booking', plan, ...(previous ? { previous } : {}) });
      try {
        const receipt = await service.bookPlan(plan, (progress) =>
          setPhase((p) => (p.kind === 'booking' ? { ...p, progress } : p)),
        );
        setPhase({ kind: 'receipt', plan, receipt });
        onBooked(receipt);
      } catch (e: unknown) {
        setPhase({ kind: 'receipt', plan, ...(previous ? { receipt: previous } : {}), error: AppError.from(e) });
      }
    },
    [service, onBooked],
  );

  // A booking of this leaver that a reload or a lost connection interrupted goes on under its first
  // plan id, so that the retry finds what Graph already created instead of creating it twice
  // (service.pendingPlanFor, workflows/journal.ts). Asked once, when the wizard opens.
  const pendingId = useMemo(
    () =>
      service.pendingPlanFor?.(leaver.mail).catch((e: unknown) => {
        console.warn('Au revoir: could not read the unfinished bookings of this browser', e);
        return undefined;
      }) ?? Promise.resolve(undefined),
    [service, leaver.mail],
  );
  useEffect(() => {
    let live = true;
    void pendingId.then((id) => {
      if (live && id) setDraft((d) => ({ ...d, id }));
    });
    return () => {
      live = false;
    };
  }, [pendingId]);

  const book = async () => {
    const resumed = await pendingId;
    const current = resumed ? { ...draft, id: resumed } : draft;
    if (!current.start) {
      setNeedTime(true);
      goTo('when');
      return;
    }
    const found: PlanProblem[] = [];
    if (current.reconnect && !cadence) {
      found.push({ code: 'cadence.unreadable', field: 'cadence', message: { fr: WIZARD_STRINGS.fr.reconnect.invalid, en: WIZARD_STRINGS.en.reconnect.invalid } });
    }
    const plan = buildPlan(current, ctx, cadence ?? CADENCE_PRESETS.gentle);
    const result = validatePlan(plan, { now: now() });
    if (!result.ok) found.push(...result.problems);
    if (found.length > 0 || !result.ok) {
      setProblems(found);
      const first = STEPS.find((s) => found.some((p) => stepForField(p.field) === s)) ?? 'review';
      goTo(first);
      return;
    }
    setProblems([]);
    // The consent sentence as the leaver was shown it, in the plan's language, kept with the contact (issue 12).
    const planLang = result.plan.agenda.lang;
    void runBooking(
      withConsentRecord(result.plan, {
        at: now(),
        channel: 'tabWizard',
        text: fill(WIZARD_STRINGS[planLang].contact.consent, { name: result.plan.leaver.displayName }),
      }),
    );
  };

  const problemsApi = useMemo(() => makeProblemsApi(problems, lang, t('review.problems')), [problems, lang, t]);
  const stepsWithProblems = new Set(problems.map((p) => stepForField(p.field)));
  const stepName = (s: StepId) => t(`steps.${s}`);
  const zone = settings.timeZone;
  const shared: WizardShared = useMemo(
    () => ({ t, lang, service, ctx, zone, now, draft, update, problems: problemsApi, goTo, cadencePlan }),
    [t, lang, service, ctx, zone, now, draft, update, problemsApi, goTo, cadencePlan],
  );

  if (phase.kind === 'receipt' || (phase.kind === 'booking' && phase.previous)) {
    const receipt = phase.kind === 'receipt' ? phase.receipt : phase.previous;
    return (
      <section className={styles.root} aria-labelledby="wizard-title">
        <div className={styles.titles}>
          <Text as="h2" id="wizard-title" size={600} weight="semibold" className={styles.heading}>
            {t('title', { name: leaver.displayName })}
          </Text>
        </div>
        <Text as="h3" size={500} weight="semibold" tabIndex={-1} ref={headingRef} className={styles.heading}>
          {receipt?.complete && phase.kind === 'receipt' && !phase.error ? t('receipt.title') : t('receipt.titleIncomplete')}
        </Text>
        <ReceiptView
          t={t}
          lang={lang}
          leaverName={leaver.displayName}
          {...(cadencePlan ? { touchpoints: cadencePlan.touchpoints } : {})}
          {...(receipt ? { receipt } : {})}
          {...(phase.kind === 'receipt' && phase.error ? { error: phase.error } : {})}
          teamsRequested={phase.plan.conversation.place.kind === 'teams'}
          finishing={phase.kind === 'booking'}
          {...(phase.kind === 'booking' && phase.progress ? { progress: phase.progress } : {})}
          onFinish={() => void runBooking(phase.plan, receipt)}
          onDone={onClose}
        />
      </section>
    );
  }

  const booking = phase.kind === 'booking';
  return (
    <section className={styles.root} aria-labelledby="wizard-title">
      <div className={styles.header}>
        <div className={styles.titles}>
          <Text as="h2" id="wizard-title" size={600} weight="semibold" className={styles.heading}>
            {t('title', { name: leaver.displayName })}
          </Text>
          <Text>{t('lastDay', { date: formatDate(lastWorkingDay, zone, lang) })}</Text>
        </div>
        <Button appearance="subtle" onClick={onClose} disabled={booking}>
          {t('close')}
        </Button>
      </div>

      <nav aria-label={t('steps.label')}>
        <ol className={styles.steps}>
          {STEPS.map((s, i) => {
            const label = t('steps.numbered', { index: i + 1, name: stepName(s) });
            const hasProblem = stepsWithProblems.has(s);
            return (
              <li key={s}>
                <Button
                  appearance={i === stepIndex ? 'primary' : 'subtle'}
                  className={mergeClasses(styles.stepButton, i === stepIndex && styles.current, hasProblem && i !== stepIndex && styles.problem)}
                  aria-current={i === stepIndex ? 'step' : undefined}
                  disabled={booking}
                  onClick={() => (s === 'when' || draft.start ? goTo(s) : setNeedTime(true))}
                >
                  {hasProblem ? t('steps.hasProblems', { name: label }) : label}
                </Button>
              </li>
            );
          })}
        </ol>
      </nav>

      <div aria-live="polite" className={styles.srOnly}>
        {t('steps.announce', { index: stepIndex + 1, count: STEPS.length, name: stepName(step) })}
      </div>
      <Text as="h3" size={500} weight="semibold" tabIndex={-1} ref={headingRef} className={styles.heading} id="wizard-step-heading">
        {stepName(step)}
      </Text>

      <div role="group" aria-labelledby="wizard-step-heading">
        <WizardSharedContext.Provider value={shared}>
          {step === 'when' ? (
            <WhenStep needTime={needTime} />
          ) : step === 'agenda' ? (
            <AgendaStep />
          ) : step === 'contact' ? (
            <ContactStep />
          ) : step === 'reconnect' ? (
            <ReconnectStep />
          ) : (
            <ReviewStep />
          )}
        </WizardSharedContext.Provider>
      </div>

      {booking ? <BookingProgressView t={t} progress={phase.progress} /> : null}

      <div className={styles.footer}>
        <Button onClick={back} disabled={stepIndex === 0 || booking}>
          {t('nav.back')}
        </Button>
        {step === 'review' ? (
          <Button appearance="primary" onClick={() => void book()} disabled={booking}>
            {t('nav.book')}
          </Button>
        ) : (
          <Button appearance="primary" onClick={next}>
            {t('nav.next')}
          </Button>
        )}
      </div>
    </section>
  );
};
