import fc from 'fast-check';
import { DEFAULT_SEED, seedFrom } from './fast-check';

// npm test draws the same values on every machine; the deep run asks for fresh ones.
test('the seed: fixed by default, FC_SEED=random for fresh values, an integer to replay', () => {
  expect(seedFrom(undefined)).toBe(DEFAULT_SEED);
  expect(seedFrom('')).toBe(DEFAULT_SEED);
  expect(seedFrom('random')).toBeUndefined();
  expect(seedFrom('1421789842')).toBe(1421789842);
  expect(seedFrom('-7')).toBe(-7);
});

// Fails when jest.config.js stops loading the setup for this project.
test('this file runs with the seed the environment asked for', () => {
  expect(fc.readConfigureGlobal().seed).toBe(seedFrom(process.env.FC_SEED));
});
