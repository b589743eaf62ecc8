import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ConsentError, toConsentError } from '../model/errors.js';
import type { ConsentTransport } from '../model/types.js';
import { transportContext } from '../transports/core/context.js';
import { CONFIGURE_EVENT, getDefaults } from '../config.js';
import { transportFor } from '../transports/core/registry.js';
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

  constructor(host: TransportHost) {
    this.#host = host;
    host.addController(this);
    new ContextConsumer(host, {
      context: transportContext,
      subscribe: true,
      callback: (value) => {
        this.#context = value;
        host.requestUpdate();
      },
    });
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
  }

  hostDisconnected(): void {
    globalThis.removeEventListener(CONFIGURE_EVENT, this.#onConfigure);
  }

  #onConfigure = () => {
    this.#version++;
    this.#host.requestUpdate();
  };

  #resolve(): ConsentTransport | ConsentError {
    const h = this.#host;
    if (h.transport) return h.transport;
    try {
      if (h.provider) return transportFor(h.provider, h.endpoint);
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
