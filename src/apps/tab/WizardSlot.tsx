import { Button, MessageBar, MessageBarBody, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { IsoDate, Lang } from '../../domain/types';
import type { AuRevoirService, MailboxSettings, Person, Receipt } from '../../workflows/service';

/** The contract between the Departures screen and the plan wizard (src/apps/tab/wizard/PlanWizard). */
export interface PlanWizardProps {
  readonly service: AuRevoirService;
  readonly manager: Person;
  readonly settings: MailboxSettings;
  readonly leaver: Person;
  readonly lastWorkingDay: IsoDate;
  readonly lang: Lang;
  onClose(): void;
  onBooked(r: Receipt): void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
});

/**
 * Stands in for the plan wizard while it is being built (it lives in ./wizard, owned separately);
 * keeps the screen usable and honest: it says planning is not available rather than faking it.
 */
export const PlanWizard = ({ leaver, onClose }: PlanWizardProps) => {
  const { t } = useTranslation('tab');
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="wizard-placeholder-title">
      <Title2 as="h2" id="wizard-placeholder-title">
        {t('wizardPlaceholder.title', { name: leaver.displayName })}
      </Title2>
      <MessageBar intent="warning">
        <MessageBarBody>{t('wizardPlaceholder.body')}</MessageBarBody>
      </MessageBar>
      <Button onClick={onClose}>{t('wizardPlaceholder.close')}</Button>
    </section>
  );
};
