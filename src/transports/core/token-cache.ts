/** What a token endpoint gave: the token and, when it says, its lifetime in seconds. */
export interface IssuedToken {
  token: string;
  expiresIn?: number;
}

/** A token source for a host backend, with the cache every provider login needs. */
export interface TokenSource {
  /** The cached token, or a new one; concurrent callers share one request. */
  getToken(): Promise<string>;
  /** Forget the cached token (after a 401), so the next call fetches a new one. */
  invalidate(): void;
}

/**
 * Caches what `fetchToken` issues until a minute before it expires (`defaultTtl` seconds when
 * the provider does not say; `Infinity`: until invalidated). A failure is never cached.
 */
export function tokenCache(fetchToken: () => Promise<IssuedToken>, defaultTtl: number): TokenSource {
  let cached: { token: string; until: number } | undefined;
  let pending: Promise<string> | undefined;
  return {
    async getToken() {
      if (cached && cached.until > Date.now()) return cached.token;
      pending ??= fetchToken()
        .then((t) => {
          cached = { token: t.token, until: Date.now() + ((t.expiresIn ?? defaultTtl) - 60) * 1000 };
          return t.token;
        })
        .finally(() => (pending = undefined));
      return pending;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
