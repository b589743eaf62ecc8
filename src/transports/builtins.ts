import { getDefaults } from '../config.js';
import { ConsentError } from '../model/errors.js';
import type { ConsentTransport } from '../model/types.js';
import { CachedTransport } from './core/cache.js';
import { HostTransport } from './host/host.js';
import { LazyOutbox } from './core/outbox.lazy.js';
import { builtTransports, registerProvider } from './core/registry.js';
import { LazyConnectTransport } from './providers.js';

/**
 * Identical loads share requests and catalogs are kept (CachedTransport); saves go through an
 * outbox keyed by provider and endpoint, so the next page load sends what this one could not
 * (its code loads when the page is idle, or first needs it).
 */
const durable = (inner: ConsentTransport, key: string) => {
  const outbox = new LazyOutbox(new CachedTransport(inner, { key }), { key });
  // What earlier pages left behind is sent as soon as the page names the provider.
  void outbox.start();
  return outbox;
};

function needEndpoint(provider: string, endpoint: string | undefined): string {
  if (!endpoint) throw new ConsentError('config', `provider="${provider}" needs an endpoint attribute.`);
  return endpoint;
}

/** Registers `provider="host"` and `provider="connect"` (user mode, with `configure({ getToken })`; its code loads when a page names it). */
export function registerBuiltInProviders(): void {
  registerProvider('host', ({ endpoint, key }) => durable(new HostTransport({ endpoint: needEndpoint('host', endpoint) }), key));
  registerProvider('connect', ({ endpoint, key }) =>
    durable(new LazyConnectTransport({ endpoint: needEndpoint('connect', endpoint), mode: 'user', getToken: () => getDefaults().getToken?.() }), key),
  );
}

/** Forgets the catalogs kept for elements' attribute-built transports: the next load asks the provider. */
export function forgetCatalogs(): void {
  for (const t of builtTransports()) if (t instanceof LazyOutbox && t.inner instanceof CachedTransport) t.inner.clear();
}
