/**
 * F5 in VS Code with the Microsoft 365 Agents Toolkit (.vscode/launch.json and tasks.json, laid out as
 * Microsoft's samples lay theirs out), checked offline as far as it can be without a tenant or VS Code:
 * the files parse as VS Code parses them (JSON with comments), every name one file gives another exists,
 * the toolkit tasks run the lifecycles m365agents.local.yml has, the background task runs an npm script
 * that exists and serves on the port env/.env.local and the prerequisites check name, the ${{VARIABLE}}s
 * the launches open have somewhere to come from, and the problem matcher's "ready" line is the one
 * `npm run start:tenant` prints once the pages answer (run here as the task runs it).
 * Not checked here (no tenant, no VS Code): the toolkit's own execution of these tasks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { freePort } from '../../fixtures/ports';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseEnvFile } from '../../../scripts/manifest-tools';
import { DEFAULT_PORT } from '../../../scripts/tenant';

const ROOT = join(__dirname, '..', '..', '..');
const read = (rel: string): string => readFileSync(join(ROOT, rel), 'utf8');

/** A .vscode file as VS Code reads it (comments and trailing commas allowed); any syntax error fails with its place. */
const readJsonc = <T>(rel: string): T => {
  const errors: ParseError[] = [];
  const value = parse(read(rel), errors, { allowTrailingComma: true, disallowComments: false }) as T;
  expect(errors.map((e) => `${rel}: ${printParseErrorCode(e.error)} at offset ${e.offset}`)).toEqual([]);
  return value;
};

interface Task {
  label: string;
  type?: string;
  command?: string;
  args?: Record<string, unknown>;
  dependsOn?: string | string[];
  dependsOrder?: string;
  isBackground?: boolean;
  options?: { cwd?: string };
  problemMatcher?: { pattern: { regexp: string }; background: { activeOnStart: boolean; beginsPattern: string; endsPattern: string } };
}
interface LaunchConfig {
  name: string;
  type: string;
  request: string;
  url?: string;
  preLaunchTask?: string;
}
interface Compound {
  name: string;
  configurations: string[];
  preLaunchTask?: string;
  stopAll?: boolean;
}
interface Step {
  uses: string;
  writeToEnvironmentFile?: Record<string, string>;
}
type Lifecycle = 'provision' | 'deploy' | 'publish';
type Project = Partial<Record<Lifecycle, Step[]>>;

const tasks = readJsonc<{ version: string; tasks: Task[] }>('.vscode/tasks.json');
const launch = readJsonc<{ version: string; configurations: LaunchConfig[]; compounds: Compound[] }>('.vscode/launch.json');
const byLabel = new Map(tasks.tasks.map((t) => [t.label, t]));
const dependsOn = (t: Task): string[] => (t.dependsOn === undefined ? [] : typeof t.dependsOn === 'string' ? [t.dependsOn] : t.dependsOn);
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** The commands of the toolkit's "teamsfx" task type (its package.json, contributes.taskDefinitions). */
const TEAMSFX_COMMANDS = new Set(['debug-check-prerequisites', 'debug-start-local-tunnel', 'provision', 'deploy', 'launch-web-client', 'launch-desktop-client', 'install-app']);
const F5_TASK = 'Start Teams App Locally';

/** The task F5 ends on: the background one, which keeps the pages served while the browser is open. */
const startTask = (): Task => {
  const chain = dependsOn(byLabel.get(F5_TASK)!);
  return byLabel.get(chain[chain.length - 1]!)!;
};

/** An environment's variables: its env file's keys and whatever its yml's steps write. */
const environment = (env: 'local' | 'dev', yml: string): Set<string> => {
  const names = new Set(Object.keys(parseEnvFile(read(`env/.env.${env}`))));
  const project = load(read(yml)) as Project;
  for (const lifecycle of ['provision', 'deploy', 'publish'] as const) {
    for (const s of project[lifecycle] ?? []) for (const v of Object.values(s.writeToEnvironmentFile ?? {})) names.add(v);
  }
  return names;
};

