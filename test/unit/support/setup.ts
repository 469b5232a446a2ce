// setupFiles of the projects with properties (jest.config.js): the seed and FC_RUNS, see ./fast-check.ts.
import { configureFastCheck } from './fast-check';

configureFastCheck();
