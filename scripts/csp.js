// @ts-check
/**
 * The pages' Content-Security-Policy, one builder for the three places it goes: the <meta> of each
 * built page (webpack.config.js), the static host's response header (dist/staticwebapp.config.json,
 * written by the build), and the HTTPS dev server of `npm run start:tenant`.
 *
 * Scripts: only ours ('self'), plus Office.js's CDN on the task pane, which loads it the way every
 * add-in does (src/hosts/office/load.ts). No 'unsafe-inline' or 'unsafe-eval' for scripts: the build
 * emits no inline script and no eval (development builds use a non-eval source map for that reason).
 * Styles need 'unsafe-inline': Fluent UI's Griffel inserts its rules at run time, and a static host
 * cannot mint the per-response nonce that would replace it.
 * Connections: Microsoft Graph and the sign-in authority (from the build's configuration) in tenant
 * mode, the loopback sandbox in sandbox mode, and teams-js's list of valid origins, which it fetches
 * from res.cdn.office.net when imported (node_modules/@microsoft/teams-js .../internal/constants.js,
 * `validOriginsCdnEndpoint`).
 * Framing: `frame-ancestors` is ignored in a <meta> (CSP3, "frame-ancestors"), so it only goes in the
 * header. The hosts are Microsoft's documented list for Teams, Outlook and the Microsoft 365 app:
 * https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/tab-requirements
 * ("Set Content Security Policy headers to allow Teams and any other host applications of your app").
 */

/** Microsoft's list (tab-requirements page above), in its order; 'self' for our own pages. */
const FRAME_ANCESTORS = [
  "'self'",
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
];

const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';
const TEAMS_JS_VALID_DOMAINS_ORIGIN = 'https://res.cdn.office.net';
/**
 * Sandbox mode: the sandbox's URL may come from `?sandbox=` on any loopback port (src/config), and a
 * CSP source can wildcard a port but not list them all. CSP has no syntax for an IPv6 literal, so
 * [::1], which src/config accepts, is not reachable under this policy: use 127.0.0.1 or localhost.
 */
const LOOPBACK_ANY_PORT = ['http://127.0.0.1:*', 'http://localhost:*'];

const { URL } = require('node:url');

const originOf = (/** @type {string} */ url) => new URL(url).origin;

/**
 * @param {{ mode: 'sandbox' | 'tenant', graphUrl?: string, authority?: string, officeJs?: boolean, header?: boolean }} options
 *   `header`: the response-header form, which adds frame-ancestors and allows Office.js (one header
 *   serves both pages; each page's <meta> narrows it, since a page obeys both policies).
 * @returns {string}
 */
function contentSecurityPolicy({ mode, graphUrl = 'https://graph.microsoft.com/v1.0', authority = 'https://login.microsoftonline.com/organizations', officeJs = false, header = false }) {
  const tenant = mode === 'tenant';
  /** @type {Array<[string, string[]]>} */
  const directives = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...(officeJs || header ? [OFFICE_JS_ORIGIN] : [])]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // Photos arrive as data: URLs built from Graph's bytes.
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...(tenant ? [originOf(graphUrl), originOf(authority)] : LOOPBACK_ANY_PORT), TEAMS_JS_VALID_DOMAINS_ORIGIN]],
    // MSAL renews tokens in a hidden iframe on the authority when it is outside Teams/Outlook.
    ['frame-src', tenant ? [originOf(authority)] : ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
  if (header) directives.push(['frame-ancestors', FRAME_ANCESTORS]);
  return directives.map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`).join('; ');
}

/**
 * The Azure Static Web Apps configuration for dist/: the policy as a header on every response, and
 * the usual companions. https://learn.microsoft.com/en-us/azure/static-web-apps/configuration (Global headers, Fallback routes)
 * @param {{ mode: 'sandbox' | 'tenant', graphUrl?: string, authority?: string }} options
 */
function staticWebAppConfig(options) {
  return {
    globalHeaders: {
      'Content-Security-Policy': contentSecurityPolicy({ ...options, header: true }),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    },
    // As the dev server does: an unknown path gets the tab; files are served as they are.
    navigationFallback: { rewrite: '/tab.html', exclude: ['/*.{js,map,png,json,html}', '/icons/*'] },
  };
}

module.exports = { FRAME_ANCESTORS, OFFICE_JS_ORIGIN, TEAMS_JS_VALID_DOMAINS_ORIGIN, contentSecurityPolicy, staticWebAppConfig };