describe('.vscode/', () => {
  it('parses as VS Code reads it, and recommends the Agents Toolkit', () => {
    expect(tasks.version).toBe('2.0.0');
    expect(launch.version).toBe('0.2.0');
    const extensions = readJsonc<{ recommendations: string[] }>('.vscode/extensions.json');
    expect(extensions.recommendations).toContain('TeamsDevApp.ms-teams-vscode-extension');
    const settings = readJsonc<Record<string, unknown>>('.vscode/settings.json');
    expect(settings['debug.onTaskErrors']).toBe('abort');
    // Not ignored by git, nor by the linters.
    expect(read('.gitignore')).not.toMatch(/^\/?\.vscode/m);
  });

  it('every task, configuration and compound name it gives is unique, and every one it refers to exists', () => {
    const labels = tasks.tasks.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
    const names = [...launch.configurations.map((c) => c.name), ...launch.compounds.map((c) => c.name)];
    expect(new Set(names).size).toBe(names.length);

    const missing: string[] = [];
    for (const t of tasks.tasks) for (const d of dependsOn(t)) if (!byLabel.has(d)) missing.push(`${t.label} → ${d}`);
    for (const c of [...launch.configurations, ...launch.compounds]) {
      if (c.preLaunchTask !== undefined && !byLabel.has(c.preLaunchTask)) missing.push(`${c.name} → ${c.preLaunchTask}`);
    }
    const configurations = new Set(launch.configurations.map((c) => c.name));
    for (const c of launch.compounds) for (const n of c.configurations) if (!configurations.has(n)) missing.push(`${c.name} → ${n}`);
    expect(missing).toEqual([]);
  });

  it('F5 runs the toolkit chain of the samples: prerequisites, provision and deploy of m365agents.local.yml, then the pages', () => {
    const debug = launch.compounds.filter((c) => c.name.startsWith('Debug in '));
    expect(debug.map((c) => c.name)).toEqual(['Debug in Teams (Edge)', 'Debug in Teams (Chrome)', 'Debug in Outlook (Edge)', 'Debug in Outlook (Chrome)']);
    for (const c of debug) expect({ name: c.name, preLaunchTask: c.preLaunchTask, stopAll: c.stopAll }).toEqual({ name: c.name, preLaunchTask: F5_TASK, stopAll: true });

    const f5 = byLabel.get(F5_TASK)!;
    expect(f5.dependsOrder).toBe('sequence');
    const chain = dependsOn(f5).map((l) => byLabel.get(l)!);
    expect(chain.map((t) => [t.type, t.command])).toEqual([
      ['teamsfx', 'debug-check-prerequisites'],
      ['teamsfx', 'provision'],
      ['teamsfx', 'deploy'],
      ['shell', 'npm run start:tenant'],
    ]);

    const local = load(read('m365agents.local.yml')) as Project;
    for (const t of tasks.tasks.filter((x) => x.type === 'teamsfx')) {
      expect({ label: t.label, known: TEAMSFX_COMMANDS.has(t.command!) }).toEqual({ label: t.label, known: true });
      if (t.command === 'provision' || t.command === 'deploy') {
        // The environment the task names, and a lifecycle with steps in that environment's yml.
        expect(t.args).toEqual({ env: 'local' });
        expect(local[t.command]?.length ?? 0).toBeGreaterThan(0);
      }
    }
    const prerequisites = chain[0]!.args as { prerequisites: string[] };
    expect(prerequisites.prerequisites).toEqual(['nodejs', 'm365Account', 'portOccupancy']);
  });

  it('the pages are served by an npm script that exists, on the port env/.env.local and the port check name', () => {
    const start = startTask();
    expect(start.isBackground).toBe(true);
    expect(start.options?.cwd).toBe('${workspaceFolder}');
    const script = /^npm run ([\w:-]+)$/.exec(start.command ?? '')?.[1];
    expect(script).toBe('start:tenant');
    expect(scripts[script!]).toBe('tsx scripts/tenant.ts serve');

    const localEnv = parseEnvFile(read('env/.env.local'));
    expect(localEnv.TAB_ENDPOINT).toBe(`https://localhost:${DEFAULT_PORT}`);
    expect(localEnv.TAB_DOMAIN).toBe(`localhost:${DEFAULT_PORT}`);
    const checked = byLabel.get(dependsOn(byLabel.get(F5_TASK)!)[0]!)!.args as { portOccupancy: number[] };
    expect(checked.portOccupancy).toEqual([DEFAULT_PORT]);
  });

  it('every ${{VARIABLE}} a launch opens comes from its environment; the F5 launches use the local one only', () => {
    const local = environment('local', 'm365agents.local.yml');
    const remote = environment('dev', 'm365agents.yml');
    const f5 = new Set(launch.compounds.filter((c) => c.preLaunchTask === F5_TASK).flatMap((c) => c.configurations));
    const problems: string[] = [];
    for (const c of launch.configurations) {
      expect({ name: c.name, type: c.type, request: c.request }).toEqual({ name: c.name, type: expect.stringMatching(/^(msedge|chrome)$/), request: 'launch' });
      for (const m of (c.url ?? '').matchAll(/\$\{\{\s*(?:(\w+):)?([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)) {
        const [, env, name] = m as unknown as [string, string | undefined, string];
        if (env !== undefined && env !== 'local') problems.push(`${c.name}: unknown environment ${env}`);
        if (!(env === 'local' ? local : remote).has(name)) problems.push(`${c.name}: ${name} is in no env file nor step output`);
        if (f5.has(c.name) && env !== 'local') problems.push(`${c.name}: F5 provisions "local", but the URL reads \${{${name}}}`);
      }
    }
    expect(problems).toEqual([]);
    // Teams opens the app by its id; each F5 launch has a matching remote one.
    const teams = launch.configurations.filter((c) => c.url?.startsWith('https://teams.microsoft.com/l/app/'));
    expect(teams.map((c) => c.url)).toContain('https://teams.microsoft.com/l/app/${{local:TEAMS_APP_ID}}?installAppPackage=true&webjoin=true&${account-hint}');
    expect(teams.map((c) => c.url)).toContain('https://teams.microsoft.com/l/app/${{TEAMS_APP_ID}}?installAppPackage=true&webjoin=true&${account-hint}');
  });

  it('the hosts the launches open may frame the pages (the CSP header start:tenant and the static host send)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FRAME_ANCESTORS } = require(join(ROOT, 'scripts', 'csp.js')) as { FRAME_ANCESTORS: string[] };
    const hosts = [...new Set(launch.configurations.map((c) => new URL((c.url ?? '').replace(/\$\{[^}]*\}\}?/g, 'x')).origin))].sort();
    expect(hosts).toEqual(['https://outlook.office.com', 'https://teams.microsoft.com']);
    for (const h of hosts) expect(FRAME_ANCESTORS).toContain(h);
  });
});

describe('"Start application", run as VS Code runs it', () => {
  jest.setTimeout(10 * 60_000);
  const CLIENT_ID = '3f0c5a1e-8d4b-4c2a-9e71-5b6d2f8a9c10';
  const matcher = () => startTask().problemMatcher!.background;
  const ends = (): RegExp => new RegExp(matcher().endsPattern);

  it('its background patterns are valid regular expressions, active from the start', () => {
    expect(matcher().activeOnStart).toBe(true);
    expect(() => new RegExp(matcher().beginsPattern)).not.toThrow();
    expect(() => ends()).not.toThrow();
  });

  /** The task's command in a shell, as VS Code starts it; HOME is temporary so the certificates go there. */
  const run = (home: string, extraArgs: string, env: NodeJS.ProcessEnv): ChildProcess =>
    spawn('sh', ['-c', `${startTask().command!}${extraArgs}`], {
      cwd: ROOT,
      // Colours on, as in VS Code's terminal.
      env: { ...process.env, HOME: home, FORCE_COLOR: '1', ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  /** Lines of both streams, as the terminal shows them, up to the first that `stop` accepts, or to the exit. */
  const watchLines = (child: ChildProcess, stop: (line: string) => boolean): Promise<{ lines: string[]; code: number | null }> =>
    new Promise((resolve) => {
      const lines: string[] = [];
      let pending = '';
      let done = false;
      const onData = (d: Buffer) => {
        pending += d.toString();
        const parts = pending.split(/\r?\n/);
        pending = parts.pop()!;
        for (const line of parts) {
          if (done) return;
          lines.push(line);
          if (stop(line)) {
            done = true;
            resolve({ lines, code: null });
          }
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.on('exit', (code) => {
        if (done) return;
        done = true;
        if (pending) lines.push(pending);
        resolve({ lines, code });
      });
    });

  const stopGroup = async (child: ChildProcess) => {
    if (child.pid && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  };

  const status = (url: string, ca: Buffer): Promise<number> =>
    new Promise((resolve, reject) => {
      https.get(url, { ca, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      }).on('error', reject);
    });

  it('the "ready" line comes once, when both pages answer over https', async () => {
    const home = mkdtempSync(join(tmpdir(), 'au-revoir-f5-home-'));
    const port = await freePort();
    const child = run(home, '', { PORT: String(port), AU_REVOIR_CLIENT_ID: CLIENT_ID, AU_REVOIR_CERT_DIR: '' });
    try {
      const endsPattern = ends();
      const { lines, code } = await watchLines(child, (line) => endsPattern.test(line));
      const text = lines.join('\n');
      expect({ code, last: lines[lines.length - 1] }).toEqual({ code: null, last: expect.stringMatching(/webpack [0-9.]+ compiled .*successfully/) });
      // No earlier line ended the wait (VS Code would open the browser on the first match).
      expect(lines.slice(0, -1).filter((l) => endsPattern.test(l))).toEqual([]);
      expect(text).toContain(`on https://localhost:${port}/tab.html and /taskpane.html`);
      // At that moment the pages are there, with the certificate start:tenant made.
      const caPath = join(home, '.office-addin-dev-certs', 'ca.crt');
      expect(existsSync(caPath)).toBe(true);
      const ca = readFileSync(caPath);
      expect(await status(`https://localhost:${port}/tab.html`, ca)).toBe(200);
      expect(await status(`https://localhost:${port}/taskpane.html`, ca)).toBe(200);
    } finally {
      await stopGroup(child);
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('a start:tenant that cannot start ends the wait too, and exits non-zero (so F5 stops)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'au-revoir-f5-home-'));
    // An environment with no file and no client id in the shell: tenant.ts refuses before listening.
    const child = run(home, ' -- --env f5-missing', { AU_REVOIR_CLIENT_ID: '', AAD_APP_CLIENT_ID: '' });
    try {
      const { lines, code } = await watchLines(child, () => false);
      expect(code).toBe(1);
      const endsPattern = ends();
      expect(lines.filter((l) => endsPattern.test(l))).toEqual([expect.stringMatching(/^tenant: invalid configuration/)]);
    } finally {
      await stopGroup(child);
      rmSync(home, { recursive: true, force: true });
    }
  });
});
