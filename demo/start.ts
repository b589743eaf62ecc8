// `npm start`: the Connect simulator, the reference host backend and the demo pages, on this
// machine, with no account and no network. PROVIDER_URL etc. point the backend at real Connect.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { ConnectTransport } from '../src/transports/connect.js';
import { clientCredentials } from '../src/server.js';
import { createHostHandler } from './server/host.js';
import { Simulator } from './simulator/server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const quiet = env.DEMO_QUIET === '1';
const log = (line: string) => quiet || console.log(line);

// Without a real provider, run the simulator with a client secret made up for this run only.
let providerUrl = env.PROVIDER_URL;
let tokenUrl = env.PROVIDER_TOKEN_URL;
let clientId = env.CONNECT_CLIENT_ID ?? 'demo-client';
let clientSecret = env.CONNECT_CLIENT_SECRET;
let simulator: Simulator | undefined;
let simulatorUrl: string | undefined;
if (!providerUrl) {
  clientSecret ??= randomBytes(24).toString('base64url');
  simulator = new Simulator({
    dataFile: env.SIM_DATA_FILE ?? `${root}demo/.data/simulator.json`,
    clients: { [clientId]: clientSecret },
    log: (line) => log(`[simulator] ${line}`),
  });
  simulatorUrl = await simulator.listen(Number(env.SIM_PORT ?? 4010));
  providerUrl = `${simulatorUrl}/capi`;
  tokenUrl = `${simulatorUrl}/user/oauth/token`;
}
if (!tokenUrl || !clientSecret) {
  console.error('With PROVIDER_URL, also set PROVIDER_TOKEN_URL, CONNECT_CLIENT_ID and CONNECT_CLIENT_SECRET.');
  process.exit(1);
}

const port = Number(env.PORT ?? 8080);
const tokens = clientCredentials({ tokenUrl, clientId, clientSecret, scope: 'read' });
const transport = new ConnectTransport({
  endpoint: providerUrl,
  mode: 'client',
  getToken: tokens.getToken,
  refreshToken: tokens.invalidate,
});
// Filled in once the port is known, unless ALLOWED_ORIGINS names them.
const origins = env.ALLOWED_ORIGINS ? env.ALLOWED_ORIGINS.split(',').map((o) => o.trim()) : [];
const host = createHostHandler({
  base: '/api/consent',
  transport,
  allowedOrigins: origins,
  catalogTtl: env.HOST_CATALOG_TTL_MS === undefined ? undefined : Number(env.HOST_CATALOG_TTL_MS),
  log: (line) => log(`[host] ${line}`),
});
const statics = [sirv(`${root}demo`, { dev: true }), sirv(root, { dev: true })];

const server = createServer(async (req, res) => {
  if (await host(req, res)) return;
  // The demo pages, and dist/ for the built bundles. Nothing outside demo/ and dist/.
  if (req.url === '/config.json') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ simulator: simulatorUrl ?? null }));
  }
  const [demo, top] = statics;
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path.startsWith('/dist/')) return top!(req, res, () => notFound(res));
  demo!(req, res, () => notFound(res));
});
const notFound = (res: import('node:http').ServerResponse) => void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');

await new Promise<void>((resolve) => server.listen(port, env.HOST ?? '127.0.0.1', resolve));
const { port: bound } = server.address() as AddressInfo;
if (!env.ALLOWED_ORIGINS) origins.push(`http://localhost:${bound}`, `http://127.0.0.1:${bound}`);
console.log(`Demo on http://localhost:${bound}/  (host backend /api/consent → ${simulator ? `simulator ${simulatorUrl}` : providerUrl})`);
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
