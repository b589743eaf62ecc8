// `npx consent-elements-server`: the host backend as a process of its own, configured by
// environment variables (the same as the demo's), serving the contract and a health route.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { ConsentError } from './model/errors.js';
import { createConsentHandler, providerNames } from './server/handler.js';
import { providerEnv, transportsFromEnv } from './server/env.js';
import { toNodeHandler } from './server/node.js';

export const help = `consent-elements-server: the consent-elements host backend, standalone.

Usage: consent-elements-server [--port <n>] [--host <address>] [--base <path>] [--help]

Serves the host contract at {base}/{provider}/catalog, /state, /decisions, /access for every
provider configured below (with one provider: {base}/catalog, …), and GET /healthz.

Environment:
  ALLOWED_ORIGINS   comma-separated origins of your pages, e.g. https://www.example.com (required)
  PORT, HOST        where to listen (default 8080 on 127.0.0.1); BASE_PATH (default /api/consent)
  TRUST_PROXY       how many proxies are in front of it (their X-Forwarded-For names the client)
  RATE_LIMIT        requests per minute per client (default 600)
  VISITOR_SECRET    signs the anonymous visitor's cookie: 32+ random characters, the same on
                    every instance (comma-separated: the first signs, all are accepted); needed
                    with Connect or Consentua
${providerNames.map((p) => `  ${p.padEnd(12)}      ${providerEnv[p].join(' ')}`).join('\n')}
                    (SUPEROFFICE_APP_TOKEN optional)

It knows no login: it serves pseudonymous visitors (Connect consents, Consentua templates) and
CSP org consents. SuperOffice persons, Connect entitlements and privacy requests need your
site's session: mount createConsentHandler from consent-elements/server in your app instead.`;

/** Starts the server; resolves once it listens. Exits the process on SIGTERM/SIGINT after answering what is in flight. */
export async function main(argv: string[], env: Record<string, string | undefined>, out: (line: string) => void = console.log): Promise<Server | undefined> {
  const { values } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, port: { type: 'string' }, host: { type: 'string' }, base: { type: 'string' } } });
  if (values.help) {
    out(help);
    return undefined;
  }
  const origins = (env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  if (!origins.length) throw new ConsentError('config', 'Set ALLOWED_ORIGINS to the origins of your pages (see --help).');
  const transports = transportsFromEnv(env);
  const served = providerNames.filter((p) => transports[p]);
  if (!served.length) throw new ConsentError('config', `No provider is configured: set the variables of at least one (see --help).`);
  const trust = env.TRUST_PROXY ? Number(env.TRUST_PROXY) : undefined;
  const secrets = (env.VISITOR_SECRET ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!secrets.length && (transports.connect || transports.consentua))
    throw new ConsentError('config', 'Set VISITOR_SECRET to 32+ random characters (e.g. `openssl rand -base64 32`): it signs the anonymous visitor\'s cookie (see --help).');
  const handler = createConsentHandler({
    base: values.base ?? env.BASE_PATH ?? '/api/consent',
    ...transports,
    allowedOrigins: origins,
    ...(secrets.length ? { visitor: { secret: secrets } } : {}),
    ...(trust ? { trustProxy: trust } : {}),
    ...(env.RATE_LIMIT ? { rateLimit: Number(env.RATE_LIMIT) } : {}),
    log: (e) => out(JSON.stringify(e)),
  });
  const node = toNodeHandler(handler);
  let closing = false;
  const server = createServer((req, res) => {
    if (req.url === '/healthz' && req.method === 'GET') {
      res.writeHead(closing ? 503 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return void res.end(JSON.stringify({ status: closing ? 'closing' : 'ok', providers: served }));
    }
    void node(req, res);
  });
  const port = Number(values.port ?? env.PORT ?? 8080);
  await new Promise<void>((resolve) => server.listen(port, values.host ?? env.HOST ?? '127.0.0.1', resolve));
  const { address, port: bound } = server.address() as AddressInfo;
  out(JSON.stringify({ listening: `http://${address}:${bound}`, providers: served }));
  const stop = () => {
    if (closing) return;
    closing = true;
    // No new connections; idle ones closed; requests in flight are answered (10 s at most).
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return server;
}
