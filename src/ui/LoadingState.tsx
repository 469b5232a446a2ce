import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { COMMON_NAMESPACE } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXXL },
});

/** A spinner with its label, announced politely to screen readers. */
export const LoadingState = ({ label }: { readonly label?: string }) => {
  const { t } = useTranslation(COMMON_NAMESPACE);
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={styles.root}>
      <Spinner label={label ?? t('loading.default')} labelPosition="below" />
    </div>
  );
};
