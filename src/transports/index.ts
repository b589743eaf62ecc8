// The transports and their pieces but the provider ones (src/index.ts adds those; the script tag
// loads them on demand). Importing this registers nothing and starts nothing.
export * from './host/host.js';
export * from './memory/memory.js';
// The outbox is exported by `consent-elements` only (src/index.ts): re-exported here, it was in
// the first file of every define or React page, whose built-in providers load it on demand.
export * from './core/cache.js';
export { SharedTransport, shared, ACCESS_TTL_MS } from './core/share.js';
// The http core for custom transports; its internals (error mapping, body parsing) stay private.
export {
  createHttp,
  bearer,
  inHeader,
  inQuery,
  inBody,
  type Auth,
  type AuthPlace,
  type EndpointOptions,
  type Http,
  type HttpOptions,
  type RequestOptions,
  type TokenGetter,
} from './core/http.js';
export * from './core/registry.js';
export * from './builtins.js';
export { transportContext } from './core/context.js';
