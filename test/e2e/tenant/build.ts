/**
 * The TENANT build (AU_REVOIR_MODE=tenant, a test client id, the test tenant's authority) in a
 * directory of its own, so it never clobbers dist/ (the sandbox build the other e2e tests use).
 * Built when missing or older than src/ (a few minutes on a loaded machine); AU_REVOIR_E2E_TENANT_DIST
 * points at an existing one instead, used as is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/harness';
import { AUTHORITY, TEST_CLIENT_ID } from './entra';

export const TENANT_DIST = process.env.AU_REVOIR_E2E_TENANT_DIST ?? path.join(ROOT, 'test-results', 'dist-tenant');

/** Newest modification time under `dir` (the sources the bundle is built from). */
const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

/** Builds the tenant bundle unless one newer than every file of src/ is there already. */
export const ensureTenantBuild = (): string => {
  // webpack leaves unchanged files untouched, so the build's own time is kept in a stamp file.
  const stamp = path.join(TENANT_DIST, '.built-at');
  const fresh = existsSync(stamp) && existsSync(path.join(TENANT_DIST, 'auth-redirect.html')) && statSync(stamp).mtimeMs > newest(path.join(ROOT, 'src'));
  if (fresh || process.env.AU_REVOIR_E2E_TENANT_DIST) return TENANT_DIST;
  const started = new Date(); // a source saved during the build is newer than the stamp: rebuilt next time
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--no-stats'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      AU_REVOIR_MODE: 'tenant',
      AU_REVOIR_CLIENT_ID: TEST_CLIENT_ID,
      AU_REVOIR_AUTHORITY: AUTHORITY,
      AU_REVOIR_DIST_DIR: path.relative(ROOT, TENANT_DIST),
    },
  });
  writeFileSync(stamp, started.toISOString());
  utimesSync(stamp, started, started);
  return TENANT_DIST;
};
