// The shipped backend as a route handler: /api/consent/catalog, /state, /decisions, …
// Credentials come from the server's environment (never the browser, never the repo). Made on the
// first request, not at import: `next build` loads this module without that environment.
import { createConsentHandler, transportsFromEnv, type ConsentHandler } from 'consent-elements/server';

let handler: ConsentHandler | undefined;
function consent(req: Request): Promise<Response> {
  handler ??= createConsentHandler({
    base: '/api/consent',
    ...transportsFromEnv(process.env),
    allowedOrigins: (process.env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
    visitor: { secret: process.env.VISITOR_SECRET ?? '' },
    // A real site answers who the reader is from its own session: identity: { identityFor: (req) => … }.
  });
  return handler(req);
}

export const GET = consent;
export const POST = consent;
export const OPTIONS = consent;
export const dynamic = 'force-dynamic';
