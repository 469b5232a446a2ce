import { Body1, Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Subtitle2 } from '@fluentui/react-components';
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDIN_NAMESPACE } from '../strings';
import { CADENCE_PRESET_IDS } from '../../../domain/cadence';
import { COMMON_NAMESPACE } from '../../../ui/strings';
import type { CadencePresetId } from '../../../domain/cadence/model';
import { ErrorBanner } from '../../../ui';
import type { Receipt } from '../../../workflows/service';
import type { TemplateAction, TemplateFields, TemplateState } from './state';
import { useTemplateStyles } from './styles';

export interface SaveSectionProps {
  readonly mode: 'compose' | 'sender';
  readonly state: TemplateState;
  /** The leaver's name, in the consent sentence and the intro. */
  readonly name: string;
  readonly lastDayProblem: string | undefined;
  /** The earliest last day the date input offers: today in the mailbox's zone. */
  readonly minLastDay: string;
  readonly onSave: () => void;
  readonly dispatch: Dispatch<TemplateAction>;
}

/** Keep in touch: the last day, the leaver's consent and personal details, the reminders' rhythm, and Save (or Book). */
export const SaveSection = ({ mode, state, name, lastDayProblem, minLastDay, onSave, dispatch }: SaveSectionProps) => {
  const { t } = useTranslation(ADDIN_NAMESPACE);
  const styles = useTemplateStyles();
  const edit = (changes: Partial<TemplateFields>) => dispatch({ type: 'edit', changes });
  const { receipt, progress, bookError } = state;
  return (
    <section className={styles.section} aria-labelledby="addin-save-heading">
      <Subtitle2 as="h2" id="addin-save-heading" className={styles.heading}>
        {t('save.heading')}
      </Subtitle2>
      <Body1>{t('save.intro', { name })}</Body1>
      <Field label={t('template.lastDay')} required validationMessage={lastDayProblem}>
        <Input type="date" value={state.lastDay} min={minLastDay} onChange={(_, d) => edit({ lastDay: d.value })} />
      </Field>
      <Checkbox checked={state.consent} onChange={(_, d) => edit({ consent: d.checked === true })} label={t('save.consent', { name })} />
      {state.consent ? (
        <>
          <Field label={t('alumni.email', { ns: COMMON_NAMESPACE })}>
            <Input type="email" value={state.personalEmail} onChange={(_, d) => edit({ personalEmail: d.value })} />
          </Field>
          <Field label={t('save.mobile')}>
            <Input type="tel" value={state.mobile} onChange={(_, d) => edit({ mobile: d.value })} />
          </Field>
          <Field label={t('save.profileUrl')}>
            <Input type="url" value={state.profileUrl} onChange={(_, d) => edit({ profileUrl: d.value })} />
          </Field>
        </>
      ) : null}
      <Field label={t('save.cadence')}>
        <Select value={state.preset} onChange={(_, d) => edit({ preset: d.value as CadencePresetId })}>
          {CADENCE_PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`cadence.${id}`, { ns: COMMON_NAMESPACE })}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={progress !== undefined} onClick={onSave}>
          {receipt && !receipt.complete ? t('save.retry') : mode === 'sender' ? t('template.book') : t('save.button')}
        </Button>
        {progress ? <Spinner size="tiny" label={t('save.progress', { done: progress.done, total: progress.total })} /> : null}
      </div>
      {bookError ? <ErrorBanner error={bookError} onRetry={onSave} onDismiss={() => dispatch({ type: 'dismissBookError' })} /> : null}
      {receipt ? <ReceiptMessage mode={mode} receipt={receipt} /> : null}
    </section>
  );
};

/** What bookPlan left in the mailbox: all of it, or what is still missing (Save again finishes it). */
const ReceiptMessage = ({ mode, receipt }: { readonly mode: 'compose' | 'sender'; readonly receipt: Receipt }) => {
  const { t } = useTranslation(ADDIN_NAMESPACE);
  const reminders = receipt.objects.filter((o) => o.kind === 'touchpoint' || o.kind === 'series').length;
  const hasContact = receipt.objects.some((o) => o.kind === 'contact');
  return (
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
  );
};
