import ky from 'ky';
import * as z from 'zod/mini';
import { ConsentError } from '../model/errors.js';
import { mapError, parseBody } from './http.js';
import { tokenCache, type TokenSource } from './token-cache.js';

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
  return tokenCache(async () => {
    let response: Response;
    try {
      response = await ky.post('csp/gateway/am/api/auth/api-tokens/authorize', {
        prefixUrl: o.endpoint,
        body: new URLSearchParams({ api_token: o.apiToken }),
        timeout: 10_000,
        retry: { limit: 2, methods: ['post'], statusCodes: [429, 500, 502, 503, 504] },
        fetch: o.fetch,
      });
    } catch (e) {
      const error = await mapError(e);
      // CSP answers 400 for an invalid or expired API token: for us that is a refusal.
      if (error instanceof ConsentError && error.status === 400)
        throw new ConsentError('unauthorized', error.message, { status: 400, requestId: error.requestId, cause: error });
      throw error;
    }
    const t = await parseBody(response, accessToken);
    return { token: t.access_token, expiresIn: t.expires_in };
  }, 1800);
}
