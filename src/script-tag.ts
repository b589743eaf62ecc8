// The script-tag bundle (`dist/consent-elements.iife.js`, global `ConsentElements`): registers
// the tags and the built-in providers, and exposes what `consent-elements` does, but the
// provider transport classes fetch their code (`providers/*.js`, beside the bundle) when first
// built, so a page on its own backend downloads none of it.
import { defineConsentElements } from './register.js';

defineConsentElements();

export { defineConsentElements };
export * from './common.js';
export { LazyConnectTransport as ConnectTransport, LazyConsentuaTransport as ConsentuaTransport } from './transports/providers.js';
