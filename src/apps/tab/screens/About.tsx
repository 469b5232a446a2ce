import { Body1, Caption1, Link, Subtitle2, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  title: { margin: 0 },
  p: { margin: 0 },
});

/** The source article the agenda comes from: credited by title and author, never quoted. */
export interface ArticleCredit {
  readonly title: string;
  readonly author: string;
  readonly url?: string;
}

export interface AboutProps {
  readonly credit: ArticleCredit;
  readonly version: string;
  readonly mode: 'sandbox' | 'tenant';
}

export const About = ({ credit, version, mode }: AboutProps) => {
  const { t } = useTranslation('tab');
  const styles = useStyles();
  return (
    <article className={styles.root} aria-labelledby="about-title">
      <Title2 as="h2" id="about-title" className={styles.title}>
        {t('about.title')}
      </Title2>
      <Body1 as="p" className={styles.p}>
        {t('about.what')}
      </Body1>
      <Body1 as="p" className={styles.p}>
        {t('about.data')}
      </Body1>
      <Subtitle2 as="h3" className={styles.title}>
        {t('about.creditTitle')}
      </Subtitle2>
      <Body1 as="p" className={styles.p}>
        {t('about.credit', { title: credit.title, author: credit.author })}
        {credit.url && /^https:\/\//i.test(credit.url) ? (
          <>
            {' '}
            <Link href={credit.url} target="_blank" rel="noopener noreferrer">
              {credit.url.replace(/^https:\/\//i, '')}
            </Link>
          </>
        ) : null}
      </Body1>
      <Caption1 as="p" className={styles.p}>
        {t('about.version', { version })} · {t(`about.mode.${mode}`)}
      </Caption1>
    </article>
  );
};
