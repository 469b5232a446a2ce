import { Field, Input } from '@fluentui/react-components';
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { AgendaLangChoice, LengthSelect } from '../../../ui/ConversationFields';
import { COMMON_NAMESPACE } from '../../../ui/strings';
import { ADDIN_NAMESPACE } from '../strings';
import type { Lang } from '../../../domain/types';
import { CONVERSATION_LENGTHS } from '../../../domain/plan/limits';
import type { TemplateAction } from './state';

export interface MeetingFieldsProps {
  readonly mode: 'compose' | 'sender';
  readonly agendaLang: Lang;
  readonly length: number;
  /** datetime-local text; asked only in mode `sender` (a compose item has its own start). */
  readonly start: string;
  readonly startProblem: string | undefined;
  readonly dispatch: Dispatch<TemplateAction>;
}

/** The conversation itself: the agenda's language, its length and, for a message's sender, when. */
export const MeetingFields = ({ mode, agendaLang, length, start, startProblem, dispatch }: MeetingFieldsProps) => {
  const { t } = useTranslation(ADDIN_NAMESPACE);
  return (
    <>
      <Field label={t('template.agendaLang')}>
        <AgendaLangChoice horizontal value={agendaLang} onChange={(lang) => dispatch({ type: 'edit', changes: { agendaLang: lang } })} />
      </Field>
      <Field label={t('conversation.length', { ns: COMMON_NAMESPACE })}>
        <LengthSelect lengths={CONVERSATION_LENGTHS} value={length} onChange={(minutes) => dispatch({ type: 'edit', changes: { length: minutes } })} />
      </Field>
      {mode === 'sender' ? (
        <Field label={t('template.start')} required validationMessage={startProblem}>
          <Input type="datetime-local" value={start} onChange={(_, d) => dispatch({ type: 'edit', changes: { start: d.value } })} />
        </Field>
      ) : null}
    </>
  );
};
