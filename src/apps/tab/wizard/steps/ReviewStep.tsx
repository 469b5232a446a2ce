import type { ReactNode } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useWizard } from '../context';
import { formatLocalWhen, type StepId } from '../draft';
import { COMMON_NAMESPACE } from '../../../../ui/strings';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0 },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

/** The whole plan on one page, each part with a way back to its step. */
export const ReviewStep = () => {
  const { t, lang, ctx, zone, draft, cadencePlan, goTo, problems } = useWizard();
  const touchpointCount = cadencePlan?.touchpoints.length;
  const styles = useStyles();
  const stepName = (s: StepId) => t(`steps.${s}`);

  const item = (step: StepId, title: string, lines: ReactNode[]) => (
    <div className={styles.item}>
      <dl className={styles.body}>
        <dt className={styles.term}>{title}</dt>
        {lines.map((l, i) => (
          <dd key={i} className={styles.detail}>
            {l}
          </dd>
        ))}
      </dl>
      <Button appearance="secondary" size="small" onClick={() => goTo(step)} aria-label={t('review.goTo', { step: stepName(step) })}>
        {t('review.edit')}
      </Button>
    </div>
  );

  const langName = draft.agendaLang === 'fr' ? t('conversation.agendaLangFr', { ns: COMMON_NAMESPACE }) : t('conversation.agendaLangEn', { ns: COMMON_NAMESPACE });
  const personal = [draft.personalEmail, draft.mobilePhone, draft.profileUrl, draft.nextCompany, draft.nextRole]
    .map((v) => v.trim())
    .filter((v) => v !== '');

  return (
    <div className={styles.list}>
      <Text>{t('review.intro')}</Text>
      {item('when', t('review.conversation'), [
        draft.start
          ? t('review.when', { when: formatLocalWhen(draft.start, zone, lang), length: draft.durationMinutes })
          : t('when.noneChosen'),
        draft.placeKind === 'teams' ? t('review.teams') : t('review.place', { location: draft.location }),
        t('review.attendee', { name: ctx.leaver.displayName, email: ctx.leaver.mail }),
      ])}
      {item('agenda', t('review.agenda', { lang: langName }), [
        t('review.agendaSections', { count: draft.agenda.sections.length }),
        draft.prepReminder ? t('review.prep') : t('review.noPrep'),
      ])}
      {item('contact', t('review.contact'), [
        ctx.leaver.displayName,
        ...(draft.consent ? [t('review.consentYes'), ...personal] : [t('review.consentNo')]),
      ])}
      {item('reconnect', t('review.reminders'), [
        draft.reconnect && touchpointCount !== undefined
          ? t('reconnect.timelineCount', { count: touchpointCount })
          : t('review.remindersOff'),
      ])}
      {problems.banner('review')}
    </div>
  );
};
