import * as z from 'zod/mini';
import { ConsentError } from '../../model/errors.js';
import { createHttp } from './http.js';
import { providerErrorBody } from './provider-errors.js';
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
  // The token URL's folder is the base and its last segment (with any query) the path.
  const url = new URL(o.tokenUrl);
  const http = createHttp({
    baseUrl: new URL('.', url).href,
    fetch: o.fetch,
    headers: { authorization: `Basic ${btoa(`${o.clientId}:${o.clientSecret}`)}` },
    errorBody: providerErrorBody,
  });
  return tokenCache(async () => {
    const body = new URLSearchParams({ grant_type: 'client_credentials', ...(o.scope ? { scope: o.scope } : {}) });
    // Asking for a token changes nothing: retried like a read.
    const t = await http.post(url.pathname.split('/').pop()! + url.search, body, tokenSchema, { idempotent: true });
    return { token: t.access_token, expiresIn: t.expires_in };
  }, 3600);
}
