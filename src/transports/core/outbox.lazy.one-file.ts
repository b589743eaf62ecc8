// The outbox as the one-file script tag (consent-elements.all-languages.iife.js) has it: inside,
// in place of outbox.lazy.ts (vite.config.ts), so a page on that file needs no second one, nor
// CORS headers from its CDN.
export { OutboxTransport as LazyOutbox } from './outbox.js';
