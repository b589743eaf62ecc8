// Runs the Connect simulator alone: `npm run simulator`. `npm start` runs it with the demo.
import { Simulator } from './server.js';

const clientId = process.env.CONNECT_CLIENT_ID ?? 'demo-client';
const clientSecret = process.env.CONNECT_CLIENT_SECRET;
if (!clientSecret) {
  console.error('Set CONNECT_CLIENT_SECRET to the secret the simulator should accept for CONNECT_CLIENT_ID.');
  process.exit(1);
}
const sim = new Simulator({
  dataFile: process.env.SIM_DATA_FILE ?? 'demo/.data/simulator.json',
  clients: { [clientId]: clientSecret },
  log: (line) => console.log(`[simulator] ${line}`),
});
const url = await sim.listen(Number(process.env.SIM_PORT ?? 4010));
console.log(`Connect simulator on ${url}/capi (token endpoint ${url}/user/oauth/token)`);
