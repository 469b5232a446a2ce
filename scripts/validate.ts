/**
 * `npm run validate [-- --manifest PATH] [--env local|dev|prod] [--dist DIR]`
 *
 * Renders the manifest template for an environment (default `local`), validates it offline with
 * office-addin-manifest, checks the localization file, the icons, and that every URL of ours names
 * a page or an icon present in the build output. Then the add-in-only XML manifest for Outlook on
 * Mac and mobile (generated from it, or the copy given with `--xml PATH`): well-formed, valid
 * against Microsoft's XSDs when vendored (scripts/xml-manifest.ts), in step with the unified one,
 * its URLs in the build. Exits 0 only when everything holds; otherwise prints one line per problem
 * and exits 1 (2 for bad arguments).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENVS, MANIFEST_DIR, ROOT, checkManifest, isEnvName, loadEnvValues, renderManifest, stringsWithPaths, type RenderedManifest } from './manifest-tools';
import { checkXmlManifest, xmlManifestFrom } from './xml-manifest';

interface Args {
  manifest: string;
  env: string;
  dist: string;
  /** A copy of the XML manifest to check instead of the generated one. */
  xml?: string;
}

const parseArgs = (argv: readonly string[]): Args => {
  const args: Args = { manifest: join(MANIFEST_DIR, 'manifest.json'), env: 'local', dist: join(ROOT, 'dist') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--manifest' || flag === '--env' || flag === '--dist' || flag === '--xml') && value !== undefined) {
      args[flag.slice(2) as keyof Args] = flag === '--env' ? value : resolve(value);
      i++;
    } else {
      throw new Error(`unknown argument ${flag ?? ''} (use --manifest PATH, --env ${ENVS.join('|')}, --dist DIR, --xml PATH)`);
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
  let xmlReport: { label: string; problems: string[]; xsd: boolean } | undefined;
  let dir: string | undefined;
  try {
    const rendered = renderManifest(args.manifest, values);
    dir = rendered.dir;
    // Only the local environment is served from this machine's build; others are checked for form.
    problems = await checkManifest({ rendered, baseUrl: values.BASE_URL!, distDir: args.env === 'local' ? args.dist : undefined });
    // The XML is derived from the unified manifest: a broken one must not hide the unified manifest's own report.
    xmlReport = await checkXml(rendered, args, values.BASE_URL!).catch((e: unknown) => ({
      label: args.xml ?? 'generated manifest.xml',
      problems: [`cannot derive it from manifest.json: ${e instanceof Error ? e.message : String(e)}`],
      xsd: false,
    }));
  } catch (e) {
    problems = [e instanceof Error ? e.message : String(e)];
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }

  const label = `${args.manifest} (${args.env})`;
  let code = 0;
  if (problems.length) {
    io.err(`✗ ${label}: ${problems.length} problem${problems.length > 1 ? 's' : ''}`);
    for (const p of problems) io.err(`  - ${p}`);
    code = 1;
  } else {
    io.out(`✓ ${label} is valid: schema, localization, icons, and every URL is in ${args.env === 'local' ? args.dist : 'the expected host'}`);
  }
  if (xmlReport) {
    if (xmlReport.problems.length) {
      io.err(`✗ ${xmlReport.label} (Outlook on Mac and mobile): ${xmlReport.problems.length} problem${xmlReport.problems.length > 1 ? 's' : ''}`);
      for (const p of xmlReport.problems) io.err(`  - ${p}`);
      code = 1;
    } else {
      io.out(`✓ ${xmlReport.label} (Outlook on Mac and mobile) is ${xmlReport.xsd ? 'valid against Microsoft’s XSDs' : 'well-formed'}, in step with manifest.json, every URL in the build`);
    }
    if (!xmlReport.xsd) io.out('  ! XSD check skipped: manifest/xsd/ does not hold Microsoft’s schemas yet (docs/outlook-and-teams-setup.md)');
  }
  return code;
};

/** The XML manifest: the given copy, or the one generated from the rendered unified manifest. */
const checkXml = async (rendered: RenderedManifest, args: Args, baseUrl: string): Promise<{ label: string; problems: string[]; xsd: boolean }> => {
  const frFile = join(rendered.dir, 'fr.json');
  const fr = existsSync(frFile) ? (JSON.parse(readFileSync(frFile, 'utf8')) as Record<string, unknown>) : {};
  const label = args.xml ?? 'generated manifest.xml';
  if (args.xml && !existsSync(args.xml)) return { label, problems: [`${args.xml} does not exist`], xsd: false };
  const xml = args.xml ? readFileSync(args.xml, 'utf8') : xmlManifestFrom(rendered.manifest, fr);
  const result = await checkXmlManifest({ xml, manifest: rendered.manifest, fr, label });
  if (args.env === 'local') {
    const host = new URL(baseUrl).host;
    // URLs the unified manifest names are already checked (and reported once) with it.
    const known = new Set(stringsWithPaths(rendered.manifest).map(([, v]) => v));
    for (const m of xml.matchAll(/"(https:\/\/[^"]+)"/g)) {
      const url = new URL(m[1]!.replace(/&amp;/g, '&'));
      if (url.host !== host || known.has(url.href) || known.has(m[1]!.replace(/&amp;/g, '&'))) continue;
      const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
      if (!existsSync(join(args.dist, rel))) result.problems.push(`${url.pathname} is not in the build output (${args.dist})`);
    }
  }
  return { label, ...result, problems: [...new Set(result.problems)] };
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
