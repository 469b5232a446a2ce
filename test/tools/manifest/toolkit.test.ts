/**
 * The Microsoft 365 Agents Toolkit project (m365agents.yml, m365agents.local.yml, env/, aad.manifest.json,
 * infra/) checked offline, as far as it can be without a tenant: every action is one the toolkit
 * documents, every file an action names exists, every ${{VARIABLE}} has somewhere to come from, and
 * the package the toolkit asks `npm run package` for carries the ids and host the toolkit provisioned.
 * Actions: https://aka.ms/teamsfx-actions (the v1.9 yaml schema of @microsoft/m365agentstoolkit-cli).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { load } from 'js-yaml';
import { MANIFEST_DIR, loadEnvValues, parseEnvFile } from '../../../scripts/manifest-tools';
import { tenantEnv } from '../../../scripts/tenant';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const read = (rel: string): string => readFileSync(join(ROOT, rel), 'utf8');

/** The actions of the toolkit's yaml schema v1.9 (definitions → `uses` constants). */
const DOCUMENTED_ACTIONS = new Set([
  'aadApp/create', 'aadApp/update', 'arm/deploy', 'azureAppService/zipDeploy', 'azureFunctions/zipDeploy',
  'azureStaticWebApps/getDeploymentToken', 'azureStorage/deploy', 'azureStorage/enableStaticWebsite',
  'cli/runNpmCommand', 'cli/runNpxCommand', 'cli/runDotnetCommand', 'devTool/install', 'file/createOrUpdateEnvironmentFile',
  'file/createOrUpdateJsonFile', 'script', 'teamsApp/create', 'teamsApp/update', 'teamsApp/validateManifest',
  'teamsApp/validateAppPackage', 'teamsApp/zipAppPackage', 'teamsApp/publishAppPackage', 'teamsApp/extendToM365',
]);

interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Project {
  version: string;
  environmentFolderPath?: string;
  provision?: Step[];
  deploy?: Step[];
  publish?: Step[];
}

const PROJECTS = [
  { file: 'm365agents.local.yml', env: 'local' },
  { file: 'm365agents.yml', env: 'dev' },
] as const;

const variablesIn = (text: string): string[] => [...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!);

describe.each(PROJECTS)('$file', ({ file, env }) => {
  const project = load(read(file)) as Project;
  const steps = [...(project.provision ?? []), ...(project.deploy ?? []), ...(project.publish ?? [])];
  const envFile = join('env', `.env.${env}`);

  it('is a v1.9 project whose every action the toolkit documents', () => {
    expect(project.version).toBe('v1.9');
    expect(project.environmentFolderPath).toBe('./env');
    expect(existsSync(join(ROOT, envFile))).toBe(true);
    expect(steps.length).toBeGreaterThan(3);
    for (const s of steps) expect({ uses: s.uses, documented: DOCUMENTED_ACTIONS.has(s.uses) }).toEqual({ uses: s.uses, documented: true });
  });

  it('names only files that exist, and packages where `npm run package` writes', () => {
    for (const s of steps) {
      const w = s.with ?? {};
      if (s.uses === 'aadApp/update') expect(existsSync(join(ROOT, String(w.manifestPath)))).toBe(true);
      if (s.uses === 'arm/deploy') {
        for (const t of w.templates as { path: string; parameters: string }[]) {
          expect(existsSync(join(ROOT, t.path))).toBe(true);
          expect(existsSync(join(ROOT, t.parameters))).toBe(true);
        }
      }
      if ('appPackagePath' in w) expect(w.appPackagePath).toBe(`./dist/package/au-revoir-${env}.zip`);
      if (s.uses === 'cli/runNpmCommand' && String(w.args).startsWith('run package')) {
        expect(w.args).toBe(`run package -- --env ${env}`);
        expect(existsSync(join(ROOT, 'manifest', 'env', `${env}.json`))).toBe(true);
      }
      if (s.uses === 'cli/runNpmCommand' && String(w.args).startsWith('run ')) {
        const script = String(w.args).split(/\s+/)[1]!;
        expect(Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts)).toContain(script);
      }
    }
    // The registration is updated from the same manifest the scopes test reads.
    expect(steps.some((s) => s.uses === 'aadApp/update' && s.with?.manifestPath === './aad.manifest.json')).toBe(true);
  });

  it('every ${{VARIABLE}} it uses is in its env file, written by one of its steps, or a toolkit built-in', () => {
    const declared = new Set(Object.keys(parseEnvFile(read(envFile))));
    for (const s of steps) for (const v of Object.values(s.writeToEnvironmentFile ?? {})) declared.add(v);
    const used = [
      ...variablesIn(read(file)),
      ...variablesIn(read('aad.manifest.json')),
      ...(steps.some((s) => s.uses === 'arm/deploy') ? variablesIn(read('infra/azure.parameters.json')) : []),
    ];
    const missing = [...new Set(used)].filter((v) => !declared.has(v) && v !== 'TEAMSFX_ENV' && !v.startsWith('SECRET_'));
    expect(missing).toEqual([]);
    // Secrets are written by the toolkit to the git-ignored .user file, never to the template.
    expect(read(envFile)).not.toMatch(/^SECRET_/m);
    expect(read('.gitignore')).toContain('env/.env.*.user');
  });
});

