import { Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../domain/types';
import { COMMON_NAMESPACE } from './strings';

/**
 * The conversation's two choices every booking screen offers (the tab's wizard and HR partner screen, the
 * Outlook template), said once: the agenda's language and the length. The caller keeps its own `<Field>`
 * (label, hint, validation), so each screen still words the question its own way.
 */
export const AgendaLangChoice = ({ value, onChange, horizontal = false }: { value: Lang; onChange: (lang: Lang) => void; horizontal?: boolean }) => {
  const { t } = useTranslation(COMMON_NAMESPACE);
  return (
    <RadioGroup layout={horizontal ? 'horizontal' : 'vertical'} value={value} onChange={(_e, d) => onChange(d.value === 'fr' ? 'fr' : 'en')}>
      <Radio value="fr" label={t('conversation.agendaLangFr')} />
      <Radio value="en" label={t('conversation.agendaLangEn')} />
    </RadioGroup>
  );
};

/** The length in minutes, from the lengths this screen can book. */
export const LengthSelect = ({ lengths, value, onChange }: { lengths: readonly number[]; value: number; onChange: (minutes: number) => void }) => {
  const { t } = useTranslation(COMMON_NAMESPACE);
  return (
    <Select value={String(value)} onChange={(_e, d) => onChange(Number(d.value))}>
      {lengths.map((m) => (
        <option key={m} value={m}>
          {t('conversation.minutes', { count: m })}
        </option>
      ))}
    </Select>
  );
};
