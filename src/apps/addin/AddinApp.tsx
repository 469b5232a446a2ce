import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDIN_NAMESPACE } from './strings';
import type { AuthSession } from '../../auth';
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
import { colourPreferences, pageTheme } from '../../hosts/theme';
import { AppProviders, COMMON_NAMESPACE, ErrorBanner, LoadingState, isThemeName, type ThemeName } from '../../ui';
import type { AuRevoirService } from '../../workflows/service';
import { SessionBanner } from './SessionBanner';
import { TaskPane } from './TaskPane';
import { composeAddin } from './composition';
import { langFromLocale } from '../../domain/lang';
import { themeFromBackground } from './page';

// Only outside Outlook (the sandbox demo): its own chunk, so Outlook never downloads it.
const DemoItem = lazy(() => import(/* webpackChunkName: "demo-item" */ './DemoItem').then((m) => ({ default: m.DemoItem })));

const useStyles = makeStyles({
  notice: { padding: tokens.spacingHorizontalM },
});

type Boot =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'notInOutlook' }
  /** A real tenant, and only an interaction can sign in: a button, whose click starts it. */
  | { readonly kind: 'signIn'; readonly session: AuthSession; readonly busy: boolean; readonly error?: unknown; readonly ready: Extract<Boot, { kind: 'ready' }> }
  | {
      readonly kind: 'ready';
      readonly item: MailItemPort;
      readonly missing: readonly Requirement[];
      readonly service: AuRevoirService;
      readonly demo: boolean;
      /** With a real tenant: the session, for the banner when it lapses (SessionBanner). */
      readonly session?: AuthSession;
    };

const newPlanId = () =>
  planId(typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

/** The real clock, one function for the app's life (the task pane's effects depend on it). */
const now = () => new Date();

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
  // The page's shell (src/apps/shell) painted in this same theme: `?theme=`, else the system's.
  const [theme, setTheme] = useState<ThemeName>(() => pageTheme(win.location.search, colourPreferences(win)));
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });
  const [lang, setLang] = useState<Lang>(langFromLocale(paramLang ?? win.navigator.language));
  const [demo, setDemo] = useState<MemoryItemState>();

  useEffect(() => {
    // Read here, not from the render's `params`: the boot runs once per page (win) and build (defines).
    const query = new URLSearchParams(win.location.search);
    const localeParam = query.get('locale') ?? query.get('lang');
    // Whatever a boot finds after an unmount (development's double mount) is not shown.
    let live = true;
    const show = (next: Boot) => {
      if (live) setBoot(next);
    };
    void (async () => {
      try {
        const config = readConfigFromPage(win.location, defines);
        const found = await detectOffice({ win, hostHint: query.get('host') });
        let item: MailItemPort;
        let missing: Requirement[] = [];
        if (found.kind === 'outlook') {
          item = officeMailItem(found.office);
          missing = missingRequirements(found.office, item.kind);
          if (!localeParam && live) setLang(langFromLocale(found.office.context.displayLanguage));
          const officeTheme = themeFromBackground(found.office.context.officeTheme?.bodyBackgroundColor);
          if (!isThemeName(query.get('theme')) && officeTheme && live) setTheme(officeTheme);
        } else if (config.mode === 'sandbox') {
          const state = demoState();
          setDemo({ ...state });
          item = memoryMailItem(state, setDemo);
        } else {
          show({ kind: 'notInOutlook' });
          return;
        }
        const user = query.get('user') ?? item.user?.email;
        const { service, session } = await composeAddin(config, {
          origin: win.location.origin,
          host: win.location.host,
          inOutlook: found.kind === 'outlook',
          ...(user ? { user } : {}),
        });
        const ready = { kind: 'ready', item, missing, service, demo: found.kind !== 'outlook', ...(session ? { session } : {}) } as const;
        // Silent only on load (Outlook's user as the hint); a window only from the "Sign in" click.
        if (session && (await session.restore()).kind !== 'signedIn') {
          show({ kind: 'signIn', session, busy: false, ready });
          return;
        }
        show(ready);
      } catch (e) {
        show({ kind: 'failed', error: e });
      }
    })();
    return () => {
      live = false;
    };
  }, [win, defines]);

  return (
    <AppProviders lang={lang} theme={theme}>
      <Body
        boot={boot}
        demo={demo}
        onSignIn={() => {
          if (boot.kind !== 'signIn') return;
          setBoot({ ...boot, busy: true, error: undefined });
          boot.session.signIn().then(
            () => setBoot(boot.ready),
            (error: unknown) => setBoot({ ...boot, busy: false, error }),
          );
        }}
      />
    </AppProviders>
  );
};

const Body = ({ boot, demo, onSignIn }: { readonly boot: Boot; readonly demo: MemoryItemState | undefined; readonly onSignIn: () => void }) => {
  const { t } = useTranslation(ADDIN_NAMESPACE);
  const styles = useStyles();
  if (boot.kind === 'loading') return <LoadingState />;
  if (boot.kind === 'failed')
    return (
      <div className={styles.notice}>
        <ErrorBanner error={boot.error} />
      </div>
    );
  if (boot.kind === 'signIn')
    return (
      <div className={styles.notice}>
        {boot.error !== undefined ? <ErrorBanner error={boot.error} onRetry={onSignIn} onSignIn={onSignIn} /> : null}
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('host.signInNeeded')}</MessageBarBody>
        </MessageBar>
        <Button appearance="primary" disabled={boot.busy} onClick={onSignIn}>
          {t('session.signIn', { ns: COMMON_NAMESPACE })}
        </Button>
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
      {boot.session ? <SessionBanner session={boot.session} /> : null}
      <TaskPane item={boot.item} service={boot.service} missing={boot.missing} now={now} newPlanId={newPlanId} />
      {boot.demo && demo ? (
        <Suspense fallback={null}>
          <DemoItem state={demo} />
        </Suspense>
      ) : null}
    </>
  );
};
