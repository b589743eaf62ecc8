// Server-side helpers for a host backend (Node or any runtime with fetch and node:crypto):
// token sources that hold provider secrets, and the SuperOffice and CSP transports, whose
// credentials belong to staff or a privileged account. Never import this in browser code.
export { clientCredentials, type ClientCredentialsOptions } from './transports/core/oauth.server.js';
export { tokenCache, type IssuedToken, type TokenSource } from './transports/core/token-cache.js';
export { consentuaLoginToken, consentuaServiceLogin, type ConsentuaLoginOptions } from './transports/consentua/login.server.js';
export { cspApiTokenLogin, type CspLoginOptions } from './transports/csp/login.server.js';
export * from './transports/index.js';
export * from './transports/connect/connect.js';
export * from './transports/consentua/consentua.js';
// Providers whose credentials belong to staff or a privileged account: only ever on a server.
export * from './transports/superoffice/superoffice.js';
export * from './transports/csp/csp.js';
export * from './transports/host/contract.js';
export * from './model/index.js';
export { saveOnce, memoryKeyStore, sharedKeyStore, decisionKey, type KeyStore, type KeyRecord, type SaveOnceOptions } from './server/idempotency.js';
export {
  createConsentHandler,
  providerNames,
  type ConsentHandler,
  type ConsentHandlerOptions,
  type Identity,
  type IdentityHooks,
  type ProviderName,
  type RequestContext,
  type RequestLog,
} from './server/handler.js';
export { toFetchRequest, toNodeHandler } from './server/node.js';
export { visitorCookies, type VisitorCookies, type VisitorOptions } from './server/visitor.js';
export { providerEnv, transportsFromEnv } from './server/env.js';
export { memoryStore, unstorageStore, type SharedStore, type UnstorageLike } from './server/store.js';
export { preloadScript, type PreloadQuestion } from './server/preload.js';
