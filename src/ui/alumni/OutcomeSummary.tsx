import { Body1, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOME_GROUP, OUTCOME_GROUPS, OUTCOME_KINDS, summariseOutcomes, type OutcomeEntry } from '../../domain/alumni';
import { OUTCOMES_NAMESPACE } from './strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    maxWidth: '720px',
    boxSizing: 'border-box',
  },
  heading: { margin: 0 },
  groups: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: tokens.spacingHorizontalL, margin: 0, padding: 0 },
  group: { listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  kinds: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  plain: { margin: 0 },
});

export interface OutcomeSummaryProps {
  /** One log per alumnus. */
  readonly logs: readonly (readonly OutcomeEntry[])[];
}

/** What the network gave back and what we gave, counted by kind, at the top of the Alumni screen. */
export const OutcomeSummary = ({ logs }: OutcomeSummaryProps) => {
  const { t } = useTranslation(OUTCOMES_NAMESPACE);
  const styles = useStyles();
  const headingId = useId();
  const s = summariseOutcomes(logs);
  const total = s.byGroup.became + s.byGroup.theyGave + s.byGroup.weGave;
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="outcome-summary">
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('summary.title')}
      </Subtitle2>
      {total === 0 ? (
        <Body1 as="p" className={styles.plain}>
          {t('summary.none')}
        </Body1>
      ) : (
        <>
          <Body1 as="p" className={styles.plain}>
            {t('summary.total', { count: total })} {t('summary.people', { count: s.people })}
          </Body1>
          <ul className={styles.groups} aria-label={t('summary.label')}>
            {OUTCOME_GROUPS.map((g) => {
              const kinds = OUTCOME_KINDS.filter((k) => OUTCOME_GROUP[k] === g && s.byKind[k] > 0);
              return (
                <li key={g} className={styles.group}>
                  <Text weight="semibold">
                    {t(`group.${g}`)} ({s.byGroup[g]})
                  </Text>
                  {kinds.length === 0 ? (
                    <Caption1>{t('summary.nothing')}</Caption1>
                  ) : (
                    <ul className={styles.kinds}>
                      {kinds.map((k) => (
                        <li key={k}>
                          <Text>{t('summary.count', { label: t(`kind.${k}`), count: s.byKind[k] })}</Text>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
};
