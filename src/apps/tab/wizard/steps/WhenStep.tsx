import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AppError, messageFor } from '../../../../domain/errors';
import type { Lang } from '../../../../domain/types';
import type { AuRevoirService, SlotCheck, SlotSuggestion } from '../../../../workflows/service';
import {
  DURATIONS,
  addMinutes,
  formatLocalWhen,
  formatWhen,
  insideWorkingHours,
  onOrBeforeLastDay,
  toInstant,
  toLocal,
  usableSlots,
  zoneLabel,
  type Draft,
  type PlaceKind,
  type WizardContext,
} from '../draft';
import type { WizardT } from '../i18n';
import type { ProblemsApi } from './problems';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  slots: { maxHeight: '18rem', overflowY: 'auto' },
  fieldset: { border: 'none', padding: 0, margin: 0, minWidth: 0 },
});

type Load<T> = { state: 'idle' } | { state: 'loading' } | { state: 'done'; value: T } | { state: 'error'; error: AppError };

export interface WhenStepProps {
  readonly t: WizardT;
  readonly lang: Lang;
  readonly service: AuRevoirService;
  readonly ctx: WizardContext;
  readonly draft: Draft;
  readonly update: (patch: Partial<Draft>, fields?: readonly string[]) => void;
  readonly problems: ProblemsApi;
  readonly now: () => Date;
  /** Set when the user tried to leave the step without a time. */
  readonly needTime: boolean;
}

