import { importBesideScript } from '../internal/beside-script.js';
import { ConsentError } from '../model/errors.js';
import type { ConsentTransport } from '../model/types.js';
import type { ConnectOptions } from './connect/connect.js';
import type { ConsentuaOptions } from './consentua/consentua.js';

// Provider transports arrive when a page first uses one, as separate chunks with their wire
// schemas and zod: a page on its own backend (the host transport) downloads none of them.

const capabilities = ['loadState', 'saveDecisions', 'checkAccess', 'requestPrivacy'] as const;
type Capability = (typeof capabilities)[number];

/**
 * A transport class whose code loads on first use (the load starts when it is built). The
 * decorators and elements read what a transport can do when they are built, so its
 * capabilities are declared here, not discovered.
 */
export function lazyTransport<O>(name: string, load: () => Promise<new (o: O) => ConsentTransport>, can: readonly Capability[]) {
  class Lazy {
    readonly name = name;
    readonly #options: O;
    #real?: Promise<ConsentTransport>;
    constructor(options: O) {
      this.#options = options;
      this.#load().catch(() => undefined);
    }
    /** A failed load is tried again by the next call (a dropped connection, a deploy). */
    #load(): Promise<ConsentTransport> {
      return (this.#real ??= load().then(
        (T) => new T(this.#options),
        (e: unknown) => {
          this.#real = undefined;
          throw new ConsentError('network', `The ${name} transport could not be loaded: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        },
      ));
    }
    #call(method: keyof ConsentTransport, a: unknown[]) {
      return this.#load().then((t) => (t[method] as (...a: unknown[]) => unknown).apply(t, a));
    }
    loadCatalog(...a: unknown[]) {
      return this.#call('loadCatalog', a);
    }
    loadState(...a: unknown[]) {
      return this.#call('loadState', a);
    }
    saveDecisions(...a: unknown[]) {
      return this.#call('saveDecisions', a);
    }
    checkAccess(...a: unknown[]) {
      return this.#call('checkAccess', a);
    }
    requestPrivacy(...a: unknown[]) {
      return this.#call('requestPrivacy', a);
    }
  }
  for (const method of capabilities) if (!can.includes(method)) delete (Lazy.prototype as Partial<Lazy>)[method];
  return Lazy as unknown as new (o: O) => ConsentTransport;
}

const modules =
  import.meta.env?.MODE?.startsWith('iife')
    ? {
        connect: () => importBesideScript('providers/connect.js') as Promise<typeof import('./connect/connect.js')>,
        consentua: () => importBesideScript('providers/consentua.js') as Promise<typeof import('./consentua/consentua.js')>,
      }
    : { connect: () => import('./connect/connect.js'), consentua: () => import('./consentua/consentua.js') };

/** Connect (Mediaconnect/Unite), loaded on first use. */
export const LazyConnectTransport = lazyTransport<ConnectOptions>('connect', () => modules.connect().then((m) => m.ConnectTransport), [
  'loadState',
  'saveDecisions',
  'checkAccess',
  'requestPrivacy',
]);

/** Consentua, loaded on first use. */
export const LazyConsentuaTransport = lazyTransport<ConsentuaOptions>('consentua', () => modules.consentua().then((m) => m.ConsentuaTransport), [
  'loadState',
  'saveDecisions',
]);
