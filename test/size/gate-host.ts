import { ConsentAccessGate, HostTransport } from 'consent-elements';
customElements.define('consent-access-gate', ConsentAccessGate);
const gate = document.createElement('consent-access-gate');
gate.transport = new HostTransport({ endpoint: '/api/consent' });
document.body.append(gate);
