import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

/**
 * The page the identity platform sends the sign-in popup (and MSAL's silent iframe) back to, in a plain
 * browser. msal-browser 5 no longer reads the popup's address from the app: this page hands the
 * response to the waiting app (a BroadcastChannel) and the popup closes. The admin-consent endpoint
 * comes back here too, with `admin_consent=True` and no MSAL state: that one goes to the tab.
 */
const params = new URLSearchParams(window.location.search);
if (params.has('admin_consent')) {
  window.location.replace(`${window.location.origin}/tab.html`);
} else {
  broadcastResponseToMainFrame().catch((e: unknown) => {
    // Nothing to show in a popup that is about to close; the app reports the failed sign-in.
    console.error('Au revoir: the sign-in response could not be handed back to the app', e instanceof Error ? e.message : String(e));
  });
}
