import { startBlocking } from './blocking.js';
import { startConsentMode } from './consent-mode.js';
import { startPageConsents } from './read.js';

export { consents, scopeKey } from './consents.js';

/** Acts on consent across the page: the decisions read on start, `data-consent` markup, Consent Mode. */
export function startPage(): void {
  startPageConsents();
  startBlocking();
  startConsentMode();
}
