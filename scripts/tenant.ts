/**
 * The app against a real Microsoft 365 tenant, from the environment files of the Microsoft 365
 * Agents Toolkit (env/.env.<env>, filled by `atk provision` or by hand):
 *
 *   npm run start:tenant [-- --env local]   https://localhost:3000 (PORT), webpack dev server, HTTPS
 *                                            with office-addin-dev-certs' certificate; no sandbox
 *   npm run build:tenant [-- --env dev]      production build of dist/ for the static host
 *
 * Tenant mode: AU_REVOIR_CLIENT_ID is the app registration (AAD_APP_CLIENT_ID in the env file),
 * AU_REVOIR_AUTHORITY its authority (AAD_APP_OAUTH_AUTHORITY: the tenant's, since the registration
 * is single-tenant), AU_REVOIR_GRAPH_URL Graph's v1.0 root. Variables already set in the shell win.
 *
 * The certificate: Teams and Outlook load only https pages, and Microsoft's Office add-in templates
 * serve them with office-addin-dev-certs (a local CA plus a localhost certificate, in
 * ~/.office-addin-dev-certs). This script makes them when they are missing or expire within a day,
 * with that package's own generator, and never touches the system's trust store: trusting the CA is
 * one explicit command, `npx office-addin-dev-certs install` (README, "Run against a real tenant").
 * AU_REVOIR_CERT_DIR puts them elsewhere (the tests use a temporary directory).
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs';
import { certificateDirectory } from 'office-addin-dev-certs/lib/defaults';
import webpack, { type Configuration } from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import { DEFAULT_AUTHORITY, DEFAULT_GRAPH_URL, loadConfig, type TenantConfig } from '../src/config';
import { readToolkitEnv } from './manifest-tools';

const ROOT = resolve(__dirname, '..');

/** `serve`'s port when PORT is unset: env/.env.local's TAB_ENDPOINT and .vscode/tasks.json say the same. */
export const DEFAULT_PORT = 3000;

export interface TenantEnv {
  readonly AU_REVOIR_MODE: 'tenant';
  readonly AU_REVOIR_CLIENT_ID: string;
  readonly AU_REVOIR_AUTHORITY: string;
  readonly AU_REVOIR_GRAPH_URL: string;
}

/** The build's AU_REVOIR_* keys for a toolkit environment; throws a message naming the file to fill. */
export const tenantEnv = (envName: string, shell: NodeJS.ProcessEnv = process.env, root = ROOT): { env: TenantEnv; config: TenantConfig } => {
  const file = join(root, 'env', `.env.${envName}`);
  const fromFile = readToolkitEnv(envName, join(root, 'env'));
  const pick = (...values: Array<string | undefined>): string => values.find((v) => v !== undefined && v.trim() !== '') ?? '';
  const env: TenantEnv = {
    AU_REVOIR_MODE: 'tenant',
    AU_REVOIR_CLIENT_ID: pick(shell.AU_REVOIR_CLIENT_ID, shell.AAD_APP_CLIENT_ID, fromFile.AAD_APP_CLIENT_ID),
    AU_REVOIR_AUTHORITY: pick(shell.AU_REVOIR_AUTHORITY, shell.AAD_APP_OAUTH_AUTHORITY, fromFile.AAD_APP_OAUTH_AUTHORITY, DEFAULT_AUTHORITY),
    AU_REVOIR_GRAPH_URL: pick(shell.AU_REVOIR_GRAPH_URL, DEFAULT_GRAPH_URL),
  };
  try {
    const config = loadConfig(env);
    if (config.mode !== 'tenant') throw new Error('not tenant mode');
    return { env, config };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(
      `${why}\n  Put the app registration's client id in ${file} (AAD_APP_CLIENT_ID=…), or run ` +
        `\`atk provision --env ${envName}\` to register it, or set AU_REVOIR_CLIENT_ID.`,
      { cause: e },
    );
  }
};

export interface DevCertificate {
  readonly ca: Buffer;
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly caPath: string;
  readonly dir: string;
}

const stillValid = (certPath: string, now: Date): boolean => {
  try {
    const cert = new X509Certificate(readFileSync(certPath));
    return new Date(cert.validTo).getTime() - now.getTime() > 24 * 3600 * 1000;
  } catch {
    return false; // unreadable: make new ones
  }
};

