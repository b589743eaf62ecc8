import { importBesideScript } from '../../internal/beside-script.js';
import { lazyTransport } from '../providers.js';
import type { MemoryOptions } from './memory.js';

/**
 * The script tag's `MemoryTransport`, for tests and offline demos: its code comes from
 * `providers/memory.js` beside the bundle when first built, so no visitor of a live page
 * downloads it. It answers as the package's `MemoryTransport` does; what that one records
 * (`saved`, `accessChecks`, …) is read on the package's class.
 */
export const MemoryTransport = lazyTransport<MemoryOptions>(
  'memory',
  () => (importBesideScript('providers/memory.js') as Promise<typeof import('./memory.js')>).then((m) => m.MemoryTransport),
  ['loadState', 'saveDecisions', 'checkAccess', 'requestPrivacy'],
);
