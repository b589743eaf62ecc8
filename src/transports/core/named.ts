import { getDefaults } from '../../config.js';
import { ConsentError } from '../../model/errors.js';
import type { ConsentTransport } from '../../model/types.js';

// What an element's `provider` attribute reaches. The provider registry plugs itself in here
// when a page uses it (the `define` entry, the script tag, registerProvider()), so a page that
// only sets `.transport` bundles no registry.

type Resolve = (provider: string, endpoint: string | undefined) => ConsentTransport;
let registry: Resolve | undefined;

/** Called by the registry when it is first used. */
export function useRegistry(resolve: Resolve): void {
  registry = resolve;
}

/** The transport `provider="…" endpoint="…"` names: `configure({ transports })`, else the registry's. */
export function namedTransport(provider: string, endpoint: string | undefined): ConsentTransport {
  const configured = getDefaults().transports?.[provider];
  if (configured) return configured;
  if (registry) return registry(provider, endpoint);
  throw new ConsentError(
    'config',
    `provider="${provider}" is not registered on this page: import "consent-elements/define" (or call registerProvider()), or set the element's transport property.`,
  );
}