export const WhenStep = ({ t, lang, service, ctx, draft, update, problems, now, needTime }: WhenStepProps) => {
  const styles = useStyles();
  const zone = ctx.settings.timeZone;
  const [slots, setSlots] = useState<Load<SlotSuggestion[]>>({ state: 'idle' });
  const [manualDate, setManualDate] = useState('');
  const [manualTime, setManualTime] = useState('');
  const [check, setCheck] = useState<Load<SlotCheck>>({ state: 'idle' });
  const [manualError, setManualError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  // Suggestions depend on the length only; a stale answer (the user changed the length while it
  // was loading) is dropped rather than shown.
  useEffect(() => {
    let live = true;
    setSlots({ state: 'loading' });
    service
      .suggestSlots({ attendeeEmail: ctx.leaver.mail, before: ctx.lastWorkingDay, durationMinutes: draft.durationMinutes, now: now() })
      .then(
        (found) => live && setSlots({ state: 'done', value: usableSlots(found, ctx, now()) }),
        (e: unknown) => live && setSlots({ state: 'error', error: AppError.from(e) }),
      );
    return () => {
      live = false;
    };
    // ctx and now are stable for the wizard's life; re-asking on their identity would loop.
  }, [service, draft.durationMinutes, attempt]);

  const selectedSlot =
    slots.state === 'done' && draft.start
      ? slots.value.find((s) => toLocal(s.start, zone) === draft.start)?.start
      : undefined;

  const checkManual = useCallback(async () => {
    setCheck({ state: 'idle' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(manualDate) || !/^\d{2}:\d{2}$/.test(manualTime)) {
      setManualError(t('when.manualIncomplete'));
      return;
    }
    const start = toInstant(`${manualDate}T${manualTime}`, zone);
    const end = addMinutes(start, draft.durationMinutes);
    if (!onOrBeforeLastDay(start, zone, ctx.lastWorkingDay)) {
      setManualError(t('when.afterLastDay'));
      return;
    }
    setManualError(
      insideWorkingHours(start, end, { ...ctx.settings.workingHours, timeZone: zone }) ? undefined : t('when.outsideHours'),
    );
    setCheck({ state: 'loading' });
    try {
      const result = await service.checkSlot({ attendeeEmail: ctx.leaver.mail, start, end });
      setCheck({ state: 'done', value: result });
      // Checking a time is choosing it: the manager may book a busy time knowingly.
      update({ start: toLocal(start, zone) }, ['conversation.start']);
    } catch (e: unknown) {
      setCheck({ state: 'error', error: AppError.from(e) });
    }
  }, [manualDate, manualTime, zone, draft.durationMinutes, ctx, service, t, update]);

  const placeHint = draft.placeKind === 'lunch' ? t('when.locationLunchHint') : t('when.locationOfficeHint');

  return (
    <div className={styles.stack}>
      <Text>{t('when.intro', { name: ctx.leaver.displayName })}</Text>

      <Field label={t('when.duration')} validationMessage={problems.message('conversation.durationMinutes')}>
        <RadioGroup
          layout="horizontal"
          value={String(draft.durationMinutes)}
          onChange={(_, d) => update({ durationMinutes: Number(d.value) }, ['conversation.durationMinutes'])}
        >
          {DURATIONS.map((m) => (
            <Radio key={m} value={String(m)} label={t('when.durationOption', { count: m })} />
          ))}
        </RadioGroup>
      </Field>

      <Field
        label={t('when.suggestions', { zone: zoneLabel(zone) })}
        validationMessage={problems.message('conversation.start') ?? (needTime && !draft.start ? t('when.needTime') : undefined)}
      >
        {slots.state === 'loading' || slots.state === 'idle' ? (
          <Spinner size="tiny" labelPosition="after" label={t('when.loadingSlots')} aria-live="polite" />
        ) : slots.state === 'error' ? (
          <MessageBar intent="error">
            <MessageBarBody>{messageFor(slots.error, lang)}</MessageBarBody>
            <Button appearance="transparent" onClick={() => setAttempt((n) => n + 1)}>
              {t('when.retry')}
            </Button>
          </MessageBar>
        ) : slots.value.length === 0 ? (
          <Text role="status">{t('when.noSlots')}</Text>
        ) : (
          <RadioGroup
            className={styles.slots}
            value={selectedSlot ?? ''}
            onChange={(_, d) => update({ start: toLocal(d.value, zone) }, ['conversation.start'])}
          >
            {slots.value.map((s) => (
              <Radio
                key={s.start}
                value={s.start}
                label={t('when.slotLabel', { when: formatWhen(s.start, zone, lang), length: draft.durationMinutes })}
              />
            ))}
          </RadioGroup>
        )}
      </Field>

      <fieldset className={styles.fieldset}>
        <legend>
          <Text weight="semibold">{t('when.manual')}</Text>
        </legend>
        <div className={styles.row}>
          <Field label={t('when.date')}>
            <Input type="date" value={manualDate} onChange={(_, d) => setManualDate(d.value)} max={ctx.lastWorkingDay} />
          </Field>
          <Field label={t('when.time', { zone: zoneLabel(zone) })}>
            <Input type="time" value={manualTime} onChange={(_, d) => setManualTime(d.value)} step={900} />
          </Field>
          <Button onClick={() => void checkManual()} disabled={check.state === 'loading'}>
            {t('when.check')}
          </Button>
        </div>
        <div aria-live="polite">
          {manualError ? <MessageBar intent="warning"><MessageBarBody>{manualError}</MessageBarBody></MessageBar> : null}
          {check.state === 'loading' ? <Spinner size="tiny" labelPosition="after" label={t('when.checking')} /> : null}
          {check.state === 'done' ? (
            <MessageBar intent={check.value.free ? 'success' : 'warning'}>
              <MessageBarBody>
                {check.value.free ? t('when.free') : t('when.busy', { names: check.value.busy.join(', ') })}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {check.state === 'error' ? (
            <MessageBar intent="error"><MessageBarBody>{messageFor(check.error, lang)}</MessageBarBody></MessageBar>
          ) : null}
        </div>
      </fieldset>

      <Text role="status" weight="semibold">
        {draft.start ? t('when.chosen', { when: formatLocalWhen(draft.start, zone, lang) }) : t('when.noneChosen')}
      </Text>

      <Field label={t('when.place')}>
        <RadioGroup
          value={draft.placeKind}
          onChange={(_, d) => update({ placeKind: d.value as PlaceKind }, ['conversation.place'])}
        >
          <Radio value="teams" label={t('when.placeTeams')} />
          <Radio value="office" label={t('when.placeOffice')} />
          <Radio value="lunch" label={t('when.placeLunch')} />
        </RadioGroup>
      </Field>
      {draft.placeKind !== 'teams' ? (
        <Field label={t('when.location')} hint={placeHint} required validationMessage={problems.message('conversation.place')}>
          <Input value={draft.location} onChange={(_, d) => update({ location: d.value }, ['conversation.place'])} />
        </Field>
      ) : null}
      {problems.banner('when')}
    </div>
  );
};
