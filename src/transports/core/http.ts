import { ConsentError, isAbort, type ConsentErrorInit } from '../../model/errors.js';

export interface HttpOptions {
  /** Base URL every path is resolved against, e.g. `https://api.mediaconnect.no/capi`. */
  baseUrl: string;
  /** Per attempt, in ms. Default 10 000. */
  timeout?: number;
  /** Retries after the first attempt for reads (and for 429 on writes). Default 2. */
  retries?: number;
  /** Longest wait a `Retry-After` may ask for, in ms. Default 10 000. */
  maxRetryAfter?: number;
  /** How each request carries its credential (see `bearer`, `inHeader`, `inQuery`, `inBody`). */
  auth?: Auth;
  headers?: Record<string, string>;
  /** Injected fetch (tests, server frameworks). */
  fetch?: typeof fetch;
  /** Sent with cookies to the same site by default; set `include` for a cross-site host API. */
  credentials?: RequestCredentials;
  /** Statuses retried (reads). Default 408, 429, 500, 502, 503, 504. */
  retryStatus?: readonly number[];
  /** What an error response's JSON body adds to the error (providers: `providerErrorBody`). Default: nothing. */
  errorBody?: ErrorBody;
}

/** A reason (`detail`) and the provider's ids read from an error response's JSON body. */
export type ErrorBody = (body: unknown) => { detail?: string } & Pick<ConsentErrorInit, 'requestId' | 'providerCode' | 'providerDetail'>;

/** A token getter as transports take it: read per request, never kept. */
export type TokenGetter = () => string | undefined | Promise<string | undefined>;

/** Where a credential goes in a request. */
export type AuthPlace = { header: string; scheme?: string } | { query: string } | { body: string };

/** An auth strategy: what the credential is, where it goes, and how to get a fresh one. */
export interface Auth {
  credential: TokenGetter;
  place: AuthPlace;
  /** Called once when the provider refuses the credential (401), or there is none, before one more try. */
  refresh?: () => void | Promise<void>;
  /** Without a credential, send the request anyway (e.g. a host backend on a cookie session). */
  optional?: boolean;
  /** What to say when there is none, e.g. `No CSP access token.` */
  missing?: string;
}

/** `Authorization: Bearer …`, only when there is a token. */
export const bearer = (getToken: TokenGetter, refresh?: () => void | Promise<void>): Auth => ({
  credential: getToken,
  place: { header: 'authorization', scheme: 'Bearer' },
  refresh,
  optional: true,
});

/** The credential as the whole value of a header (`csp-auth-token`, or a complete `Authorization`). */
export const inHeader = (header: string, credential: TokenGetter, o: Pick<Auth, 'refresh' | 'missing'> = {}): Auth => ({
  credential,
  place: { header },
  ...o,
});

/** The credential as a query parameter. */
export const inQuery = (query: string, credential: TokenGetter, o: Pick<Auth, 'refresh' | 'missing'> = {}): Auth => ({
  credential,
  place: { query },
  ...o,
});

/** The credential as a field of the JSON body. */
export const inBody = (body: string, credential: TokenGetter, o: Pick<Auth, 'refresh' | 'missing'> = {}): Auth => ({
  credential,
  place: { body },
  ...o,
});

export interface RequestOptions {
  /** Where this request carries the credential, when not where the strategy says (a provider that names it differently per call). */
  authAt?: AuthPlace;
  /** A POST without side effects (a query in a body): retried like a read. */
  idempotent?: boolean;
  searchParams?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * What checks a body: a zod schema (provider wire formats) or a model check (`./check.js`),
 * anything with zod's `safeParse`.
 */
export interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** A typed JSON client: every failure a ConsentError, every body checked. */
export interface Http {
  get<T>(path: string, schema: Schema<T>, o?: RequestOptions): Promise<T>;
  /** Not idempotent: retried only after 429. */
  post<T>(path: string, body: unknown, schema: Schema<T>, o?: RequestOptions): Promise<T>;
  /** Idempotent writes without a body: retried like reads. */
  put<T>(path: string, schema: Schema<T>, o?: RequestOptions): Promise<T>;
  delete<T>(path: string, schema: Schema<T>, o?: RequestOptions): Promise<T>;
  /** Where a request of `path` with these params goes (before a credential that goes in the query). */
  url(path: string, searchParams?: RequestOptions['searchParams']): URL;
}

const retryStatus = [408, 429, 500, 502, 503, 504];

/** A response outside 2xx; the error mapping reads its status, headers and body. */
export class HttpStatusError extends Error {
  override readonly name = 'HttpStatusError';
  constructor(
    readonly method: string,
    readonly url: URL,
    readonly response: Response,
  ) {
    super(`${method} ${where(url)} answered ${response.status}`);
  }
}

/** No answer within one attempt's time. */
class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(readonly url: URL) {
    super(`No answer from ${where(url)} in time.`);
  }
}

