// Worker threads do not get the host's tsx module hooks: this plain-JS entry registers them in
// the worker, then loads the TypeScript worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
