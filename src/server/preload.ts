import { ConsentError } from '../model/errors.js';
import type { ConsentHandler, RequestContext } from './handler.js';

/** A question a page's elements ask before they draw: a catalog or state read, or an access question (POST). */
export type PreloadQuestion = string | { url: string; body: Record<string, unknown> };

/**
 * Asks the consent handlers, for the visitor of `request` (a page request, with its cookies and
 * session), the questions the page's elements will ask first, and returns the answers as a
 * `<script type="application/json" data-consent-preload>` to put at the top of the page's
 * `<head>`. The host transport then draws from it without a round trip (each answer once), and
 * asks the backend for whatever it lacks: a question that failed here is left out.
 *
 * Questions as the elements ask them, e.g. `/api/consent/catalog?issuer=468979834&onlyActive=true`,
 * `/api/consent/state?issuer=468979834` and `{ url: '/api/consent/access', body: { issuer: '913456780', consent: '120' } }`
 * (no subject: the backend names the visitor). A page holding the visitor's answers must not be
 * cached for others: send it with `Cache-Control: private, no-cache`. From a page the browser
 * shows from its cache (back and forward), the transport uses only the catalogs.
 */
export async function preloadScript(
  handlers: ConsentHandler | readonly ConsentHandler[],
  request: Request,
  questions: readonly PreloadQuestion[],
  context?: RequestContext,
): Promise<string> {
  const all = Array.isArray(handlers) ? handlers : [handlers as ConsentHandler];
  const answers = await Promise.all(
    questions.map(async (q) => {
      const { url: path, body } = typeof q === 'string' ? { url: q, body: undefined } : q;
      const url = new URL(path, request.url);
      const handler = all.find((h) => h.handles(url.pathname));
      const route = body ? /\/access$/ : /\/(catalog|state)$/;
      if (!handler || !route.test(url.pathname))
        throw new ConsentError('config', `preloadScript: ${path} is not a catalog or state read, or (with a body) an access question, of the handlers given.`);
      // The page request's cookies and session, as the browser's own request would carry them.
      const headers = new Headers(request.headers);
      for (const h of ['if-none-match', 'if-modified-since', 'content-length']) headers.delete(h);
      headers.set('accept', 'application/json');
      if (body) headers.set('content-type', 'application/json'), headers.set('origin', new URL(request.url).origin);
      else headers.delete('origin');
      const res = await handler(new Request(url, { method: body ? 'POST' : 'GET', headers, body: body && JSON.stringify(body) }), context);
      return res.status === 200 ? [{ url: path, ...(body ? { body } : {}), answer: await res.json() }] : [];
    }),
  );
  // `<` escaped: provider text such as `</script>` stays text inside the script element.
  return `<script type="application/json" data-consent-preload>${JSON.stringify(answers.flat()).replace(/</g, '\\u003c')}</script>`;
}
