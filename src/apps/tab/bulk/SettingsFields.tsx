import { Field, Input, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Dispatch } from 'react';
import type { Agenda } from '../../../domain/agenda/model';
import { COMMON_NAMESPACE } from '../../../ui';
import { AgendaLangChoice, LengthSelect } from '../../../ui/ConversationFields';
import { CONVERSATION_LENGTHS } from '../../../domain/plan/limits';
import { RHYTHMS, type BulkForm, type BulkFormAction } from './form';
import type { BulkT } from './RowStatus';

const useStyles = makeStyles({
  settings: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}` },
});

export interface SettingsFieldsProps {
  readonly t: BulkT;
  readonly form: BulkForm;
  readonly dispatch: Dispatch<BulkFormAction>;
  /** The agenda in the chosen language, whose sections the hint lists. */
  readonly agenda: Agenda;
}

/** One agenda, one length, one place and one rhythm for every plan of the run. */
export const SettingsFields = ({ t, form, dispatch, agenda }: SettingsFieldsProps) => {
  const styles = useStyles();
  return (
    <fieldset className={styles.settings}>
      <legend className={styles.legend}>
        <Subtitle2>{t('settingsTitle')}</Subtitle2>
      </legend>
      <Field label={t('agendaLang')} hint={t('agendaSections', { sections: agenda.sections.map((s) => s.title).join(' · ') })}>
        <AgendaLangChoice value={form.agendaLang} onChange={(lang) => dispatch({ type: 'agendaLang', lang })} />
      </Field>
      <Field label={t('conversation.length', { ns: COMMON_NAMESPACE })}>
        <LengthSelect lengths={CONVERSATION_LENGTHS} value={form.durationMinutes} onChange={(minutes) => dispatch({ type: 'duration', minutes })} />
      </Field>
      <Field label={t('place')}>
        <RadioGroup value={form.placeKind} onChange={(_e, d) => dispatch({ type: 'placeKind', kind: d.value === 'place' ? 'place' : 'teams' })}>
          <Radio value="teams" label={t('place_teams')} />
          <Radio value="place" label={t('place_place')} />
        </RadioGroup>
      </Field>
      {form.placeKind === 'place' ? (
        <Field label={t('location')} required validationMessage={form.locationMissing ? t('locationRequired') : undefined}>
          <Input value={form.location} onChange={(_e, d) => dispatch({ type: 'location', text: d.value })} />
        </Field>
      ) : null}
      <Field label={t('rhythm')}>
        <RadioGroup value={form.rhythm} onChange={(_e, d) => dispatch({ type: 'rhythm', rhythm: RHYTHMS.find((r) => r === d.value) ?? 'gentle' })}>
          {RHYTHMS.map((r) => (
            <Radio key={r} value={r} label={r === 'none' ? t('rhythm_none') : t('cadence.withHint', { ns: COMMON_NAMESPACE, name: t(`cadence.${r}`, { ns: COMMON_NAMESPACE }), hint: t(`cadence.${r}Hint`, { ns: COMMON_NAMESPACE }) })} />
          ))}
        </RadioGroup>
      </Field>
    </fieldset>
  );
};
