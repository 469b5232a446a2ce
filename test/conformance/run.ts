// Runs cases against one target: the sandbox (in-process) or a real Graph endpoint with a token. Used by
// scripts/conformance.ts (one line per case) and by the jest project (one test per case).
import { makeContext } from './context';
import type { RunState, Target } from './context';
import type { Case } from './types';

export type Outcome = { status: 'pass' } | { status: 'fail'; reason: string } | { status: 'skip'; reason: string };

export function skipReason(c: Case, target: Target): string | undefined {
  if (target.kind === 'graph' && c.sandboxOnly) return `sandbox only: ${c.sandboxOnly}`;
  if (target.kind === 'graph' && c.writesSettings && !target.allowSettingsWrites) {
    return 'changes mailbox settings (restored afterwards): pass --allow-settings-writes to run it';
  }
  return undefined;
}

export async function runCase(c: Case, target: Target, run: RunState): Promise<Outcome> {
  const skip = skipReason(c, target);
  if (skip) return { status: 'skip', reason: skip };
  const { ctx, runCleanup } = makeContext(target, run);
  let failure: string | undefined;
  try {
    await c.run(ctx);
  } catch (err) {
    failure = err instanceof Error ? err.message : String(err);
  }
  const leftovers = await runCleanup();
  if (failure) return { status: 'fail', reason: leftovers.length ? `${failure} (cleanup: ${leftovers.join('; ')})` : failure };
  if (leftovers.length) return { status: 'fail', reason: `cleanup failed: ${leftovers.join('; ')}` };
  return { status: 'pass' };
}

export interface SandboxTarget {
  target: Target;
  /** Puts faults and latency/throttling back as they were, between cases. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts an in-memory sandbox on a free port and signs in as its seeded manager. */
export async function startSandboxTarget(runId: string): Promise<SandboxTarget> {
  const { createSandbox } = await import('../../sandbox/index');
  const sb = await createSandbox({ port: 0, dataFile: null, quiet: true });
  const initial = sb.config();
  return {
    target: {
      kind: 'sandbox',
      baseUrl: sb.graphUrl,
      token: sb.token('claire.martin@contoso.example'),
      adminUrl: `${sb.url}/sandbox`,
      runId,
      allowSettingsWrites: true,
    },
    settle: async () => {
      sb.setFaults([]);
      sb.configure({ latencyMs: initial.latencyMs, throttle: initial.throttle });
    },
    close: () => sb.close(),
  };
}
