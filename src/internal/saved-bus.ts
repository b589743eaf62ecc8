import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConsentSavedEvent } from '../events/consent-saved.js';

/**
 * Hears every `consent-saved` that reaches the document while the host is connected: a save by
 * any element of the page, so others can show what the provider now holds.
 */
export class SavedBus implements ReactiveController {
  readonly #listener: (e: ConsentSavedEvent) => void;

  constructor(host: ReactiveControllerHost, listener: (e: ConsentSavedEvent) => void) {
    this.#listener = listener;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('consent-saved', this.#listener);
  }

  hostDisconnected(): void {
    document.removeEventListener('consent-saved', this.#listener);
  }
}
