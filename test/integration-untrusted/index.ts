// The suites for a workspace that is not trusted (the harness opens it in restricted mode), run
// like the trusted ones: each file on a fresh workspace with its own simulator.

import { runSuites } from '../integration/index';

export const run = () => runSuites(__dirname);
