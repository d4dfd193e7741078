// The suites for a workspace that is not trusted (the harness opens it in restricted mode).

import { runSuites } from '../integration/index';

export const run = () => runSuites(__dirname);
