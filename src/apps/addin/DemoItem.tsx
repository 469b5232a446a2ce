import { Caption1, Card, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ADDIN_NAMESPACE } from './strings';
import type { MemoryItemState } from '../../hosts/office';

const useStyles = makeStyles({
  card: { margin: tokens.spacingHorizontalM },
  body: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalS,
    maxHeight: '320px',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/**
 * The demo meeting of the plain-browser mode, shown as Outlook would hold it. The body is the HTML
 * the task pane wrote (agenda from renderInviteHtml, every user text escaped), displayed in a
 * sandboxed frame so nothing in it can run.
 */
export const DemoItem = ({ state }: { readonly state: MemoryItemState }) => {
  const { t } = useTranslation(ADDIN_NAMESPACE);
  const styles = useStyles();
  return (
    <Card className={styles.card} aria-labelledby="addin-demo-heading">
      <Subtitle2 as="h2" id="addin-demo-heading">
        {t('host.demoItem')}
      </Subtitle2>
      <Caption1>{t('host.demoSubject')}</Caption1>
      <Text data-testid="demo-subject">{state.subject || '—'}</Text>
      <Caption1>{t('host.demoAttendees')}</Caption1>
      <Text data-testid="demo-attendees">{state.requiredAttendees.map((r) => `${r.displayName} <${r.email}>`).join('; ') || '—'}</Text>
      <Caption1>{t('host.demoCategories')}</Caption1>
      <Text data-testid="demo-categories">{state.categories.join(', ') || '—'}</Text>
      <Caption1>{t('host.demoBody')}</Caption1>
      <iframe className={styles.body} title={t('host.demoBody')} sandbox="" srcDoc={state.bodyHtml} />
    </Card>
  );
};
