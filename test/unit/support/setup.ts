// The unit project's setup (jest.config.js setupFiles): FC_RUNS for properties that name no count.
import { configureRuns } from './fast-check';

configureRuns();