describe('the toolkit environment reaches the build and the package', () => {
  const GUID = '0b7e2f4c-6a1d-4e3b-9c8f-2d5a7e1b3c90';

  it('start:tenant and build:tenant read the client id and authority the toolkit wrote; a missing id names the file to fill', () => {
    const root = mkdtempSync(join(tmpdir(), 'au-revoir-toolkit-env-'));
    try {
      mkdirSync(join(root, 'env'));
      writeFileSync(join(root, 'env', '.env.local'), read('env/.env.local'));
      expect(() => tenantEnv('local', {}, root)).toThrow(/env\/\.env\.local \(AAD_APP_CLIENT_ID=…\)/);

      writeFileSync(join(root, 'env', '.env.local'), `# filled\nAAD_APP_CLIENT_ID=${GUID}\nAAD_APP_OAUTH_AUTHORITY="https://login.microsoftonline.com/contoso.onmicrosoft.com"\n`);
      const { env, config } = tenantEnv('local', {}, root);
      expect(env).toEqual({
        AU_REVOIR_MODE: 'tenant',
        AU_REVOIR_CLIENT_ID: GUID,
        AU_REVOIR_AUTHORITY: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
        AU_REVOIR_GRAPH_URL: 'https://graph.microsoft.com/v1.0',
      });
      expect(config.mode).toBe('tenant');
      // The shell wins over the file.
      const other = '9d3c1b2a-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
      expect(tenantEnv('local', { AU_REVOIR_CLIENT_ID: other }, root).env.AU_REVOIR_CLIENT_ID).toBe(other);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  // The README's hand path: an app registered in the Entra admin centre, its id written in env/.env.local,
  // then `npm run package -- --env local` from a plain shell. The package must carry that id, the one the
  // pages served by start:tenant sign in with, not the placeholder of manifest/env/local.json.
  it('a client id written by hand in env/.env.<env> reaches the package values; a non-empty shell value wins', () => {
    const envDir = mkdtempSync(join(tmpdir(), 'au-revoir-toolkit-env-'));
    try {
      const placeholder = loadEnvValues('local', MANIFEST_DIR, {}, envDir).CLIENT_ID;
      expect(placeholder).not.toBe(GUID);
      writeFileSync(join(envDir, '.env.local'), `${read('env/.env.local')}\nAAD_APP_CLIENT_ID=${GUID}\nTEAMS_APP_ID="7c1e9a2b-3d4f-4a5b-8c6d-1e2f3a4b5c6d"\n`);
      const values = loadEnvValues('local', MANIFEST_DIR, { AAD_APP_CLIENT_ID: '  ' }, envDir);
      expect(values.CLIENT_ID).toBe(GUID);
      expect(values.APP_ID).toBe('7c1e9a2b-3d4f-4a5b-8c6d-1e2f3a4b5c6d');
      expect(values.BASE_URL).toBe('https://localhost:3000'); // the template's TAB_ENDPOINT
      const other = '9d3c1b2a-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
      expect(loadEnvValues('local', MANIFEST_DIR, { AAD_APP_CLIENT_ID: other }, envDir).CLIENT_ID).toBe(other);
    } finally {
      rmSync(envDir, { recursive: true, force: true });
    }
  });

  it('`npm run package`, run by the toolkit, puts its host, app id and client id in a package that validates offline', async () => {
    const toolkitEnv = {
      ...process.env,
      TAB_ENDPOINT: 'https://aurevoir-test.azurestaticapps.net',
      TEAMS_APP_ID: '7c1e9a2b-3d4f-4a5b-8c6d-1e2f3a4b5c6d',
      AAD_APP_CLIENT_ID: GUID,
    };
    const r = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(process.execPath, [TSX, join(ROOT, 'scripts', 'package.ts'), '--env', 'dev'], { cwd: ROOT, env: toolkitEnv }, (err, _out, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stderr }),
      ),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0); // package.ts writes nothing unless the schema check passes
    const m = JSON.parse(new AdmZip(join(ROOT, 'dist', 'package', 'au-revoir-dev.zip')).readAsText('manifest.json')) as {
      id: string;
      staticTabs: { contentUrl: string }[];
      validDomains: string[];
      webApplicationInfo: { id: string; nestedAppAuthInfo: { redirectUri: string }[] };
      developer: { privacyUrl: string };
    };
    expect(m.id).toBe(toolkitEnv.TEAMS_APP_ID);
    expect(m.webApplicationInfo.id).toBe(GUID);
    expect(m.staticTabs[0]!.contentUrl).toBe('https://aurevoir-test.azurestaticapps.net/tab.html?host=teams&theme={theme}&locale={locale}');
    expect(m.validDomains).toEqual(['aurevoir-test.azurestaticapps.net']);
    expect(m.webApplicationInfo.nestedAppAuthInfo[0]!.redirectUri).toBe('brk-multihub://aurevoir-test.azurestaticapps.net');
    expect(m.developer.privacyUrl).toBe('https://aurevoir-test.azurestaticapps.net/tab.html?host=web#about');
  }, 120_000);
});
