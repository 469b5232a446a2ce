/**
 * `npm run conformance [-- --graph https://graph.microsoft.com/v1.0] [--token-env NAME] [--only TEXT]
 *                        [--allow-settings-writes] [--list]`
 *
 * Runs the conformance cases (test/conformance) and prints one line per case: pass/fail/skip, id, source.
 * Without --graph it starts an in-process sandbox on a free port and signs in as its seeded manager. With
 * --graph it runs against that endpoint with the bearer token in $AU_REVOIR_GRAPH_TOKEN (or --token-env),
 * creating only tagged objects ("[au-revoir-conformance]" + an extended property) and deleting them; cases
 * that need sandbox-only set-up are skipped with the reason. Exits 1 when a case fails, 2 for bad arguments.
 */
import { randomUUID } from 'node:crypto';
import type { RunState, Target } from '../test/conformance/context';
import { allCases, runCase, startSandboxTarget } from '../test/conformance/index';
import type { SandboxTarget } from '../test/conformance/run';

interface Args {
  graph?: string;
  tokenEnv: string;
  only?: string;
  allowSettingsWrites: boolean;
  list: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { tokenEnv: 'AU_REVOIR_GRAPH_TOKEN', allowSettingsWrites: false, list: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--graph' && value) {
      args.graph = value.replace(/\/+$/, '');
      i++;
    } else if (flag === '--token-env' && value) {
      args.tokenEnv = value;
      i++;
    } else if (flag === '--only' && value) {
      args.only = value;
      i++;
    } else if (flag === '--allow-settings-writes') args.allowSettingsWrites = true;
    else if (flag === '--list') args.list = true;
    else throw new Error(`unknown argument ${flag ?? ''} (use --graph URL, --token-env NAME, --only TEXT, --allow-settings-writes, --list)`);
  }
  return args;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const cases = allCases.filter((c) => !args.only || c.id.includes(args.only));
  if (args.list) {
    for (const c of cases) console.log(`${c.id}\t${c.source.url}\t${c.source.says}`);
    console.log(`${cases.length} cases`);
    return 0;
  }

  const runId = `run-${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  let target: Target;
  let sandbox: SandboxTarget | undefined;
  if (args.graph) {
    const token = process.env[args.tokenEnv];
    if (!token) {
      console.error(`--graph needs a bearer token in $${args.tokenEnv} (delegated; see README, "Conformance against a real tenant")`);
      return 2;
    }
    target = { kind: 'graph', baseUrl: args.graph, token, runId, allowSettingsWrites: args.allowSettingsWrites };
  } else {
    sandbox = await startSandboxTarget(runId);
    target = sandbox.target;
  }

  console.log(`conformance: ${cases.length} cases against ${target.kind === 'sandbox' ? `the sandbox (${target.baseUrl})` : target.baseUrl}, run ${runId}`);
  const run: RunState = {};
  const counts = { pass: 0, fail: 0, skip: 0 };
  const started = Date.now();
  try {
    for (const c of cases) {
      const outcome = await runCase(c, target, run);
      counts[outcome.status]++;
      console.log(`${outcome.status.padEnd(4)}  ${c.id.padEnd(54)}  ${c.source.url}`);
      if (outcome.status !== 'pass') console.log(`      ${outcome.reason}`);
      if (sandbox) await sandbox.settle();
    }
  } finally {
    await sandbox?.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${cases.length} cases: ${counts.pass} passed, ${counts.fail} failed, ${counts.skip} skipped (${seconds} s)`);
  return counts.fail > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
