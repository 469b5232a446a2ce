import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readConfigFromPage, type ConfigEnv } from '../../config';
import { planId, type Lang } from '../../domain/types';
import {
  detectOffice,
  memoryMailItem,
  missingRequirements,
  officeMailItem,
  type MailItemPort,
  type MemoryItemState,
  type Requirement,
} from '../../hosts/office';
import { AppProviders, ErrorBanner, LoadingState, isThemeName, type ThemeName } from '../../ui';
import type { AuRevoirService } from '../../workflows/service';
import { DemoItem } from './DemoItem';
import { TaskPane } from './TaskPane';
import { composeAddin } from './composition';
import './i18n';
import { langFromLocale, themeFromBackground } from './plan';

const useStyles = makeStyles({
  notice: { padding: tokens.spacingHorizontalM },
});

type Boot =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'notInOutlook' }
  | {
      readonly kind: 'ready';
      readonly item: MailItemPort;
      readonly missing: readonly Requirement[];
      readonly service: AuRevoirService;
      readonly demo: boolean;
    };

const newPlanId = () =>
  planId(typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

/** A new meeting, as Outlook opens one with "Teams meeting" on: what the demo starts from. */
const demoState = (): MemoryItemState => {
  const start = new Date(Date.now() + 7 * 86_400_000);
  start.setMinutes(0, 0, 0);
  return {
    kind: 'appointmentCompose',
    subject: '',
    bodyHtml:
      '<html><body><div><br></div><div>________________________________________________________________________________</div>' +
      '<div><b>Microsoft Teams meeting</b></div><div>Join: <a href="https://teams.microsoft.com/l/meetup-join/demo">https://teams.microsoft.com/l/meetup-join/demo</a></div>' +
      '<div>________________________________________________________________________________</div></body></html>',
    requiredAttendees: [],
    categories: [],
    start,
    end: new Date(start.getTime() + 45 * 60_000),
  };
};

export interface AddinAppProps {
  readonly win: Window;
  /** What webpack defined at build time (process.env.AU_REVOIR_*). */
  readonly defines: ConfigEnv;
}

/**
 * Boots the task pane: finds Outlook (or the test host standing in for it), checks the requirement
 * sets, wires the service, and shows the pane in the user's language. In a plain browser it says
 * it belongs in Outlook; against the sandbox it runs on a demo meeting instead.
 */
export const AddinApp = ({ win, defines }: AddinAppProps) => {
  const params = new URLSearchParams(win.location.search);
  const paramLang = params.get('locale') ?? params.get('lang');
  const paramTheme = params.get('theme');
  const [theme, setTheme] = useState<ThemeName>(isThemeName(paramTheme) ? paramTheme : 'default');
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });
  const [lang, setLang] = useState<Lang>(langFromLocale(paramLang ?? win.navigator.language));
  const [demo, setDemo] = useState<MemoryItemState>();

  useEffect(() => {
    void (async () => {
      try {
        const config = readConfigFromPage(win.location, defines);
        const found = await detectOffice({ win, hostHint: params.get('host') });
        let item: MailItemPort;
        let missing: Requirement[] = [];
        if (found.kind === 'outlook') {
          item = officeMailItem(found.office);
          missing = missingRequirements(found.office, item.kind);
          if (!paramLang) setLang(langFromLocale(found.office.context.displayLanguage));
          const officeTheme = themeFromBackground(found.office.context.officeTheme?.bodyBackgroundColor);
          if (!isThemeName(paramTheme) && officeTheme) setTheme(officeTheme);
        } else if (config.mode === 'sandbox') {
          const state = demoState();
          setDemo({ ...state });
          item = memoryMailItem(state, setDemo);
        } else {
          setBoot({ kind: 'notInOutlook' });
          return;
        }
        const user = params.get('user') ?? item.user?.email;
        const service = await composeAddin(config, {
          origin: win.location.origin,
          host: win.location.host,
          inOutlook: found.kind === 'outlook',
          ...(user ? { user } : {}),
        });
        setBoot({ kind: 'ready', item, missing, service, demo: found.kind !== 'outlook' });
      } catch (e) {
        setBoot({ kind: 'failed', error: e });
      }
    })();
  }, []);

  return (
    <AppProviders lang={lang} theme={theme}>
      <Body boot={boot} demo={demo} />
    </AppProviders>
  );
};

const Body = ({ boot, demo }: { readonly boot: Boot; readonly demo: MemoryItemState | undefined }) => {
  const { t } = useTranslation('addin');
  const styles = useStyles();
  if (boot.kind === 'loading') return <LoadingState />;
  if (boot.kind === 'failed')
    return (
      <div className={styles.notice}>
        <ErrorBanner error={boot.error} />
      </div>
    );
  if (boot.kind === 'notInOutlook')
    return (
      <div className={styles.notice}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('host.notInOutlook')}</MessageBarBody>
        </MessageBar>
      </div>
    );
  return (
    <>
      {boot.demo ? (
        <div className={styles.notice}>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t('host.demo')}</MessageBarBody>
          </MessageBar>
        </div>
      ) : null}
      <TaskPane item={boot.item} service={boot.service} missing={boot.missing} now={() => new Date()} newPlanId={newPlanId} />
      {boot.demo && demo ? <DemoItem state={demo} /> : null}
    </>
  );
};
