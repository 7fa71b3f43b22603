// The part of the sandbox that runs the rule engine: the rule functions, the fact model and zod. The island imports
// this module dynamically (see Sandbox.tsx), so a page showing a case's own ruling, computed at build time, loads
// without it; it is fetched on the first interaction with the sandbox, or at once when the page opens a scenario the
// build did not evaluate (shared facts, another edition).
import './zod-jitless.ts';

export { sandboxEvaluation } from '../../present/sandbox/index.ts';
