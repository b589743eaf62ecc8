// `consent-elements/define`: registers the tags and the built-in providers on import.
import { defineConsentElements } from './register.js';

defineConsentElements();

export { defineConsentElements };
export * from './index.js';
