import { useTranslation } from 'react-i18next';
import { OUTCOME_GROUP, OUTCOME_GROUPS, OUTCOME_KINDS } from '../../domain/alumni';
import { OUTCOMES_NAMESPACE } from './strings';

/** The outcome kinds as `<option>`s under one `<optgroup>` per group: the log's form and the filter list the same. */
export const OutcomeKindOptions = () => {
  const { t } = useTranslation(OUTCOMES_NAMESPACE);
  return (
    <>
      {OUTCOME_GROUPS.map((g) => (
        <optgroup key={g} label={t(`group.${g}`)}>
          {OUTCOME_KINDS.filter((k) => OUTCOME_GROUP[k] === g).map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
};
