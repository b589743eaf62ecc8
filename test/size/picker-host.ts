import { ConsentGroupPicker, HostTransport } from '../../src/index.js';
customElements.define('consent-group-picker', ConsentGroupPicker);
const picker = document.createElement('consent-group-picker');
picker.transport = new HostTransport({ endpoint: '/api/consent' });
document.body.append(picker);
