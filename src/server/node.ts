import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ConsentHandler } from './handler.js';

/**
 * The consent handler as `node:http` / Express / Connect middleware: `(req, res, next?)`.
 * Requests outside the handler's base go to `next` (or get 404 without one). Resolves to
 * whether it answered.
 */
export function toNodeHandler(handler: ConsentHandler) {
  return async function consentMiddleware(req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void): Promise<boolean> {
    const url = urlOf(req);
    if (!handler.handles(url.pathname)) {
      if (next) next();
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return false;
    }
    try {
      const response = await handler(toFetchRequest(req, url), { clientAddress: req.socket.remoteAddress });
      const out: Record<string, string | string[]> = Object.fromEntries(response.headers);
      // Each cookie its own header line (joined with commas it would be one broken cookie).
      if (response.headers.has('set-cookie')) out['set-cookie'] = response.headers.getSetCookie();
      res.writeHead(response.status, out);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (e) {
      // Only a broken connection gets here: the handler answers everything else itself.
      if (next) next(e);
      else if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
    return true;
  };
}

/** A `node:http` request's URL; https when its socket is a TLS socket (the visitor cookie is then Secure). */
function urlOf(req: IncomingMessage): URL {
  const host = req.headers.host ?? 'localhost';
  return new URL(req.url ?? '/', `${'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http'}://${host}`);
}

/**
 * A `node:http` request as a fetch `Request`, with its headers (cookies, session) and, for other
 * methods than GET and HEAD, its body: what the consent handler and `preloadScript` take.
 */
export function toFetchRequest(req: IncomingMessage, url: URL = urlOf(req)): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}
