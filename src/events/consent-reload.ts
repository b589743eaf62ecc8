import { DetailEvent } from './detail-event.js';

export interface ConsentReloadDetail {
  /** The consents withdrawn whose scripts already ran. */
  consents: readonly string[];
  /** Those scripts (their held-back originals). */
  scripts: readonly HTMLScriptElement[];
}

/**
 * Consent was withdrawn for scripts that already ran: they cannot be taken back, so the page
 * should reload (or tell the visitor it will apply on the next page). Fired on `document`.
 */
export class ConsentReloadEvent extends DetailEvent<ConsentReloadDetail> {
  static readonly eventName = 'consent-reload';
  constructor(detail: ConsentReloadDetail) {
    super(ConsentReloadEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-reload': ConsentReloadEvent;
  }
}