const where = (u: URL) => u.origin + u.pathname;

/** One request, as `call` sends it. */
interface Send {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  searchParams?: RequestOptions['searchParams'];
  json?: unknown;
  body?: URLSearchParams;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Retried like a read; otherwise only after 429 (never processed). */
  idempotent: boolean;
}

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const done = () => (clearTimeout(t), reject(signal!.reason));
    const t = setTimeout(() => (signal?.removeEventListener('abort', done), resolve()), ms);
    signal?.addEventListener('abort', done, { once: true });
  });

// fetch with a timeout per attempt and retries with jittered backoff (Retry-After honoured),
// all a transport needs of an http client; a library for it cost 5 KB brotli on every page.
export function createHttp(opts: HttpOptions): Http {
  if (!opts.baseUrl) throw new ConsentError('config', 'An endpoint (base URL) is required.');
  const prefixUrl = new URL(opts.baseUrl, globalThis.location?.href).href;
  const limit = opts.retries ?? 2;
  const statuses = opts.retryStatus ?? retryStatus;
  const maxRetryAfter = opts.maxRetryAfter ?? 10_000;
  const auth = opts.auth;

  /** How long to wait before trying again, or undefined when this failure is the answer. */
  function retryDelay(error: unknown, attempt: number, idempotent: boolean): number | undefined {
    if (attempt >= limit) return undefined;
    if (error instanceof HttpStatusError) {
      const { status, headers } = error.response;
      // A write that failed other than by 429 may have been stored: sending it again would
      // record the decision twice, so only a rate-limited write (never processed) is retried.
      if (!statuses.includes(status) || (!idempotent && status !== 429)) return undefined;
      const after = status === 429 || status === 503 ? parseRetryAfter(headers.get('retry-after')) : undefined;
      if (after !== undefined) return Math.min(after * 1000, maxRetryAfter);
    } else if (!idempotent) return undefined;
    return Math.random() * Math.min(4_000, 300 * 2 ** attempt);
  }

  async function attempt(url: URL, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    signal?.throwIfAborted();
    const control = new AbortController();
    const abort = () => control.abort(signal!.reason);
    signal?.addEventListener('abort', abort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const e = new TimeoutError(url);
        control.abort(e);
        reject(e);
      }, opts.timeout ?? 10_000);
    });
    try {
      const response = await Promise.race([(opts.fetch ?? fetch)(url, { ...init, signal: control.signal }), timedOut]);
      if (!response.ok) throw new HttpStatusError(init.method!, url, response);
      return response;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }

  function urlOf(path: string, searchParams: RequestOptions['searchParams'] = {}): URL {
    const u = new URL(path.replace(/^\//, ''), prefixUrl);
    for (const [k, v] of Object.entries(searchParams)) if (v !== undefined) u.searchParams.set(k, String(v));
    return u;
  }

  async function send(s: Send, at: AuthPlace | undefined): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers, ...s.headers };
    let json = s.json;
    const credential = auth && (await auth.credential());
    if (auth && !credential && !auth.optional) throw new ConsentError('unauthorized', auth.missing ?? 'No credentials for the provider.');
    const place = credential ? (at ?? auth!.place) : undefined;
    const url = urlOf(s.path, { ...s.searchParams, ...(place && 'query' in place ? { [place.query]: credential } : {}) });
    if (place && 'header' in place) headers[place.header] = place.scheme ? `${place.scheme} ${credential}` : credential!;
    // First, as provider references write it (`{ Token, Consent }`).
    if (place && 'body' in place) json = { [place.body]: credential, ...(json as object) };
    if (json !== undefined) headers['content-type'] = 'application/json';
    const init: RequestInit = {
      method: s.method,
      headers,
      body: s.body ?? (json === undefined ? undefined : JSON.stringify(json)),
      credentials: opts.credentials ?? 'same-origin',
      // Writes are sent with keepalive: a visitor who saves and leaves at once still gets it stored.
      keepalive: s.method !== 'GET',
    };
    for (let n = 0; ; n++) {
      try {
        return await attempt(url, init, s.signal);
      } catch (e) {
        if (s.signal?.aborted) throw e;
        const wait = retryDelay(e, n, s.idempotent);
        if (wait === undefined) throw e;
        await pause(wait, s.signal);
      }
    }
  }

  async function call<T>(s: Send, schema: Schema<T>, at?: AuthPlace, refreshed = false): Promise<T> {
    let response: Response;
    try {
      response = await send(s, at);
    } catch (e) {
      const error = await mapError(e, opts.errorBody);
      // A refused (or missing) credential was never accepted, so even a write is safe to send once more.
      const refused = error instanceof ConsentError && error.code === 'unauthorized' && (error.status === 401 || error.status === undefined);
      if (refused && auth?.refresh && !refreshed) {
        await auth.refresh();
        return call(s, schema, at, true);
      }
      throw error;
    }
    return parseBody(response, schema);
  }

  const simple = (method: 'GET' | 'PUT' | 'DELETE') => <T>(path: string, schema: Schema<T>, o?: RequestOptions) =>
    call({ method, path, searchParams: o?.searchParams, signal: o?.signal, headers: o?.headers, idempotent: true }, schema, o?.authAt);

  return {
    url: urlOf,
    get: simple('GET'),
    put: simple('PUT'),
    delete: simple('DELETE'),
    post: (path, body, schema, o) =>
      call(
        {
          method: 'POST',
          path,
          // A form (token logins) or JSON.
          ...(body instanceof URLSearchParams ? { body } : { json: body }),
          searchParams: o?.searchParams,
          signal: o?.signal,
          headers: o?.headers,
          idempotent: !!o?.idempotent,
        },
        schema,
        o?.authAt,
      ),
  };
}

