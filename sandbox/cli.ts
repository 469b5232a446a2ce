// `npm run sandbox` (and `npm start`): the sandbox on SANDBOX_PORT (4000) with Exchange-like throttling and
// state kept in .sandbox-data/state.json. `npm run sandbox:reset` restores the seed and exits.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXCHANGE_THROTTLE, createSandbox } from './index';

async function main(): Promise<void> {
  const dataFile = resolve(process.env.SANDBOX_DATA_FILE ?? '.sandbox-data/state.json');
  if (process.argv.includes('--reset')) {
    rmSync(dataFile, { force: true });
    const sb = await createSandbox({ port: 0, dataFile });
    await sb.close();
    console.log(`Sandbox data reset to the seed: ${dataFile}`);
    return;
  }
  const port = Number(process.env.SANDBOX_PORT ?? '4000');
  const latencyMs = Number(process.env.SANDBOX_LATENCY_MS ?? '0');
  // Throttling is on unless SANDBOX_THROTTLE=0: the demo should behave like Exchange.
  const throttle = process.env.SANDBOX_THROTTLE === '0' ? false : EXCHANGE_THROTTLE;
  // How a parallel $batch meets the mailbox: Graph's documented four-at-a-time (default) or the 429s of
  // older field reports (sandbox/batch.ts has the sources).
  const batchConcurrency = process.env.SANDBOX_BATCH_CONCURRENCY === 'reported429' ? 'reported429' : 'documented';
  if (process.env.SANDBOX_BATCH_CONCURRENCY !== undefined && process.env.SANDBOX_BATCH_CONCURRENCY !== batchConcurrency) {
    throw new Error(`SANDBOX_BATCH_CONCURRENCY must be 'documented' or 'reported429' (got '${process.env.SANDBOX_BATCH_CONCURRENCY}').`);
  }
  const sb = await createSandbox({ port, dataFile, latencyMs, throttle, batchConcurrency, quiet: process.env.SANDBOX_VERBOSE !== '1' });
  const users = sb.store.state.users;
  const lines = [
    `Au revoir Graph sandbox listening on ${sb.url}`,
    `  Graph v1.0:  ${sb.graphUrl}`,
    `  Data file:   ${dataFile}`,
    `  Latency:     ${latencyMs} ms   Throttling: ${throttle ? `${throttle.maxConcurrentPerMailbox} concurrent, ${throttle.ratePerMailbox.requests}/${throttle.ratePerMailbox.perSeconds}s per mailbox` : 'off'}   $batch: ${batchConcurrency}`,
    '',
    'Seeded users:',
    ...users.map((u) => `  ${u.userPrincipalName.padEnd(34)} ${u.displayName} — ${u.jobTitle}${u.canReadLeaveDates ? ' (reads leave dates)' : ''}`),
    '',
    'Get a token:',
    `  curl -s -X POST ${sb.url}/sandbox/token -H 'Content-Type: application/json' -d '{"user":"claire.martin@contoso.example"}'`,
    `  curl -s ${sb.graphUrl}/me -H "Authorization: Bearer <access_token>"`,
  ];
  const ageDays = (Date.now() - Date.parse(sb.store.state.seededAt)) / 86_400_000;
  if (ageDays > 7) {
    lines.push('', `Note: the demo data was seeded ${Math.floor(ageDays)} days ago (leave dates and calendars are relative to then); npm run sandbox:reset refreshes it.`);
  }
  console.log(lines.join('\n'));
  const stop = (): void => {
    sb.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
