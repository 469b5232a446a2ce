import { Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readConfigFromPage, type ConfigEnv } from '../../config';
import type { GuideSection } from '../../domain/meeting';
import type { HostTheme, MeetingHost } from '../../hosts/teams';
import { AppProviders, EmptyState, ErrorBanner, LoadingState } from '../../ui';
import { useLoad, type LoadState } from '../../ui/useLoad';
import type { MeetingPlan, MeetingService } from '../../workflows';
import { SANDBOX_USER_KEY } from '../shell/early';
import { readGuide } from './agenda';
import { composeMeeting } from './composition';
import { MEETING_NAMESPACE } from './strings';
import { MeetingPanel, type PanelSession } from './MeetingPanel';

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalM }, title: { marginBottom: tokens.spacingVerticalM } });

/** What the frame shows, once known. */
type Opened =
  | { readonly kind: 'settings' }
  | { readonly kind: 'notInMeeting' }
  | { readonly kind: 'notBooked' }
  | { readonly kind: 'ready'; readonly plan: MeetingPlan; readonly sections: readonly GuideSection[]; readonly service: MeetingService };

export interface MeetingAppProps {
  readonly host: MeetingHost;
  readonly location: Pick<Location, 'search' | 'origin' | 'host'>;
  readonly defines: ConfigEnv;
  readonly session: PanelSession;
  /** Injected so tests can fake the service and the clock. */
  readonly connect?: (user: string | undefined) => Promise<MeetingService>;
  readonly now?: () => Date;
}

const Body = ({ state: loaded, session, now }: { state: LoadState<Opened>; session: PanelSession; now: () => Date }) => {
  const { t } = useTranslation(MEETING_NAMESPACE);
  const styles = useStyles();
  if (loaded.status === 'loading') return <LoadingState />;
  if (loaded.status === 'error') {
    return (
      <main className={styles.page}>
        <ErrorBanner error={loaded.error} onRetry={() => window.location.reload()} />
      </main>
    );
  }
  const state = loaded.data;
  switch (state.kind) {
    case 'settings':
      return (
        <main className={styles.page}>
          <Title3 as="h1" block className={styles.title}>
            {t('title')}
          </Title3>
          <EmptyState headingLevel="h2" title={t('settings.heading')} body={t('settings.body')} />
        </main>
      );
    case 'notInMeeting':
      return (
        <main className={styles.page}>
          <Title3 as="h1" block className={styles.title}>
            {t('title')}
          </Title3>
          <EmptyState headingLevel="h2" title={t('notInMeeting.title')} body={t('notInMeeting.body')} />
        </main>
      );
    case 'notBooked':
      return (
        <main className={styles.page}>
          <Title3 as="h1" block className={styles.title}>
            {t('title')}
          </Title3>
          <EmptyState headingLevel="h2" title={t('notBooked.title')} body={t('notBooked.body')} />
        </main>
      );
    case 'ready':
      return <MeetingPanel plan={state.plan} sections={state.sections} service={state.service} session={session} now={now} />;
  }
};

/**
 * The meeting side panel (dist/meeting.html): in Teams' configuration frame it offers the tab for
 * saving; in the meeting it finds the plan from the meeting's chat thread and shows the guide.
 */
export const MeetingApp = ({ host, location, defines, session, connect, now = () => new Date() }: MeetingAppProps) => {
  const [theme, setTheme] = useState<HostTheme>(host.theme);

  useEffect(() => host.onThemeChange(setTheme), [host]);

  // Opened once, when the frame loads (the props name one meeting frame for the page's life): a theme
  // change or any other re-render does not look the plan up again.
  const { state } = useLoad<Opened>(async () => {
    try {
      if (host.frame === 'settings') {
        const base = `${location.origin}/meeting.html`;
        await host.offerTabConfig({
          contentUrl: `${base}?host=teams`,
          websiteUrl: `${base}?host=web`,
          entityId: 'au-revoir-meeting-guide',
          suggestedDisplayName: 'Au revoir',
        });
        return { kind: 'settings' };
      }
      if (!host.threadId) return { kind: 'notInMeeting' };
      const params = new URLSearchParams(location.search);
      const user = params.get('user') ?? session.getItem(SANDBOX_USER_KEY) ?? host.userPrincipalName;
      const service = connect
        ? await connect(user ?? undefined)
        : await composeMeeting(readConfigFromPage(location, defines), {
            origin: location.origin,
            host: location.host,
            inTeams: host.kind === 'teams',
            ...(user ? { user } : {}),
          });
      const plan = await service.findPlan(host.threadId);
      return plan ? { kind: 'ready', plan, sections: readGuide(plan.bodyHtml), service } : { kind: 'notBooked' };
    } finally {
      host.notifyReady();
    }
  });

  return (
    <AppProviders lang={host.lang} theme={theme}>
      <Body state={state} session={session} now={now} />
    </AppProviders>
  );
};
