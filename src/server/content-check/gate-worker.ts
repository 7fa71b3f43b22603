import { enableCompileCache } from 'node:module';

// The content gate's second thread (see checkContentInParallel in parallel-check.ts). The compile cache is turned on
// before the gate's modules load, as in cli.ts: a worker compiles its modules anew otherwise.
enableCompileCache();
await import('./gate-worker-main.ts');
