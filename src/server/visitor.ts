import { ConsentError } from '../model/errors.js';

/**
 * The anonymous visitor, owned by the backend: a random pseudonymous subject id in a signed,
 * `HttpOnly` cookie. A browser cannot name another visitor's id (it is never sent to page code)
 * nor forge one (the signature needs the secret).
 */
export interface VisitorOptions {
  /**
   * Signs the cookie: 32 or more random characters from the environment, the same on every
   * instance. Several: the first signs, all are accepted (to rotate, put the new one first).
   */
  secret: string | readonly string[];
  /** Default `consent_visitor`. */
  cookie?: string;
  /** How long a visitor is remembered after their last decision, days. Default 365 (browsers keep at most 400). */
  maxAgeDays?: number;
  /**
   * Default `Lax`: sent with requests from pages of the same site (`www.` and `api.` of one
   * domain too), never from other sites. `None` (an API on another site) needs HTTPS.
   */
  sameSite?: 'Strict' | 'Lax' | 'None';
  /** Default: when the request came over HTTPS (`X-Forwarded-Proto` counts behind a trusted proxy). */
  secure?: boolean;
  /** Default `/`. */
  path?: string;
}

export interface VisitorCookies {
  /** The visitor id of a request's cookie, when it is there and signed by one of the secrets. */
  read(req: Request): Promise<string | undefined>;
  /** The `Set-Cookie` value naming `id`. */
  issue(id: string, secure: boolean): Promise<string>;
  /** The visitor id `seed` names: always the same for one seed, unguessable without the secret. */
  idFor(seed: string): Promise<string>;
}

const enc = new TextEncoder();
/** Bytes as base64url without padding (cookie signatures, ETags). */
export const b64url = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromB64url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** Signs and reads the visitor cookie with WebCrypto HMAC-SHA-256 (every runtime the handler runs on has it). */
export function visitorCookies(o: VisitorOptions): VisitorCookies {
  const secrets = typeof o.secret === 'string' ? [o.secret] : [...o.secret];
  if (!secrets.length || secrets.some((s) => typeof s !== 'string' || s.length < 32))
    throw new ConsentError('config', 'visitor.secret must be 32 or more random characters (e.g. `openssl rand -base64 32`), from an environment variable such as VISITOR_SECRET.');
  const sameSite = o.sameSite ?? 'Lax';
  if (sameSite === 'None' && o.secure === false) throw new ConsentError('config', 'visitor.sameSite "None" needs a Secure cookie: serve the API over HTTPS.');
  const name = o.cookie ?? 'consent_visitor';
  if (!/^[\w-]+$/.test(name)) throw new ConsentError('config', `visitor.cookie "${name}" is not a valid cookie name.`);
  const maxAge = Math.round((o.maxAgeDays ?? 365) * 86_400);
  const keys = secrets.map((s) => crypto.subtle.importKey('raw', enc.encode(s), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']));
  const data = (id: string) => enc.encode(`${name}:${id}`);
  const sign = async (bytes: BufferSource) => crypto.subtle.sign('HMAC', await keys[0]!, bytes);

  return {
    async read(req) {
      const value = (req.headers.get('cookie') ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1);
      const [id, sig] = (value ?? '').split('.');
      if (!id || !sig || !/^[0-9a-f-]{36}$/.test(id) || !/^[\w-]{43}$/.test(sig)) return undefined;
      for (const key of keys) if (await crypto.subtle.verify('HMAC', await key, fromB64url(sig), data(id))) return id;
      return undefined;
    },
    async idFor(seed) {
      const hex = [...new Uint8Array(await sign(enc.encode(`${name}:seed:${seed}`)))].map((b) => b.toString(16).padStart(2, '0')).join('');
      // As a UUID (version 8, custom), the form the cookie's id takes.
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
    async issue(id, secure) {
      const sig = b64url(await sign(data(id)));
      const attrs = [`${name}=${id}.${sig}`, `Path=${o.path ?? '/'}`, `Max-Age=${maxAge}`, 'HttpOnly', `SameSite=${sameSite}`];
      if (o.secure ?? (secure || sameSite === 'None')) attrs.push('Secure');
      return attrs.join('; ');
    },
  };
}
