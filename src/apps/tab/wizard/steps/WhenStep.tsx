import { useEffect, useRef, useState } from 'react';
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
import { CONVERSATION_LENGTHS } from '../../../../domain/plan/limits';
import { useLoad, type LoadState } from '../../../../ui/useLoad';
import type { SlotCheck } from '../../../../workflows/service';
import { useWizard } from '../context';
import {
  addMinutes,
  formatLocalWhen,
  formatWhen,
  insideWorkingHours,
  onOrBeforeLastDay,
  toInstant,
  toLocal,
  usableSlots,
  zoneLabel,
  type PlaceKind,
} from '../draft';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  slots: { maxHeight: '18rem', overflowY: 'auto' },
  fieldset: { border: 'none', padding: 0, margin: 0, minWidth: 0 },
});

type Check = { state: 'idle' } | { state: 'loading' } | { state: 'done'; value: SlotCheck } | { state: 'error'; error: AppError };

type Teams = 'checking' | 'allowed' | 'notAllowed' | 'unknown';

// Teams is offered only once the mailbox's calendar says it allows it: elsewhere Exchange creates the
// event without a join link and no error (the calendar's allowedOnlineMeetingProviders:
// https://learn.microsoft.com/en-us/graph/outlook-calendar-online-meetings). Unknown (the read failed)
// keeps the option visible but not selectable, as while it is still checking.
const teamsFrom = (s: LoadState<{ readonly teamsAllowed: boolean }>): Teams =>
  s.status === 'loading' ? 'checking' : s.status === 'error' ? 'unknown' : s.data.teamsAllowed ? 'allowed' : 'notAllowed';

export interface WhenStepProps {
  /** Set when the user tried to leave the step without a time. */
  readonly needTime: boolean;
}

export const WhenStep = ({ needTime }: WhenStepProps) => {
  const { t, lang, service, ctx, zone, now, draft, update, problems } = useWizard();
  const styles = useStyles();
  const [manualDate, setManualDate] = useState('');
  const [manualTime, setManualTime] = useState('');
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [manualError, setManualError] = useState<string | undefined>();

  const teams = teamsFrom(useLoad(() => service.onlineMeetings(), { inputs: [service] }).state);
  useEffect(() => {
    // The draft starts as a Teams meeting; where Teams cannot be booked, a place is the choice left.
    if (teams !== 'allowed' && teams !== 'checking' && draft.placeKind === 'teams') update({ placeKind: 'office' }, ['conversation.place']);
  }, [teams, draft.placeKind, update]);

  // Suggestions depend on the length only (ctx and the clock are the wizard's for its whole life); the
  // answer for a length the user has since changed is dropped rather than shown (useLoad's inputs).
  const slots = useLoad(async () => {
    const found = await service.suggestSlots({
      attendeeEmail: ctx.leaver.mail,
      before: ctx.lastWorkingDay,
      durationMinutes: draft.durationMinutes,
      now: now(),
    });
    return usableSlots(found, ctx, now());
  }, { inputs: [service, draft.durationMinutes] });

  const selectedSlot =
    slots.state.status === 'ready' && draft.start
      ? slots.state.data.find((s) => toLocal(s.start, zone) === draft.start)?.start
      : undefined;

  // A check answers for the time typed when it was asked: once the date or time is edited, or the step is
  // left, an answer still on its way is dropped (it would choose a time no longer typed, or change the
  // draft from another step). Each check or edit takes a new number; only the latest's answer counts.
  const checks = useRef(0);
  useEffect(() => {
    const current = checks;
    return () => {
      current.current++;
    };
  }, []);
  const editManual = (set: (value: string) => void, value: string) => {
    checks.current++;
    setCheck((c) => (c.state === 'loading' ? { state: 'idle' } : c));
    set(value);
  };

  const checkManual = async () => {
    const mine = ++checks.current;
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
      if (mine !== checks.current) return;
      setCheck({ state: 'done', value: result });
      // Checking a time is choosing it: the manager may book a busy time knowingly.
      update({ start: toLocal(start, zone) }, ['conversation.start']);
    } catch (e: unknown) {
      if (mine === checks.current) setCheck({ state: 'error', error: AppError.from(e) });
    }
  };

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
          {CONVERSATION_LENGTHS.map((m) => (
            <Radio key={m} value={String(m)} label={t('when.durationOption', { count: m })} />
          ))}
        </RadioGroup>
      </Field>

      <Field
        label={t('when.suggestions', { zone: zoneLabel(zone) })}
        validationMessage={problems.message('conversation.start') ?? (needTime && !draft.start ? t('when.needTime') : undefined)}
      >
        {slots.state.status === 'loading' ? (
          <Spinner size="tiny" labelPosition="after" label={t('when.loadingSlots')} aria-live="polite" />
        ) : slots.state.status === 'error' ? (
          <MessageBar intent="error">
            <MessageBarBody>{messageFor(AppError.from(slots.state.error), lang)}</MessageBarBody>
            <Button appearance="transparent" onClick={() => void slots.reload()}>
              {t('when.retry')}
            </Button>
          </MessageBar>
        ) : slots.state.data.length === 0 ? (
          <Text role="status">{t('when.noSlots')}</Text>
        ) : (
          <RadioGroup
            className={styles.slots}
            value={selectedSlot ?? ''}
            onChange={(_, d) => update({ start: toLocal(d.value, zone) }, ['conversation.start'])}
          >
            {slots.state.data.map((s) => (
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
            <Input type="date" value={manualDate} onChange={(_, d) => editManual(setManualDate, d.value)} max={ctx.lastWorkingDay} />
          </Field>
          <Field label={t('when.time', { zone: zoneLabel(zone) })}>
            <Input type="time" value={manualTime} onChange={(_, d) => editManual(setManualTime, d.value)} step={900} />
          </Field>
          <Button onClick={() => void checkManual()} disabled={check.state === 'loading'}>
            {t('when.check')}
          </Button>
        </div>
        <div aria-live="polite">
          {manualError ? <MessageBar intent="warning"><MessageBarBody>{manualError}</MessageBarBody></MessageBar> : null}
          {check.state === 'loading' ? <Spinner size="tiny" labelPosition="after" label={t('when.checking')} /> : null}
          {check.state === 'done' && check.value.free ? (
            <MessageBar intent="success"><MessageBarBody>{t('when.free')}</MessageBarBody></MessageBar>
          ) : null}
          {check.state === 'done' && check.value.busy.length > 0 ? (
            <MessageBar intent="warning">
              <MessageBarBody>{t('when.busy', { names: check.value.busy.join(', ') })}</MessageBarBody>
            </MessageBar>
          ) : null}
          {/* Free/busy that could not be read is its own answer, never shown as free. */}
          {check.state === 'done' && check.value.unknown.length > 0 ? (
            <MessageBar intent="warning">
              <MessageBarBody>{t('when.unknown', { names: check.value.unknown.join(', ') })}</MessageBarBody>
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

      <Field label={t('when.place')} hint={teams === 'notAllowed' ? t('when.teamsNotAllowed') : undefined}>
        <RadioGroup
          value={draft.placeKind}
          onChange={(_, d) => update({ placeKind: d.value as PlaceKind }, ['conversation.place'])}
        >
          {teams !== 'notAllowed' ? <Radio value="teams" label={t('when.placeTeams')} disabled={teams !== 'allowed'} /> : null}
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
