import { Body1, Caption1, Subtitle2, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { TAB_NAMESPACE } from '../strings';
import type { Localized } from '../../../domain/types';
import { useLang } from '../../../ui';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  title: { margin: 0 },
  p: { margin: 0 },
});

export interface AboutProps {
  /** What the app is and the credit to the source article (domain/about.ts ABOUT). */
  readonly about: Localized;
  readonly version: string;
  readonly mode: 'sandbox' | 'tenant';
}

export const About = ({ about, version, mode }: AboutProps) => {
  const { t } = useTranslation(TAB_NAMESPACE);
  const lang = useLang();
  const styles = useStyles();
  return (
    <article className={styles.root} aria-labelledby="about-title">
      <Title2 as="h2" block id="about-title" className={styles.title}>
        {t('about.title')}
      </Title2>
      <Body1 as="p" block className={styles.p}>
        {about[lang]}
      </Body1>
      <Caption1 as="p" block className={styles.p}>
        {t('about.version', { version })} · {t(`about.mode.${mode}`)}
      </Caption1>
      <section aria-labelledby="about-privacy">
        <Subtitle2 as="h3" block id="about-privacy">
          {t('about.privacyTitle')}
        </Subtitle2>
        <Body1 as="p" block className={styles.p}>
          {t('about.privacy')}
        </Body1>
        <Body1 as="p" block className={styles.p}>
          {t('about.terms')}
        </Body1>
      </section>
    </article>
  );
};
