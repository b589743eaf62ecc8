import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ConsentError, toConsentError } from '../model/errors.js';
import type { ConsentTransport } from '../model/types.js';
import { transportContext } from '../transports/core/context.js';
import { CONFIGURE_EVENT, getDefaults } from '../config.js';
import { namedTransport } from '../transports/core/named.js';
import { shared, type SharedTransport } from '../transports/core/share.js';

export interface TransportHost extends ReactiveControllerHost, HTMLElement {
  provider?: string;
  endpoint?: string;
  transport?: ConsentTransport;
}

/**
 * Finds the transport an element uses: its `transport` property, else its `provider` and
 * `endpoint` attributes, else an ancestor's context, else `configure()`. The result keeps its
 * identity until one of those changes, so it can key a load; when there is none, it is the
 * ConsentError that says why.
 */
export class TransportController implements ReactiveController {
  readonly #host: TransportHost;
  #context?: ConsentTransport;
  #version = 0;
  #inputs: unknown[] = [];
  #value?: SharedTransport | ConsentError;
  #unsubscribe?: () => void;

  constructor(host: TransportHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The transport, wrapped once (per transport, for every element) so identical questions share requests. */
  get value(): SharedTransport | ConsentError {
    const h = this.#host;
    const inputs = [h.transport, h.provider, h.endpoint, this.#context, this.#version];
    if (!this.#value || inputs.some((v, i) => v !== this.#inputs[i])) {
      this.#inputs = inputs;
      const found = this.#resolve();
      this.#value = found instanceof ConsentError ? found : shared(found);
    }
    return this.#value;
  }

  hostConnected(): void {
    globalThis.addEventListener(CONFIGURE_EVENT, this.#onConfigure);
    // The context protocol, as @lit/context's ContextConsumer speaks it (its class costs more
    // bytes than this): an ancestor's provider answers now, and again when its value changes.
    const request = Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
      context: transportContext,
      contextTarget: this.#host,
      subscribe: true,
      callback: (value: ConsentTransport | undefined, unsubscribe?: () => void) => {
        if (this.#unsubscribe !== unsubscribe) this.#unsubscribe?.();
        this.#unsubscribe = unsubscribe;
        this.#context = value;
        this.#host.requestUpdate();
      },
    });
    this.#host.dispatchEvent(request);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener(CONFIGURE_EVENT, this.#onConfigure);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #onConfigure = () => {
    this.#version++;
    this.#host.requestUpdate();
  };

  #resolve(): ConsentTransport | ConsentError {
    const h = this.#host;
    if (h.transport) return h.transport;
    try {
      if (h.provider) return namedTransport(h.provider, h.endpoint);
    } catch (e) {
      return toConsentError(e);
    }
    return (
      this.#context ??
      getDefaults().transport ??
      new ConsentError('config', 'No transport: set provider and endpoint, the transport property, or configure({ transport }).')
    );
  }
}
