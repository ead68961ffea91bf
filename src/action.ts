// The GitHub Action's entry point (bundled to dist/action.js, which action.yml
// runs). The only engine entry that knows about @actions/*; the steps are in
// action/ (run-action.ts reads top-down), everything else is data.
import './shared/young-generation.js'; // first: sizes the heap before anything allocates
import { runAction } from './action/run-action.js';
import { endWithError } from './action/step-outcome.js';

runAction().catch(endWithError);
