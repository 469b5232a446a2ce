import { createRoot } from 'react-dom/client';
import packageJson from '../../../package.json';
import { readConfigFromPage } from '../../config';
import { ABOUT } from '../../domain/about';
import { browserHost, connectTabHost } from '../../hosts/teams';
import { AppProviders, ErrorBanner, LoadingState } from '../../ui';
import { TabApp } from './App';
import { composeTab } from './composition';

// Entry of the Teams tab (dist/tab.html): host -> config -> composition -> app.
const container = document.getElementById('root');

const start = async (el: HTMLElement): Promise<void> => {
  const root = createRoot(el);
  // Until the host answers (at once in a browser, after teams-js initialises in Teams), show a spinner
  // in the URL's theme and language.
  const early = browserHost(window.location, window);
  root.render(
    <AppProviders lang={early.lang} theme={early.theme}>
      <LoadingState />
    </AppProviders>,
  );
  try {
    const host = await connectTabHost();
    // webpack's DefinePlugin replaces each `process.env.AU_REVOIR_*` expression at build time.
    const config = readConfigFromPage(window.location, {
      AU_REVOIR_MODE: process.env.AU_REVOIR_MODE,
      AU_REVOIR_SANDBOX_URL: process.env.AU_REVOIR_SANDBOX_URL,
      AU_REVOIR_GRAPH_URL: process.env.AU_REVOIR_GRAPH_URL,
      AU_REVOIR_CLIENT_ID: process.env.AU_REVOIR_CLIENT_ID,
      AU_REVOIR_AUTHORITY: process.env.AU_REVOIR_AUTHORITY,
    });
    const composition = composeTab(config, { origin: window.location.origin, host: window.location.host, inTeams: host.kind === 'teams' });
    root.render(
      <TabApp
        host={host}
        mode={composition.mode}
        createService={composition.createService}
        {...(composition.listSandboxUsers ? { listSandboxUsers: composition.listSandboxUsers } : {})}
        about={ABOUT}
        version={packageJson.version}
        session={window.sessionStorage}
        store={window.localStorage}
      />,
    );
  } catch (e: unknown) {
    console.error('Au revoir could not start', e);
    root.render(
      <AppProviders lang={early.lang} theme={early.theme}>
        <main>
          <ErrorBanner error={e} onRetry={() => window.location.reload()} />
        </main>
      </AppProviders>,
    );
  }
};

if (container) void start(container);
