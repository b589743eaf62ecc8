import ky from 'ky';
import * as z from 'zod/mini';
import { ConsentError } from '../model/errors.js';
import { mapError, parseBody } from './http.js';
import { tokenCache, type TokenSource } from './token-cache.js';

export interface ClientCredentialsOptions {
  /** OAuth2 token URL, e.g. Connect's `https://connectid.no/user/oauth/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  fetch?: typeof fetch;
}

const tokenSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.optional(z.string()),
  expires_in: z.optional(z.number()),
});

/**
 * An OAuth2 client-credentials token source for the host backend. The secret stays on the
 * server: never construct this in browser code. Tokens are cached until a minute before expiry.
 */
export function clientCredentials(o: ClientCredentialsOptions): TokenSource {
  if (!o.clientId || !o.clientSecret) throw new ConsentError('config', 'Client id and secret are required for client credentials.');
  return tokenCache(async () => {
    const body = new URLSearchParams({ grant_type: 'client_credentials', ...(o.scope ? { scope: o.scope } : {}) });
    let response: Response;
    try {
      response = await ky.post(o.tokenUrl, {
        body,
        headers: { authorization: `Basic ${btoa(`${o.clientId}:${o.clientSecret}`)}`, accept: 'application/json' },
        timeout: 10_000,
        retry: { limit: 2, methods: ['post'], statusCodes: [429, 500, 502, 503, 504] },
        fetch: o.fetch,
      });
    } catch (e) {
      throw await mapError(e);
    }
    const t = await parseBody(response, tokenSchema);
    return { token: t.access_token, expiresIn: t.expires_in };
  }, 3600);
}
