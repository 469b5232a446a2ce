import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
// jsdom lacks browser APIs Fluent UI v9 uses; one set of stand-ins for every UI test.
import './polyfills';

// The machines that run these tests are shared: give async queries room before calling it a failure.
configure({ asyncUtilTimeout: 5000 });
