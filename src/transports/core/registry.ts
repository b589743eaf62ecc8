import { ConsentError } from '../../model/errors.js';
import type { ConsentTransport } from '../../model/types.js';
import { namedTransport, useRegistry } from './named.js';

/** The providers the kit knows by name. */
export const providers = ['connect', 'consentua', 'superoffice', 'csp', 'host', 'memory'] as const;
export type ProviderName = (typeof providers)[number];

/**
 * Builds the transport for `provider="…" endpoint="…"`. `key` names the pair, for what the
 * transport keeps (cached catalogs, the outbox).
 */
export type TransportFactory = (options: { endpoint?: string; key: string }) => ConsentTransport;

const factories = new Map<string, TransportFactory>();
const built = new Map<string, ConsentTransport>();

/**
 * Lets elements name a provider in their `provider` attribute. The `define` entry (and the
 * script tag) register the built-in ones; a page that imports only element classes and sets
 * `.transport` registers none and so bundles no provider code.
 */
export function registerProvider(name: string, factory: TransportFactory): void {
  useRegistry(fromFactories);
  factories.set(name, factory);
}

/**
 * The transport an element's `provider` and `endpoint` attributes name (`configure({
 * transports })` first). Elements naming the same pair share one, so their identical questions
 * share requests and answers.
 */
export function transportFor(provider: string, endpoint: string | undefined): ConsentTransport {
  useRegistry(fromFactories);
  return namedTransport(provider, endpoint);
}

/** What the registered factories build for the pair, once per pair. */
function fromFactories(provider: string, endpoint: string | undefined): ConsentTransport {
  const key = `${provider} ${endpoint ?? ''}`;
  let transport = built.get(key);
  if (!transport) built.set(key, (transport = build(provider, endpoint, key)));
  return transport;
}

/** Every transport built from attributes so far (to clear what they keep). */
export function builtTransports(): ConsentTransport[] {
  return [...built.values()];
}

function build(provider: string, endpoint: string | undefined, key: string): ConsentTransport {
  const factory = factories.get(provider);
  if (factory) return factory({ endpoint, key });
  if (!(providers as readonly string[]).includes(provider))
    throw new ConsentError('config', `Unknown provider "${provider}". Use one of: ${providers.join(', ')}, or register it with registerProvider().`);
  if (provider === 'host' || provider === 'connect')
    throw new ConsentError(
      'config',
      `provider="${provider}" is not registered on this page: import "consent-elements/define" (or call registerBuiltInProviders()), or set the element's transport property.`,
    );
  throw new ConsentError(
    'unsupported',
    `provider="${provider}" needs a transport object: set the element's transport property or configure({ transports }).`,
  );
}
