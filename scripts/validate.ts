/**
 * `npm run validate [-- --manifest PATH] [--env local|dev|prod] [--dist DIR]`
 *
 * Renders the manifest template for an environment (default `local`), validates it offline with
 * office-addin-manifest, checks the localization file, the icons, and that every URL of ours names
 * a page or an icon present in the build output. Exits 0 only when everything holds; otherwise
 * prints one line per problem and exits 1 (2 for bad arguments).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENVS, MANIFEST_DIR, ROOT, checkManifest, isEnvName, loadEnvValues, renderManifest } from './manifest-tools';

interface Args {
  manifest: string;
  env: string;
  dist: string;
}

const parseArgs = (argv: readonly string[]): Args => {
  const args: Args = { manifest: join(MANIFEST_DIR, 'manifest.json'), env: 'local', dist: join(ROOT, 'dist') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--manifest' || flag === '--env' || flag === '--dist') && value !== undefined) {
      args[flag.slice(2) as keyof Args] = flag === '--env' ? value : resolve(value);
      i++;
    } else {
      throw new Error(`unknown argument ${flag ?? ''} (use --manifest PATH, --env ${ENVS.join('|')}, --dist DIR)`);
    }
  }
  return args;
};

export interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** The whole command, minus process.exit: returns the exit code (tests call it in-process). */
export const validateCommand = async (argv: readonly string[], io: Io = consoleIo): Promise<number> => {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err(`validate: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  if (!isEnvName(args.env)) {
    io.err(`validate: unknown environment "${args.env}" (use ${ENVS.join(', ')})`);
    return 2;
  }
  if (!existsSync(args.manifest)) {
    io.err(`validate: ${args.manifest} does not exist`);
    return 1;
  }
  // The URL checks need the pages; build them once when nobody has yet.
  const defaultDist = join(ROOT, 'dist');
  if (args.dist === defaultDist && !existsSync(join(defaultDist, 'taskpane.html'))) {
    io.out('validate: dist/ has no build yet, running `npm run build` first…');
    execFileSync('npm', ['run', '--silent', 'build', '--', '--no-stats'], { cwd: ROOT, stdio: 'inherit' });
  }

  const values = loadEnvValues(args.env, MANIFEST_DIR);
  let problems: string[];
  let dir: string | undefined;
  try {
    const rendered = renderManifest(args.manifest, values);
    dir = rendered.dir;
    // Only the local environment is served from this machine's build; others are checked for form.
    problems = await checkManifest({ rendered, baseUrl: values.BASE_URL!, distDir: args.env === 'local' ? args.dist : undefined });
  } catch (e) {
    problems = [e instanceof Error ? e.message : String(e)];
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }

  const label = `${args.manifest} (${args.env})`;
  if (problems.length) {
    io.err(`✗ ${label}: ${problems.length} problem${problems.length > 1 ? 's' : ''}`);
    for (const p of problems) io.err(`  - ${p}`);
    return 1;
  }
  io.out(`✓ ${label} is valid: schema, localization, icons, and every URL is in ${args.env === 'local' ? args.dist : 'the expected host'}`);
  return 0;
};

if (require.main === module) {
  validateCommand(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error('validate: unexpected failure', e);
      process.exit(1);
    },
  );
}
