// Entry of the planning worker (plan-in-worker.ts): worker threads do not
// inherit tsx's loader, so this plain module registers it, then loads the
// TypeScript worker body.
import { register } from 'tsx/esm/api';

register();
await import('./plan-worker-body.ts');
