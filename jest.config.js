// One jest run, six projects: the layers test differently (see README, "Tests").
const { availableParallelism } = require('node:os');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  // Some dependencies ship ESM only; let swc compile them for jest.
  transformIgnorePatterns: ['/node_modules/(?!(rrule|strip-bom)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  // jest's default is one worker fewer than the cores, so on CI's two cores every file ran one after the
  // other while the parent process (which only schedules and reports) sat idle. Two workers keep both
  // cores busy: most e2e time is waiting on Chromium and the sandbox, and unit files are CPU-bound and
  // independent. Every server a test starts listens on port 0, so files do not collide. Same sitting, 2
  // cores, measured in README "Tests"; `--runInBand` (or `-w 1`) still gives the old serial order.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      // fast-check's seed and FC_RUNS (test/unit/support/fast-check.ts).
      setupFiles: ['<rootDir>/test/unit/support/setup.ts'],
    },
    {
      // The repo's command-line tools run as the user runs them (a child process each): the agenda CLI,
      // manifest validation and packaging, the Agents Toolkit files. Kept out of unit, which stays quick.
      ...common,
      displayName: 'tools',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/tools/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/ui/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/ui/setup.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/unit/support/setup.ts'],
    },
    {
      // Microsoft's documented Graph behaviour, case by case, against the sandbox (npm run conformance for a tenant).
      ...common,
      displayName: 'conformance',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/conformance/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};
