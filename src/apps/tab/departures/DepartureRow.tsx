import { Avatar, Badge, Button, Caption1, Card, CardHeader, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { TAB_NAMESPACE } from '../strings';
import type { IsoDate, Lang } from '../../../domain/types';
import { formatDate } from '../../../ui';
import type { Departure, PlanState } from '../../../workflows/service';
import { LastDayForm } from './LastDayForm';

const useStyles = makeStyles({
  title: { margin: 0 },
  card: { maxWidth: '720px' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

const STATE_COLOR: Readonly<Record<PlanState, 'informative' | 'brand' | 'success' | 'important'>> = {
  notPlanned: 'informative',
  booked: 'brand',
  held: 'success',
  remindersActive: 'success',
};

export interface DepartureRowProps {
  readonly departure: Departure;
  readonly lang: Lang;
  readonly today: IsoDate;
  /** The "set the last day" form is open on this row (one row at a time: the screen decides). */
  readonly settingDay: boolean;
  readonly onSettingDay: (open: boolean) => void;
  readonly onLastDay: (day: IsoDate) => void;
  /** Opens the wizard; offered once the last day is known and nothing is booked. */
  readonly onPlan: (lastWorkingDay: IsoDate) => void;
  /** Takes someone added by hand off the list. */
  readonly onRemove: () => void;
}

/** One departure: who, their last day, where the exit conversation stands, and what can be done next. */
export const DepartureRow = ({ departure: d, lang, today, settingDay, onSettingDay, onLastDay, onPlan, onRemove }: DepartureRowProps) => {
  const { t } = useTranslation(TAB_NAMESPACE);
  const styles = useStyles();
  const name = d.person.displayName;
  const day = d.lastWorkingDay;
  return (
    <li>
      <Card className={styles.card} aria-label={name}>
        <CardHeader
          image={<Avatar name={name} color="colorful" aria-hidden />}
          header={
            <Subtitle2 as="h3" block className={styles.title}>
              {name}
            </Subtitle2>
          }
          description={<Caption1>{[d.person.jobTitle, d.person.mail].filter(Boolean).join(' · ')}</Caption1>}
        />
        <Text>{day ? t('departures.leaves', { date: formatDate(day, lang) }) : t('departures.leavesUnknown')}</Text>
        <div className={styles.badges}>
          <Badge appearance="tint" color={STATE_COLOR[d.state]}>
            {t(`departures.state.${d.state}`)}
          </Badge>
          <Badge appearance="outline" color="informative">
            {t(`departures.source.${d.source}`)}
          </Badge>
        </div>
        {settingDay ? (
          <LastDayForm
            title={t('departures.setLastDay')}
            submitLabel={t('departures.addConfirm')}
            today={today}
            onCancel={() => onSettingDay(false)}
            onSubmit={(chosen) => {
              onLastDay(chosen);
              onSettingDay(false);
            }}
          />
        ) : (
          <div className={styles.actions}>
            {day && d.state === 'notPlanned' ? (
              <Button appearance="primary" aria-label={t('departures.planFor', { name })} onClick={() => onPlan(day)}>
                {t('departures.plan')}
              </Button>
            ) : null}
            {/* Once booked, the plan carries its dates: the last day is only asked to plan. */}
            {!day && d.state === 'notPlanned' ? (
              <Button aria-label={t('departures.setLastDayFor', { name })} onClick={() => onSettingDay(true)}>
                {t('departures.setLastDay')}
              </Button>
            ) : null}
            {d.source === 'added' && d.state === 'notPlanned' ? (
              <Button appearance="subtle" aria-label={t('departures.remove', { name })} onClick={onRemove}>
                {t('departures.removeShort')}
              </Button>
            ) : null}
          </div>
        )}
      </Card>
    </li>
  );
};
