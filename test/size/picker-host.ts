import { ConsentGroupPicker, HostTransport } from 'consent-elements';
customElements.define('consent-group-picker', ConsentGroupPicker);
const picker = document.createElement('consent-group-picker');
picker.transport = new HostTransport({ endpoint: '/api/consent' });
document.body.append(picker);
