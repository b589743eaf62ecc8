import { ConsentError } from '../model/errors.js';
import type { ConsentTransport } from '../model/types.js';
import type { ReceiptSettings } from '../model/receipt.js';
import { ConnectTransport } from './connect.js';
import { CachedTransport } from './cache.js';
import { HostTransport } from './host.js';
import { OutboxTransport } from './outbox.js';

export * from './connect.js';
export * from './host.js';
export * from './consentua.js';
export * from './memory.js';
export * from './outbox.js';
export * from './cache.js';
export * from './http.js';
export { transportContext } from './context.js';

export const providers = ['connect', 'consentua', 'superoffice', 'csp', 'host', 'memory'] as const;
export type ProviderName = (typeof providers)[number];

/** Page-wide defaults for elements that set none themselves (script-tag pages). */
export interface ConsentDefaults {
  /** Used by every element without its own `transport`, `provider` or context. */
  transport?: ConsentTransport;
  /** Per provider name, for elements that say `provider="…"`. */
  transports?: Partial<Record<ProviderName, ConsentTransport>>;
  /** UI and text language when an element has no `lang`. */
  lang?: string;
  fallbackLang?: string;
  /** The publisher's part of consent receipts (controller, policy, jurisdiction); with it, the visitor can download a receipt after each save. */
  receipt?: ReceiptSettings;
  /** Bearer token for `provider="connect"` in user mode (the host's own login). */
  getToken?: () => string | undefined | Promise<string | undefined>;
}

let defaults: ConsentDefaults = {};

/** Sets page-wide defaults. Later calls merge into earlier ones. */
export function configure(next: ConsentDefaults): void {
  defaults = { ...defaults, ...next, transports: { ...defaults.transports, ...next.transports } };
  globalThis.dispatchEvent?.(new Event('consent-configure'));
}

export function getDefaults(): Readonly<ConsentDefaults> {
  return defaults;
}

const built = new Map<string, ConsentTransport>();

/**
 * The transport an element's `provider` and `endpoint` attributes name. Elements naming the
 * same pair share one, so their identical questions share requests and answers.
 */
export function transportFor(provider: string, endpoint: string | undefined): ConsentTransport {
  const configured = defaults.transports?.[provider as ProviderName];
  if (configured) return configured;
  const key = `${provider} ${endpoint ?? ''}`;
  let transport = built.get(key);
  // Identical loads share requests and catalogs are kept (CachedTransport); saves go through an
  // outbox keyed by provider and endpoint, so the next page load sends what this one could not.
  if (!transport) built.set(key, (transport = new OutboxTransport(new CachedTransport(buildTransport(provider, endpoint), { key }), { key })));
  return transport;
}

/** Forgets the catalogs kept for elements' attribute-built transports: the next load asks the provider. */
export function forgetCatalogs(): void {
  for (const t of built.values()) if (t instanceof OutboxTransport && t.inner instanceof CachedTransport) t.inner.clear();
}

function buildTransport(provider: string, endpoint: string | undefined): ConsentTransport {
  if (!(providers as readonly string[]).includes(provider))
    throw new ConsentError('config', `Unknown provider "${provider}". Use one of: ${providers.join(', ')}.`);
  if (provider === 'host' || provider === 'connect') {
    if (!endpoint) throw new ConsentError('config', `provider="${provider}" needs an endpoint attribute.`);
    return provider === 'host'
      ? new HostTransport({ endpoint })
      : new ConnectTransport({ endpoint, mode: 'user', getToken: () => defaults.getToken?.() });
  }
  throw new ConsentError(
    'unsupported',
    `provider="${provider}" needs a transport object: set the element's transport property or configure({ transports }).`,
  );
}