/** office-addin-dev-certs' CA and localhost certificate in `dir`, made when missing or expiring. */
export const ensureDevCertificate = async (dir = process.env.AU_REVOIR_CERT_DIR || certificateDirectory, now = new Date()): Promise<DevCertificate> => {
  const caPath = join(dir, 'ca.crt');
  const certPath = join(dir, 'localhost.crt');
  const keyPath = join(dir, 'localhost.key');
  const complete = [caPath, certPath, keyPath].every((p) => existsSync(p));
  if (!complete || !stillValid(certPath, now)) {
    // generateCertificates writes nothing when a CA file is already there: clear a stale set first.
    for (const p of [caPath, certPath, keyPath]) rmSync(p, { force: true });
    await generateCertificates(caPath, certPath, keyPath, 30, ['localhost', '127.0.0.1']);
    // `install` trusts the CA of ~/.office-addin-dev-certs (making a new set if it finds none trusted),
    // so a restart after it picks up the trusted one.
    console.log(`New development certificates in ${dir}. Trust them once: npx office-addin-dev-certs install, then restart.`);
  }
  return { ca: readFileSync(caPath), cert: readFileSync(certPath), key: readFileSync(keyPath), caPath, dir };
};

// webpack.config.js is CommonJS and reads the AU_REVOIR_* keys from process.env when called.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = (mode: 'development' | 'production'): Configuration => (require(join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Configuration)({}, { mode });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contentSecurityPolicy } = require(join(ROOT, 'scripts', 'csp.js')) as { contentSecurityPolicy: (o: object) => string };

const parseArgs = (argv: readonly string[], defaultEnv: string): { env: string } => {
  let env = defaultEnv;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--env' && argv[i + 1]) env = argv[++i]!;
    else throw new Error(`unknown argument ${argv[i]} (use --env NAME)`);
  }
  return { env };
};

const serve = async (argv: readonly string[]): Promise<void> => {
  const { env: envName } = parseArgs(argv, 'local');
  const { env, config } = tenantEnv(envName);
  Object.assign(process.env, env);
  const certificate = await ensureDevCertificate();
  const port = Number(process.env.PORT || DEFAULT_PORT);
  const base = webpackConfig('development');
  const server = new WebpackDevServer(
    {
      ...base.devServer,
      host: 'localhost',
      port,
      server: { type: 'https', options: { ca: certificate.ca, cert: certificate.cert, key: certificate.key } },
      // The static host's header (scripts/csp.js), so the pages behave here as they will there:
      // framing by Teams/Outlook allowed, by anyone else refused.
      headers: { 'Content-Security-Policy': contentSecurityPolicy({ mode: 'tenant', graphUrl: config.graphUrl, authority: config.authority, header: true }) },
      // Build errors show in this terminal; the in-page overlay would be one more frame under the CSP.
      client: { overlay: false },
    },
    webpack({ ...base, devServer: undefined }),
  );
  await server.start();
  console.log(`Au revoir (tenant mode, app ${config.clientId}) on https://localhost:${port}/tab.html and /taskpane.html`);
  console.log(`Certificate: office-addin-dev-certs, CA at ${certificate.caPath}. No Graph sandbox: Graph is ${config.graphUrl}.`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

const build = async (argv: readonly string[]): Promise<void> => {
  const { env: envName } = parseArgs(argv, 'dev');
  const { env, config } = tenantEnv(envName);
  Object.assign(process.env, env);
  const stats = await new Promise<webpack.Stats | undefined>((done, fail) => webpack(webpackConfig('production')).run((err, s) => (err ? fail(err) : done(s))));
  if (!stats || stats.hasErrors()) throw new Error(stats?.toString('errors-only') ?? 'webpack failed');
  console.log(`dist/ built for the tenant (app ${config.clientId}, ${config.authority}), with dist/staticwebapp.config.json`);
};

if (require.main === module) {
  const [command, ...rest] = process.argv.slice(2);
  const run = command === 'serve' ? serve : command === 'build' ? build : undefined;
  if (!run) {
    console.error('usage: tsx scripts/tenant.ts serve|build [--env NAME]');
    process.exit(2);
  }
  run(rest).catch((e: unknown) => {
    console.error(`tenant: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
