// `npm start`: the provider simulator, the reference host backend and the demo pages, on this
// machine, with no account and no network. Environment variables point the backend at the
// real providers instead (see README).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { readFile } from 'node:fs/promises';
import { ConnectTransport, createConsentHandler, preloadScript, providerEnv, type PreloadQuestion, toFetchRequest, toNodeHandler, transportsFromEnv, type RequestLog } from '../src/server.js';
import { CONSENTUA_CLIENT, CONSENTUA_SERVICE } from '../fixtures/consentua.js';
import { CONSENTUA_PREFIX } from './simulator/consentua.js';
import { CSP_ORG } from './simulator/csp.js';
import { customers } from '../fixtures/connect.js';
import { Simulator } from './simulator/server.js';
import { SUPEROFFICE_PREFIX } from './simulator/superoffice.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const log = (line: string) => env.DEMO_QUIET === '1' || console.log(line);
const secret = () => randomBytes(24).toString('base64url');

// The CRM person and the reader the demo's visitor is treated as (a real backend takes them from its session).
const demoPerson = env.SUPEROFFICE_DEMO_PERSON ?? '30336';
const demoReader = { uniqueId: env.CONNECT_DEMO_UNIQUE_ID ?? customers[0]!.uniqueId };

// Provider settings: real ones from the environment (the same variables as
// `consent-elements-server`), or for each provider left out the simulator, with secrets made up
// for this run only.
const vars: Record<string, string | undefined> = { ...env };
const missing = (Object.keys(providerEnv) as (keyof typeof providerEnv)[]).filter((p) => !vars[providerEnv[p][0]!]);
let simulator: Simulator | undefined;
let simulatorUrl: string | undefined;
if (missing.length) {
  // Values the environment gives are kept (tests pass the simulator's secrets this way).
  const made = {
    CONNECT_CLIENT_ID: env.CONNECT_CLIENT_ID ?? 'demo-client',
    CONNECT_CLIENT_SECRET: env.CONNECT_CLIENT_SECRET ?? secret(),
    CONSENTUA_CLIENT_ID: env.CONSENTUA_CLIENT_ID ?? String(CONSENTUA_CLIENT),
    CONSENTUA_SERVICE_ID: env.CONSENTUA_SERVICE_ID ?? String(CONSENTUA_SERVICE),
    CONSENTUA_SERVICE_KEY: env.CONSENTUA_SERVICE_KEY ?? secret(),
    SUPEROFFICE_AUTHORIZATION: env.SUPEROFFICE_AUTHORIZATION ?? `Bearer ${secret()}`,
    CSP_API_TOKEN: env.CSP_API_TOKEN ?? secret(),
    CSP_ORG_ID: env.CSP_ORG_ID ?? CSP_ORG,
  };
  simulator = new Simulator({
    dataFile: env.SIM_DATA_FILE ?? `${root}demo/.data/simulator.json`,
    clients: { [made.CONNECT_CLIENT_ID]: made.CONNECT_CLIENT_SECRET },
    consentuaServiceKey: made.CONSENTUA_SERVICE_KEY,
    superofficeAuthorization: made.SUPEROFFICE_AUTHORIZATION,
    cspApiToken: made.CSP_API_TOKEN,
    log: (line) => log(`[simulator] ${line}`),
  });
  simulatorUrl = await simulator.listen(Number(env.SIM_PORT ?? 4010));
  const urls = {
    connect: { PROVIDER_URL: `${simulatorUrl}/capi`, PROVIDER_TOKEN_URL: `${simulatorUrl}/user/oauth/token` },
    consentua: { CONSENTUA_URL: `${simulatorUrl}${CONSENTUA_PREFIX}/` },
    superoffice: { SUPEROFFICE_URL: `${simulatorUrl}${SUPEROFFICE_PREFIX}` },
    csp: { CSP_URL: simulatorUrl },
  };
  for (const p of missing) for (const v of providerEnv[p]) vars[v] = (urls[p] as Record<string, string>)[v] ?? (made as Record<string, string>)[v];
}
let transports: ReturnType<typeof transportsFromEnv>;
try {
  transports = transportsFromEnv(vars);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

// Filled in once the port is known, unless ALLOWED_ORIGINS names them.
const origins = env.ALLOWED_ORIGINS ? env.ALLOWED_ORIGINS.split(',').map((o) => o.trim()) : [];
// Signs the visitor cookie. A real backend takes it from its environment (the same on every
// instance); the demo makes one per run, so its visitors are new after a restart.
const visitorSecret = env.VISITOR_SECRET ?? randomBytes(32).toString('base64url');
const hostOptions = {
  allowedOrigins: origins,
  visitor: { secret: visitorSecret },
  catalogTtl: env.HOST_CATALOG_TTL_MS === undefined ? undefined : Number(env.HOST_CATALOG_TTL_MS),
  writeDeadline: env.HOST_WRITE_DEADLINE_MS === undefined ? undefined : Number(env.HOST_WRITE_DEADLINE_MS),
  rateLimit: env.HOST_RATE_LIMIT === undefined ? undefined : Number(env.HOST_RATE_LIMIT),
  log: (e: RequestLog) => log(`[host] ${e.method} ${e.route} → ${e.status} ${e.ms} ms${e.error ? ` ${e.error}` : ''}${e.requestId ? ` (${e.requestId})` : ''}`),
};

// The demo reader's own Connect session, for privacy requests. A real backend holds the reader's
// user token from their ConnectID login; the simulator hands one out for the demo reader.
const readerConnect =
  simulatorUrl && missing.includes('connect')
    ? new ConnectTransport({
        endpoint: `${simulatorUrl}/capi`,
        mode: 'user',
        getToken: async () => {
          const r = await fetch(`${simulatorUrl}/__sim/user-token`, { method: 'POST', body: JSON.stringify({ subject: customers[0]!.connectId }) });
          return ((await r.json()) as { access_token: string }).access_token;
        },
      })
    : undefined;

// The shipped handler (consent-elements/server), one mount per provider. The demo has no login:
// it treats every visitor as one reader and one CRM person, which a real backend takes from its session.
const handlers = [
  createConsentHandler({
    ...hostOptions,
    base: '/api/consent',
    connect: transports.connect,
    identity: { identityFor: () => demoReader, privacyFor: () => readerConnect },
  }),
  createConsentHandler({
    ...hostOptions,
    base: '/api/consentua',
    consentua: transports.consentua,
  }),
  createConsentHandler({
    ...hostOptions,
    base: '/api/superoffice',
    superoffice: transports.superoffice,
    identity: { subjectFor: () => ({ id: demoPerson, type: 'PERSON' }) },
  }),
  createConsentHandler({
    ...hostOptions,
    base: '/api/csp',
    csp: transports.csp,
  }),
  // Browser tests need many separate visitors in one browser: there, with DEMO_SUBJECTS_AS_NAMED,
  // a mount that takes the subject the page names. Never in a real backend: anyone could name anyone.
  ...(env.DEMO_SUBJECTS_AS_NAMED
    ? (['connect', 'consentua'] as const).map((p) =>
        createConsentHandler({
          ...hostOptions,
          base: `/as-named/api/${p === 'connect' ? 'consent' : p}`,
          [p]: transports[p],
          identity: { subjectFor: (_req, about) => about.browser, identityFor: () => demoReader },
        }),
      )
    : []),
];
const hosts = handlers.map(toNodeHandler);
const demo = sirv(`${root}demo`, { dev: true });
const dist = sirv(root, { dev: true });
// Pages, their scripts and styles: not the demo's TypeScript (this server, the simulator).
const demoPage = /^\/([\w-]+\/)*([\w.-]+\.(html|css|js|svg|png|ico))?$/;
const browserBundles = /^\/dist\/(consent-elements(\.all-languages)?\.iife\.js(\.map)?|(locales|providers)\/[\w-]+\.js|demo-(react|vue)\/.*)$/;
const notFound = (res: ServerResponse) => void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');

// What each page's elements read before they can draw, put into the page by the backend
// (preloadScript): the choices are drawn in the first frame, at their size, with no round trip.
// DEMO_PRELOAD=0, or `?preload=0` on a page, leaves it out.
// The picker of issuer 913456780, and a gate on its consent 120 with that consent's text (shown when it is not given).
const articleReads: PreloadQuestion[] = [
  '/api/consent/catalog?issuer=913456780&onlyActive=true',
  '/api/consent/state?issuer=913456780',
  { url: '/api/consent/access', body: { consent: '120', issuer: '913456780' } },
  '/api/consent/catalog?issuer=913456780&lang=en-GB',
];
const preloads: Record<string, { file: string; reads: PreloadQuestion[] }> = {
  '/': {
    file: 'demo/index.html',
    reads: [
      '/api/consent/catalog?issuer=468979834&onlyActive=true',
      '/api/consent/state?issuer=468979834',
      '/api/consentua/catalog?clientId=266&serviceId=105&templateId=41&lang=en-GB&onlyActive=true',
      '/api/consentua/state?clientId=266&serviceId=105&templateId=41',
      '/api/superoffice/catalog?lang=en-GB&onlyActive=true',
      '/api/superoffice/state',
    ],
  },
  // The paywall's entitlement, then what the React app asks too.
  '/article.html': { file: 'demo/article.html', reads: [{ url: '/api/consent/access', body: { product: 'CO27409' } }, ...articleReads] },
  '/consent-manager.html': { file: 'demo/consent-manager.html', reads: articleReads.slice(0, 2) },
};
preloads['/index.html'] = preloads['/']!;
// The React and Vue apps' pages too: the same backend serves it, so it can carry the answers its elements ask first.
preloads['/dist/demo-react/'] = preloads['/dist/demo-react/index.html'] = { file: 'dist/demo-react/index.html', reads: articleReads };
preloads['/dist/demo-vue/'] = preloads['/dist/demo-vue/index.html'] = { file: 'dist/demo-vue/index.html', reads: articleReads };

async function preloadedPage(req: IncomingMessage, res: ServerResponse, page: { file: string; reads: PreloadQuestion[] }) {
  const [html, script] = await Promise.all([
    readFile(`${root}${page.file}`, 'utf8'),
    preloadScript(handlers, toFetchRequest(req), page.reads, { clientAddress: req.socket.remoteAddress }),
  ]);
  // The visitor's state is in it: for this browser only, and asked for again on every visit.
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-cache' });
  res.end(html.replace(/<head>/, `<head>\n    ${script}`));
}

const server = createServer(async (req, res) => {
  for (const host of hosts) if (await host(req, res, () => undefined)) return;
  // The demo pages and the browser bundles only: never the server code (dist/esm/server.js, the
  // backend's sources) nor the simulator.
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const path = url.pathname;
  const page = preloads[path];
  if (page && req.method === 'GET' && env.DEMO_PRELOAD !== '0' && url.searchParams.get('preload') !== '0') return preloadedPage(req, res, page);
  if (browserBundles.test(path)) return dist(req, res, () => notFound(res));
  if (path.startsWith('/dist/') || !demoPage.test(path)) return notFound(res);
  demo(req, res, () => notFound(res));
});

const port = Number(env.PORT ?? 8080);
await new Promise<void>((resolve) => server.listen(port, env.HOST ?? '127.0.0.1', resolve));
const { port: bound } = server.address() as AddressInfo;
if (!env.ALLOWED_ORIGINS) origins.push(`http://localhost:${bound}`, `http://127.0.0.1:${bound}`);
console.log(`Demo on http://localhost:${bound}/  (host backend /api/consent, /api/consentua, /api/superoffice and /api/csp → ${simulator ? `simulator ${simulatorUrl}` : 'real providers'})`);
// One machine-readable line for scripts that start the demo.
console.log(`READY ${JSON.stringify({ demo: `http://127.0.0.1:${bound}`, simulator: simulatorUrl ?? null })}`);

const stop = async () => {
  server.closeAllConnections();
  server.close();
  await simulator?.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
