/**
 * How the task pane finds its host: Office.js only when Outlook opened it, a clear message in a
 * plain browser, and the test host (an `Office` already on the page) used as is.
 */
import { render, screen } from '@testing-library/react';
import { AddinApp } from '../../../src/apps/addin/AddinApp';
import { OFFICE_JS_URL, detectOffice, type OfficeApi } from '../../../src/hosts/office';
import { resetI18nForTests } from '../../../src/ui';

const officeScripts = (): HTMLScriptElement[] =>
  [...document.querySelectorAll('script')].filter((s) => s.src.includes('appsforoffice') || s.src.includes('office.js'));

afterEach(() => {
  for (const s of officeScripts()) s.remove();
  delete (window as { Office?: unknown }).Office;
});

describe('detectOffice', () => {
  it('in a plain browser, loads nothing and says there is no Office', async () => {
    await expect(detectOffice({ win: window, hostHint: null })).resolves.toEqual({ kind: 'browser', reason: 'noOfficeJs' });
    expect(officeScripts()).toEqual([]);
  });

  it('when Outlook opened the page, injects the CDN script, then waits for Office.onReady', async () => {
    const pending = detectOffice({ win: window, hostHint: 'outlook' });
    const [script] = officeScripts();
    expect(script?.src).toBe(OFFICE_JS_URL);
    // What the CDN script does when it runs: define the global.
    const office = {
      onReady: async () => ({ host: 'Outlook', platform: 'PC' }),
      context: { mailbox: { item: { itemType: 'appointment' } } },
    } as unknown as OfficeApi;
    (window as { Office?: unknown }).Office = office;
    script!.dispatchEvent(new Event('load'));
    await expect(pending).resolves.toEqual({ kind: 'outlook', office });
  });

  it('when Office.onReady says there is no host, treats the page as a plain browser', async () => {
    (window as { Office?: unknown }).Office = { onReady: async () => ({ host: null, platform: null }), context: {} };
    await expect(detectOffice({ win: window, hostHint: null })).resolves.toEqual({ kind: 'browser', reason: 'noHost' });
  });

  it('reports a CDN that cannot be reached as a network error, not a hang', async () => {
    const pending = detectOffice({ win: window, hostHint: 'outlook' });
    officeScripts()[0]!.dispatchEvent(new Event('error'));
    await expect(pending).rejects.toMatchObject({ code: 'network' });
  });
});

describe('AddinApp in a plain browser with a real tenant configured', () => {
  it('says, in French, that the page belongs in Outlook', async () => {
    resetI18nForTests();
    window.history.replaceState(null, '', '/taskpane.html?locale=fr');
    render(
      <AddinApp
        win={window}
        defines={{ AU_REVOIR_MODE: 'tenant', AU_REVOIR_CLIENT_ID: '414da15d-c7ee-453d-8b4c-014b24fcc691' }}
      />,
    );
    expect(await screen.findByText('Cette page s’ouvre dans Outlook, avec le bouton Au revoir d’une réunion ou d’un message.')).toBeInTheDocument();
    expect(officeScripts()).toEqual([]);
  });
});
