import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { ConsentError } from '../../model/errors.js';
import { createHttp } from '../core/http.js';
import { providerErrorBody } from '../core/provider-errors.js';
import { tokenCache, type TokenSource } from '../core/token-cache.js';

export interface ConsentuaLoginOptions {
  /** Base URL of the Consentua API. */
  endpoint: string;
  clientId: number;
  serviceId: number;
  /** The service key. A secret: only ever on the server. */
  serviceKey: string;
  fetch?: typeof fetch;
}

const accessToken = z.object({
  Token: z.nullable(z.optional(z.string())),
  Success: z.optional(z.nullable(z.boolean())),
  Message: z.nullable(z.optional(z.string())),
});

/** Consentua's daily LoginToken: upper-case MD5 of `serviceKey_D_M_YYYY` (UTC, no zero padding). */
export function consentuaLoginToken(serviceKey: string, when = new Date()): string {
  const s = `${serviceKey}_${when.getUTCDate()}_${when.getUTCMonth() + 1}_${when.getUTCFullYear()}`;
  return createHash('md5').update(s, 'utf8').digest('hex').toUpperCase();
}

/**
 * Service login for a host backend: exchanges the derived LoginToken for an access token at
 * `login/Service`, and caches it until `invalidate()` (after a 401). Server-side only.
 */
export function consentuaServiceLogin(o: ConsentuaLoginOptions): TokenSource {
  if (!o.serviceKey) throw new ConsentError('config', 'A Consentua service key is required.');
  // Consentua does not say how long a token lives: keep it until it is refused.
  const http = createHttp({ baseUrl: o.endpoint.replace(/\/?$/, '/'), fetch: o.fetch, errorBody: providerErrorBody });
  return tokenCache(async () => {
    const json = { ClientId: o.clientId, ServiceId: o.serviceId, LoginToken: consentuaLoginToken(o.serviceKey) };
    // A refused login is a 401 (its Message says why); asking again changes nothing: retried like a read.
    const r = await http.post('login/Service', json, accessToken, { idempotent: true });
    if (r.Success === false || !r.Token) throw new ConsentError('unauthorized', `Consentua service login failed: ${r.Message || 'no token'}`);
    return { token: r.Token };
  }, Infinity);
}
