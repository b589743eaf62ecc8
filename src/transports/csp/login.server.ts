import * as z from 'zod/mini';
import { ConsentError } from '../../model/errors.js';
import { createHttp } from '../core/http.js';
import { providerErrorBody } from '../core/provider-errors.js';
import { tokenCache, type TokenSource } from '../core/token-cache.js';

export interface CspLoginOptions {
  /** The CSP host, e.g. `https://console.cloud.vmware.com`. */
  endpoint: string;
  /** An org-scoped API token of an Organization Owner or Admin user. A secret: server only. */
  apiToken: string;
  fetch?: typeof fetch;
}

const accessToken = z.object({ access_token: z.string().check(z.minLength(1)), expires_in: z.optional(z.number()) });

/**
 * Exchanges a CSP API token for an access token (`/csp/gateway/am/api/auth/api-tokens/authorize`)
 * and caches it until a minute before it expires. Server-side only.
 */
export function cspApiTokenLogin(o: CspLoginOptions): TokenSource {
  if (!o.apiToken) throw new ConsentError('config', 'A CSP API token is required.');
  const http = createHttp({ baseUrl: o.endpoint.replace(/\/?$/, '/'), fetch: o.fetch, errorBody: providerErrorBody });
  return tokenCache(async () => {
    try {
      const t = await http.post('csp/gateway/am/api/auth/api-tokens/authorize', new URLSearchParams({ api_token: o.apiToken }), accessToken, { idempotent: true });
      return { token: t.access_token, expiresIn: t.expires_in };
    } catch (error) {
      // CSP answers 400 for an invalid or expired API token: for us that is a refusal.
      if (error instanceof ConsentError && error.status === 400)
        throw new ConsentError('unauthorized', error.message, { status: 400, requestId: error.requestId, cause: error });
      throw error;
    }
  }, 1800);
}
