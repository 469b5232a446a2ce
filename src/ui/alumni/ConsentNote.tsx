import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ConsentRecord } from '../../domain/alumni';
import { formatDate } from '../format';
import { useLang } from '../hooks';
import { OUTCOMES_NAMESPACE } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  text: { overflowWrap: 'anywhere' },
});

/** When, how and to which words the leaver agreed that their details be kept. */
export const ConsentNote = ({ consent }: { readonly consent?: ConsentRecord | undefined }) => {
  const { t } = useTranslation(OUTCOMES_NAMESPACE);
  const lang = useLang();
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid="consent-note">
      <Text weight="semibold">{t('consent.title')}</Text>
      {consent ? (
        <Caption1 className={styles.text}>
          {t('consent.given', { date: formatDate(consent.givenAt, lang), channel: t(`consent.channel.${consent.channel}`) })}{' '}
          {/* The sentence as the leaver read it, in its own language (which may not be the UI's). */}
          <q lang={consent.lang}>{consent.text}</q>
        </Caption1>
      ) : (
        <Caption1>{t('consent.unknown')}</Caption1>
      )}
    </div>
  );
};
