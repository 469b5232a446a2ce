/**
 * How fast-check runs here: which seed, and how many runs.
 *
 * Seed. `npm test` gates every landing, so it draws the same values every time: a property that passes
 * on a commit passes on its clean clone in CI too. A fixed seed alone would never look anywhere new, so
 * the deep run (`npm run test:deep`, FC_SEED=random) draws fresh values each time, and fast-check prints
 * the seed and path of anything it finds; a counterexample found that way becomes a plain example test
 * (see test/unit/alumni/log.test.ts, "Unicode line separator"). FC_SEED=<integer> replays one seed.
 *
 * Runs. By default the count written at the property (or fast-check's 100); FC_RUNS=N raises every
 * property to at least N runs. Never lowers a count.
 */
import fc from 'fast-check';

/** The seed `npm test` uses. Any integer does; changing it is a deliberate act, like changing a test. */
export const DEFAULT_SEED = 20_261_202;

const deep = Number(process.env.FC_RUNS ?? '');
const FC_RUNS = Number.isInteger(deep) && deep > 0 ? deep : undefined;

/** `{ numRuns: runs(150) }`: 150 runs, or FC_RUNS when that is more. */
export const runs = (n: number): number => Math.max(n, FC_RUNS ?? 0);

/** The seed for this run: FC_SEED=random → undefined (fast-check picks one and reports it). */
export const seedFrom = (value: string | undefined): number | undefined => {
  if (value === 'random') return undefined;
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isSafeInteger(n) ? n : DEFAULT_SEED;
};

/** Set once per test file (jest setupFiles) for every property in it. */
export const configureFastCheck = (): void => {
  const seed = seedFrom(process.env.FC_SEED);
  fc.configureGlobal({
    ...fc.readConfigureGlobal(),
    ...(seed !== undefined ? { seed } : {}),
    ...(FC_RUNS !== undefined ? { numRuns: runs(100) } : {}),
  });
};
