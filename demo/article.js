// Demo glue: the product switcher and a live log of the gates' and pickers' events.
const paywall = document.getElementById('paywall');
const product = document.getElementById('product');
const log = document.getElementById('log');

product.addEventListener('change', () => (paywall.product = product.value));

const write = (el, type, text) => {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${el.id || el.localName} ${type} — ${text}`;
  li.dataset.type = type;
  li.dataset.element = el.id || el.localName;
  log.prepend(li);
  while (log.children.length > 50) log.lastChild.remove();
};
for (const gate of document.querySelectorAll('consent-access-gate')) {
  gate.addEventListener('access-change', (e) => {
    const a = e.detail.accesses?.find((x) => x.access);
    write(gate, 'access-change', `${e.detail.granted ? 'open' : 'closed'} (${e.detail.reason})${a ? ` level ${a.level}, type ${a.type}` : ''}`);
  });
  gate.addEventListener('consent-error', (e) => write(gate, 'consent-error', `${e.detail.code}: ${e.detail.message}`));
}
document.addEventListener('consent-saved', (e) =>
  write(e.target, 'consent-saved', e.detail.decisions.map((d) => `${d.itemId}=${d.granted ? 'yes' : 'no'}`).join(', ')),
);
