// Runs the provider simulator alone: `npm run simulator`. `npm start` runs it with the demo.
import { Simulator } from './server.js';

const clientId = process.env.CONNECT_CLIENT_ID ?? 'demo-client';
const clientSecret = process.env.CONNECT_CLIENT_SECRET;
const serviceKey = process.env.CONSENTUA_SERVICE_KEY;
const soAuth = process.env.SUPEROFFICE_AUTHORIZATION;
const cspToken = process.env.CSP_API_TOKEN;
if (!clientSecret || !serviceKey || !soAuth || !cspToken) {
  console.error('Set CONNECT_CLIENT_SECRET, CONSENTUA_SERVICE_KEY, SUPEROFFICE_AUTHORIZATION and CSP_API_TOKEN to the secrets the simulator should accept.');
  process.exit(1);
}
const sim = new Simulator({
  dataFile: process.env.SIM_DATA_FILE ?? 'demo/.data/simulator.json',
  clients: { [clientId]: clientSecret },
  consentuaServiceKey: serviceKey,
  superofficeAuthorization: soAuth,
  cspApiToken: cspToken,
  log: (line) => console.log(`[simulator] ${line}`),
});
const url = await sim.listen(Number(process.env.SIM_PORT ?? 4010));
console.log(`Simulator on ${url}: Connect ${url}/capi (token ${url}/user/oauth/token), Consentua ${url}/consentua/, SuperOffice ${url}/superoffice/api/v1, CSP ${url}/csp/gateway/am/api`);
