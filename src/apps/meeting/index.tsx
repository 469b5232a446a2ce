import { createRoot } from 'react-dom/client';
import { browserMeetingHost, connectMeetingHost } from '../../hosts/teams';
import { AppProviders, ErrorBanner, LoadingState } from '../../ui';
import { MeetingApp } from './MeetingApp';
import { buildDefines } from '../../config';

// Entry of the meeting side panel (dist/meeting.html): host -> app (config and service inside).
const container = document.getElementById('root');

const start = async (el: HTMLElement): Promise<void> => {
  const root = createRoot(el);
  const early = browserMeetingHost(window.location, window);
  root.render(
    <AppProviders lang={early.lang} theme={early.theme}>
      <LoadingState />
    </AppProviders>,
  );
  try {
    const host = await connectMeetingHost();
    root.render(
      <MeetingApp
        host={host}
        location={window.location}
        session={window.sessionStorage}
        defines={buildDefines()}
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
