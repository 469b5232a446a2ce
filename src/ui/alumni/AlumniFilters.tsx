import { Caption1, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ALUMNI_ORDERS, isOutcomeKind, type AlumniOrder, type OutcomeFilter } from '../../domain/alumni';
import { OutcomeKindOptions } from './OutcomeKindOptions';
import { OUTCOMES_NAMESPACE } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  field: { minWidth: '220px' },
});

export interface AlumniFiltersProps {
  readonly filter: OutcomeFilter;
  readonly order: AlumniOrder;
  readonly onFilter: (f: OutcomeFilter) => void;
  readonly onOrder: (o: AlumniOrder) => void;
  /** How many alumni the filter keeps (announced politely). */
  readonly shown: number;
}

const isOrder = (v: string): v is AlumniOrder => (ALUMNI_ORDERS as readonly string[]).includes(v);

/** Filter the alumni by outcome, and sort them (native selects: keyboard and screen readers as usual). */
export const AlumniFilters = ({ filter, order, onFilter, onOrder, shown }: AlumniFiltersProps) => {
  const { t } = useTranslation(OUTCOMES_NAMESPACE);
  const styles = useStyles();
  return (
    <div className={styles.root} role="group" aria-label={`${t('filter.label')} / ${t('filter.sortLabel')}`}>
      <Field label={t('filter.label')} className={styles.field}>
        <Select
          value={filter}
          onChange={(_e, d) => onFilter(d.value === 'all' || d.value === 'any' || isOutcomeKind(d.value) ? (d.value as OutcomeFilter) : 'all')}
        >
          <option value="all">{t('filter.all')}</option>
          <option value="any">{t('filter.any')}</option>
          <OutcomeKindOptions />
        </Select>
      </Field>
      <Field label={t('filter.sortLabel')} className={styles.field}>
        <Select value={order} onChange={(_e, d) => onOrder(isOrder(d.value) ? d.value : 'next')}>
          {ALUMNI_ORDERS.map((o) => (
            <option key={o} value={o}>
              {t(`filter.${o}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Caption1 aria-live="polite">{t('filter.shown', { count: shown })}</Caption1>
    </div>
  );
};
