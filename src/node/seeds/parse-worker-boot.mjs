// Node 20 cannot run TypeScript in a worker by itself: register tsx's loader, then start the
// worker's real code (parse-worker.ts). Build tools only: tsx is a development dependency.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
