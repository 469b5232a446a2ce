/**
 * How many runs each fast-check property makes. By default the count written at the property (or
 * fast-check's 100); FC_RUNS=N raises every property to at least N runs, for a deeper search than
 * a commit's test run can afford (`npm run test:deep`). Never lowers a count.
 */
import fc from 'fast-check';

const deep = Number(process.env.FC_RUNS ?? '');
const FC_RUNS = Number.isInteger(deep) && deep > 0 ? deep : undefined;

/** `{ numRuns: runs(150) }`: 150 runs, or FC_RUNS when that is more. */
export const runs = (n: number): number => Math.max(n, FC_RUNS ?? 0);

/** Properties that name no count run fast-check's default (100), raised the same way. */
export const configureRuns = (): void => {
  if (FC_RUNS !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: runs(100) });
};
