// zod's mini build: the same checks, as functions the bundler can leave out when unused; this
// module runs on every page's first screen.
import * as z from 'zod/mini';
import { AppError } from '../domain/errors';

// The pages' Content-Security-Policy allows no 'unsafe-eval' (scripts/csp.js). Zod compiles fast
// parsers with `new Function` after probing for it, and even the caught probe is reported as a
// CSP violation; jitless mode skips both (node_modules/zod/v4/core/util.js, `allowsEval`).
z.config({ jitless: true });

/**
 * The app's configuration, validated once at start. webpack defines the AU_REVOIR_* keys at build
 * time (webpack.config.js); in sandbox mode a `?sandbox=http://127.0.0.1:PORT` query parameter
 * overrides the sandbox URL, so end-to-end tests can start the sandbox on a free port. Only loopback
 * URLs are accepted there: a link must not be able to point the app (and its token) elsewhere.
 */
export interface SandboxConfig {
  readonly mode: 'sandbox';
  readonly sandboxUrl: string;
  /** The sandbox's Graph root: `<sandboxUrl>/v1.0`. */
  readonly graphUrl: string;
}

export interface TenantConfig {
  readonly mode: 'tenant';
  readonly graphUrl: string;
  readonly clientId: string;
  readonly authority: string;
}

export type AppConfig = SandboxConfig | TenantConfig;

export interface ConfigEnv {
  readonly AU_REVOIR_MODE?: string | undefined;
  readonly AU_REVOIR_SANDBOX_URL?: string | undefined;
  readonly AU_REVOIR_GRAPH_URL?: string | undefined;
  readonly AU_REVOIR_CLIENT_ID?: string | undefined;
  readonly AU_REVOIR_AUTHORITY?: string | undefined;
}

export const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:4000';
export const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com/v1.0';
export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com/organizations';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const isLoopbackUrl = (value: string): boolean => {
  if (!URL.canParse(value)) return false;
  const u = new URL(value);
  return (u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK_HOSTS.has(u.hostname) && u.username === '' && u.password === '';
};

const trimSlash = (s: string): string => s.replace(/\/+$/, '');
const emptyToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const loopbackUrl = z.pipe(
  z.string().check(z.trim(), z.refine(isLoopbackUrl, { message: 'the sandbox URL must be http(s) on 127.0.0.1, localhost or [::1]' })),
  z.transform(trimSlash),
);

const httpsUrl = z.pipe(
  z.pipe(z.string().check(z.trim()), z.url()).check(z.refine((v: string) => v.startsWith('https://'), { message: 'must be an https URL' })),
  z.transform(trimSlash),
);

/** `preprocess` of the full build: blank values count as absent (so defaults apply). */
const blankAsAbsent = <T extends z.ZodMiniType>(schema: T) => z.pipe(z.transform(emptyToUndefined), schema);

const schema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('sandbox'),
    sandboxUrl: blankAsAbsent(z._default(loopbackUrl, DEFAULT_SANDBOX_URL)),
  }),
  z.object({
    mode: z.literal('tenant'),
    graphUrl: blankAsAbsent(z._default(httpsUrl, DEFAULT_GRAPH_URL)),
    clientId: blankAsAbsent(z.pipe(z.string().check(z.trim()), z.uuid({ message: 'AU_REVOIR_CLIENT_ID must be the app registration id (a GUID)' }))),
    authority: blankAsAbsent(z._default(httpsUrl, DEFAULT_AUTHORITY)),
  }),
]);

/** Validates the build-time keys; throws AppError `config.invalid` naming the bad keys. */
export const loadConfig = (env: ConfigEnv, overrides: { readonly sandboxUrl?: string } = {}): AppConfig => {
  const mode = emptyToUndefined(env.AU_REVOIR_MODE) ?? 'sandbox';
  const parsed = schema.safeParse(
    mode === 'tenant'
      ? { mode, graphUrl: env.AU_REVOIR_GRAPH_URL, clientId: env.AU_REVOIR_CLIENT_ID, authority: env.AU_REVOIR_AUTHORITY }
      : { mode, sandboxUrl: overrides.sandboxUrl ?? env.AU_REVOIR_SANDBOX_URL },
  );
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'mode'}: ${i.message}`).join('; ');
    throw new AppError({ code: 'config.invalid', detail: `invalid configuration: ${detail}`, params: { detail } });
  }
  const c = parsed.data;
  return c.mode === 'sandbox' ? { mode: 'sandbox', sandboxUrl: c.sandboxUrl, graphUrl: `${c.sandboxUrl}/v1.0` } : c;
};

/**
 * What the build put in, for the pages' entries: webpack's DefinePlugin (webpack.config.js) replaces each
 * `process.env.AU_REVOIR_*` expression below with its value at build time. A function, so that nothing
 * reads process.env when the module is merely imported.
 */
export const buildDefines = (): ConfigEnv => ({
  AU_REVOIR_MODE: process.env.AU_REVOIR_MODE,
  AU_REVOIR_SANDBOX_URL: process.env.AU_REVOIR_SANDBOX_URL,
  AU_REVOIR_GRAPH_URL: process.env.AU_REVOIR_GRAPH_URL,
  AU_REVOIR_CLIENT_ID: process.env.AU_REVOIR_CLIENT_ID,
  AU_REVOIR_AUTHORITY: process.env.AU_REVOIR_AUTHORITY,
});

/**
 * For the apps: the build-time defines plus, in sandbox mode, `?sandbox=` from the page URL.
 * `defines` is what webpack put in process.env (pass `process.env` from the app's entry).
 */
export const readConfigFromPage = (location: Pick<Location, 'search'>, defines: ConfigEnv): AppConfig => {
  const override = new URLSearchParams(location.search).get('sandbox');
  return loadConfig(defines, override ? { sandboxUrl: override } : {});
};