/** What a provider transport takes of the http options: its `endpoint`, timeouts, fetch, headers. */
export type EndpointOptions = Omit<HttpOptions, 'baseUrl' | 'auth'> & { endpoint: string };

/** The http client of a provider transport, for its `endpoint`, with its auth strategy. */
export function endpointHttp(o: EndpointOptions, auth?: Auth, errorBody?: ErrorBody): Http {
  const { endpoint, timeout, retries, maxRetryAfter, headers, fetch, credentials, retryStatus } = o;
  return createHttp({ baseUrl: endpoint.replace(/\/?$/, '/'), timeout, retries, maxRetryAfter, headers, fetch, credentials, retryStatus, auth, errorBody });
}

/** Reads a JSON body and checks it against its schema; anything else is `invalid-response`. */
export async function parseBody<T>(response: Response, schema: Schema<T>): Promise<T> {
  const text = await response.text().catch((e: unknown) => {
    throw new ConsentError('network', 'The response body could not be read.', { cause: e });
  });
  let data: unknown;
  try {
    data = text === '' ? undefined : JSON.parse(text);
  } catch (e) {
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new ConsentError('invalid-response', `Expected JSON but got ${type}: ${JSON.stringify(text.slice(0, 40))}`, {
      status: response.status,
      cause: e,
    });
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new ConsentError('invalid-response', describeIssue(result.error.issues), { status: response.status, cause: result.error });
  }
  return result.data;
}

/** `groups[0].consentGroupId: Invalid input: expected number, received string` */
export function describeIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'The response did not match the expected shape.';
  const path = first.path.reduce<string>(
    (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)),
    '',
  );
  return `${path || '(body)'}: ${first.message}`;
}

/** Maps what fetch threw or answered to one ConsentError code. Aborts are passed through. */
export async function mapError(e: unknown, errorBody?: ErrorBody): Promise<unknown> {
  if (isAbort(e) || (e instanceof Error && e.name === 'AbortError')) return e;
  if (e instanceof ConsentError) return e;
  if (e instanceof TimeoutError) return new ConsentError('timeout', e.message, { cause: e });
  if (e instanceof HttpStatusError) {
    const { status } = e.response;
    const { detail, ...ids } = errorBody?.(await peekJson(e.response)) ?? {};
    const why = detail ? `: ${detail}` : '';
    const at = `${e.method} ${where(e.url)}`;
    const init = { status, cause: e, ...ids };
    if (status === 401 || status === 403) return new ConsentError('unauthorized', `${at} was refused (${status})${why}.`, init);
    if (status === 429) {
      const retryAfter = parseRetryAfter(e.response.headers.get('retry-after'));
      return new ConsentError('rate-limited', `${at}: too many requests${why}.`, { ...init, retryAfter });
    }
    return new ConsentError('http', `${at} failed with ${status}${why}.`, init);
  }
  const message = e instanceof Error ? e.message : String(e);
  return new ConsentError('network', `The provider could not be reached: ${message}`, { cause: e });
}


/** An error response's JSON body, without consuming it; undefined when it has none. */
export async function peekJson(response: Response): Promise<unknown> {
  try {
    return await response.clone().json();
  } catch {
    return undefined;
  }
}

/** `Retry-After` as seconds (delta or HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  if (Number.isFinite(n)) return Math.max(0, n);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
