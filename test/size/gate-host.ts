import { ConsentAccessGate, HostTransport } from '../../src/index.js';
customElements.define('consent-access-gate', ConsentAccessGate);
const gate = document.createElement('consent-access-gate');
gate.transport = new HostTransport({ endpoint: '/api/consent' });
document.body.append(gate);
