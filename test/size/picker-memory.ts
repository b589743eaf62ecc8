// A page that imports only the picker class and gives it a memory transport: what a bundler
// keeps of the kit for it (`npm run build` prints the size; test/e2e/size.test.ts checks it).
import { ConsentGroupPicker, MemoryTransport } from 'consent-elements';

customElements.define('consent-group-picker', ConsentGroupPicker);
const picker = document.createElement('consent-group-picker');
const item = (id: string, order: number, title: string) => ({ id, order, active: true, ref: {}, texts: [{ lang: 'en', title }] });
picker.transport = new MemoryTransport({
  catalog: {
    source: 'memory:news',
    groups: [{ id: 'news', order: 1, active: true, texts: [{ lang: 'en', title: 'Newsletters' }], items: [item('weekly', 1, 'Weekly digest'), item('offers', 2, 'Offers')] }],
  },
});
document.body.append(picker);
