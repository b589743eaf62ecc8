// Server-side helpers for a host backend (Node or any runtime with fetch and node:crypto).
// Never import this in browser code: it exists to hold provider credentials that must stay on
// the server.
export { clientCredentials, type ClientCredentialsOptions } from './transports/oauth.js';
export { consentuaLoginToken, consentuaServiceLogin, type ConsentuaLoginOptions } from './transports/consentua-login.js';
export { cspApiTokenLogin, type CspLoginOptions } from './transports/csp-login.js';
export * from './transports/index.js';
export * from './transports/schemas.js';
export * from './model/index.js';
