import { Field, Select } from '@fluentui/react-components';
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDIN_NAMESPACE } from '../strings';
import { PersonPicker } from '../../../ui';
import type { AuRevoirService } from '../../../workflows/service';
import { OTHER, type TemplateAction, type TemplateContext } from './state';

export interface LeaverFieldProps {
  readonly ctx: TemplateContext;
  readonly service: AuRevoirService;
  readonly mode: 'compose' | 'sender';
  /** A candidate's email, or OTHER (then the directory search shows). */
  readonly choice: string;
  /** Shown under the field once the user tried to apply or save. */
  readonly problem: string | undefined;
  readonly dispatch: Dispatch<TemplateAction>;
}

/** Who is leaving: one of the meeting's attendees (or the message's sender), or someone found in the directory. */
export const LeaverField = ({ ctx, service, mode, choice, problem, dispatch }: LeaverFieldProps) => {
  const { t } = useTranslation(ADDIN_NAMESPACE);
  const knownLastDay = (email: string | undefined) => (email ? ctx.lastDays.get(email.toLowerCase()) : undefined);
  return (
    <>
      <Field label={t('template.leaver')} hint={mode === 'compose' ? t('template.leaverHint') : undefined} required validationMessage={problem}>
        <Select value={choice} onChange={(_, d) => dispatch({ type: 'chooseLeaver', choice: d.value, knownLastDay: knownLastDay(d.value) })}>
          {ctx.candidates.map((c) => (
            <option key={c.email} value={c.email}>
              {c.displayName === c.email ? c.email : `${c.displayName} <${c.email}>`}
            </option>
          ))}
          <option value={OTHER}>{t('template.someoneElse')}</option>
        </Select>
      </Field>
      {choice === OTHER ? (
        <PersonPicker service={service} onSelect={(person) => dispatch({ type: 'pickOther', person, knownLastDay: knownLastDay(person?.mail) })} />
      ) : null}
    </>
  );
};
