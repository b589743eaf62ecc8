// `consent-elements/define`: registers the tags and the built-in providers on import.
import { defineConsentElements } from './register.js';

defineConsentElements();

export { defineConsentElements };
// Not the provider transports (`consent-elements` has them): `provider="connect"` loads them on
// demand, and a bundler splits them off only when nothing imports them statically. Re-exported
// here, they were in every define page's first file (zod and Connect's and Consentua's wire
// schemas: 8.4 KB brotli), used or not.
export * from './common.js';
