import ky, { HTTPError, TimeoutError, type KyInstance, type Options } from 'ky';
import type * as z from 'zod/mini';
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
}

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

/** A typed JSON client: one ky instance, every failure a ConsentError, every body checked. */
export interface Http {
  get<S extends z.ZodMiniType>(path: string, schema: S, o?: RequestOptions): Promise<z.infer<S>>;
  /** Not idempotent: retried only after 429. */
  post<S extends z.ZodMiniType>(path: string, body: unknown, schema: S, o?: RequestOptions): Promise<z.infer<S>>;
  /** Idempotent writes without a body: retried like reads. */
  put<S extends z.ZodMiniType>(path: string, schema: S, o?: RequestOptions): Promise<z.infer<S>>;
  delete<S extends z.ZodMiniType>(path: string, schema: S, o?: RequestOptions): Promise<z.infer<S>>;
}

const retryStatus = [408, 429, 500, 502, 503, 504];

export function createHttp(opts: HttpOptions): Http {
  if (!opts.baseUrl) throw new ConsentError('config', 'An endpoint (base URL) is required.');
  const prefixUrl = new URL(opts.baseUrl, globalThis.location?.href).href;
  const api: KyInstance = ky.create({
    prefixUrl,
    timeout: opts.timeout ?? 10_000,
    credentials: opts.credentials ?? 'same-origin',
    headers: { accept: 'application/json', ...opts.headers },
    fetch: opts.fetch,
    retry: {
      limit: opts.retries ?? 2,
      methods: ['get', 'post', 'put', 'delete'],
      statusCodes: [...(opts.retryStatus ?? retryStatus)],
      afterStatusCodes: [429, 503],
      maxRetryAfter: opts.maxRetryAfter ?? 10_000,
      backoffLimit: 4_000,
      retryOnTimeout: true,
      jitter: true,
    },
  });

  // A write that failed other than by 429 may have been stored: sending it again would
  // record the decision twice, so only a rate-limited write (never processed) is retried.
  const writeRetry = {
    shouldRetry: ({ error }: { error: Error }) =>
      error instanceof HTTPError && error.response.status === 429 ? undefined : false,
  };

  const auth = opts.auth;

  /** The request with its credential in place; none (and not optional) is a refusal. */
  async function authorize(init: Options, at: AuthPlace | undefined): Promise<Options> {
    if (!auth) return init;
    const credential = await auth.credential();
    if (!credential) {
      if (auth.optional) return init;
      throw new ConsentError('unauthorized', auth.missing ?? 'No credentials for the provider.');
    }
    const place = at ?? auth.place;
    if ('header' in place) return { ...init, headers: { ...(init.headers as Record<string, string>), [place.header]: place.scheme ? `${place.scheme} ${credential}` : credential } };
    if ('query' in place) return { ...init, searchParams: { ...(init.searchParams as Record<string, string>), [place.query]: credential } };
    // First, as provider references write it (`{ Token, Consent }`).
    return { ...init, json: { [place.body]: credential, ...(init.json as object) } };
  }

  async function call<S extends z.ZodMiniType>(path: string, schema: S, init: Options, at?: AuthPlace, refreshed = false): Promise<z.infer<S>> {
    let response: Response;
    try {
      response = await api(path.replace(/^\//, ''), await authorize(init, at));
    } catch (e) {
      const error = await mapError(e);
      // A refused (or missing) credential was never accepted, so even a write is safe to send once more.
      const refused = error instanceof ConsentError && error.code === 'unauthorized' && (error.status === 401 || error.status === undefined);
      if (refused && auth?.refresh && !refreshed) {
        await auth.refresh();
        return call(path, schema, init, at, true);
      }
      throw error;
    }
    return parseBody(response, schema);
  }

  const params = (o?: RequestOptions) =>
    o?.searchParams
      ? Object.fromEntries(Object.entries(o.searchParams).filter(([, v]) => v !== undefined)) as Record<string, string | number | boolean>
      : undefined;

  // Writes are sent with keepalive: a visitor who saves and leaves at once still gets it stored.
  const simple = (method: 'get' | 'put' | 'delete') => <S extends z.ZodMiniType>(path: string, schema: S, o?: RequestOptions) =>
    call(path, schema, defined({ method, searchParams: params(o), signal: o?.signal, headers: o?.headers, keepalive: method !== 'get' || undefined }), o?.authAt);

  return {
    get: simple('get'),
    put: simple('put'),
    delete: simple('delete'),
    post: (path, body, schema, o) =>
      call(
        path,
        schema,
        defined({
          method: 'post',
          // A form (token logins) or JSON.
          ...(body instanceof URLSearchParams ? { body } : { json: body }),
          keepalive: true,
          searchParams: params(o),
          signal: o?.signal,
          headers: o?.headers,
          retry: o?.idempotent ? undefined : { ...writeRetry, limit: opts.retries ?? 2 },
        }),
        o?.authAt,
      ),
  };
}

/** What a provider transport takes of the http options: its `endpoint`, timeouts, fetch, headers. */
export type EndpointOptions = Omit<HttpOptions, 'baseUrl' | 'auth'> & { endpoint: string };

/** The http client of a provider transport, for its `endpoint`, with its auth strategy. */
export function endpointHttp(o: EndpointOptions, auth?: Auth): Http {
  const { endpoint, timeout, retries, maxRetryAfter, headers, fetch, credentials, retryStatus } = o;
  return createHttp({ baseUrl: endpoint.replace(/\/?$/, '/'), timeout, retries, maxRetryAfter, headers, fetch, credentials, retryStatus, auth });
}

/** ky treats a key set to undefined as "remove the instance default" (headers!): drop them. */
const defined = (o: Options): Options => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Options;

/** Reads a JSON body and checks it against its schema; anything else is `invalid-response`. */
export async function parseBody<S extends z.ZodMiniType>(response: Response, schema: S): Promise<z.infer<S>> {
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

/** Maps what ky or fetch threw to one ConsentError code. Aborts are passed through. */
export async function mapError(e: unknown): Promise<unknown> {
  if (isAbort(e) || (e instanceof Error && e.name === 'AbortError')) return e;
  if (e instanceof ConsentError) return e;
  if (e instanceof TimeoutError) return new ConsentError('timeout', `No answer from ${urlOf(e.request)} in time.`, { cause: e });
  if (e instanceof HTTPError) {
    const { status } = e.response;
    const body = await peekJson(e.response);
    const detail = errorDetail(body);
    const where = `${e.request.method} ${urlOf(e.request)}`;
    const init = { status, cause: e, ...providerIds(body) };
    if (status === 401 || status === 403) return new ConsentError('unauthorized', `${where} was refused (${status})${detail}.`, init);
    if (status === 429) {
      const retryAfter = parseRetryAfter(e.response.headers.get('retry-after'));
      return new ConsentError('rate-limited', `${where}: too many requests${detail}.`, { ...init, retryAfter });
    }
    return new ConsentError('http', `${where} failed with ${status}${detail}.`, init);
  }
  const message = e instanceof Error ? e.message : String(e);
  return new ConsentError('network', `The provider could not be reached: ${message}`, { cause: e });
}

const urlOf = (r: Request) => {
  const u = new URL(r.url);
  return u.origin + u.pathname;
};

/** An error response's JSON body, without consuming it; undefined when it has none. */
export async function peekJson(response: Response): Promise<unknown> {
  try {
    return await response.clone().json();
  } catch {
    return undefined;
  }
}

/** A short reason from an error body: a bare string, or a message field of the usual names. */
function errorDetail(body: unknown): string {
  if (typeof body === 'string') return `: ${body.slice(0, 200)}`;
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const msg = b.errorMessage ?? b.message ?? b.Message ?? b.error_description ?? b.Error ?? b.error;
    if (typeof msg === 'string') return `: ${msg.slice(0, 200)}`;
  }
  return '';
}

/** The provider's request id, error code and other plain fields, when its error body has them (CSP, Connect). */
function providerIds(body: unknown): Pick<ConsentErrorInit, 'requestId' | 'providerCode' | 'providerDetail'> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const b = body as Record<string, unknown>;
  const code = b.cspErrorCode ?? b.errorCode;
  // Short plain fields only (moduleCode, statusCode, …): nothing nested, nothing long.
  const plain = Object.entries(b).filter(([, v]) => typeof v === 'number' || (typeof v === 'string' && v.length <= 200)).slice(0, 12);
  return {
    ...(typeof b.requestId === 'string' ? { requestId: b.requestId } : {}),
    ...(typeof code === 'string' ? { providerCode: code } : {}),
    ...(plain.length ? { providerDetail: Object.fromEntries(plain) as Record<string, string | number> } : {}),
  };
}

/** `Retry-After` as seconds (delta or HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  if (Number.isFinite(n)) return Math.max(0, n);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
