// Demo glue: a live log of what the page does with the visitor's consent.
const log = document.getElementById('log');
const write = (type, text) => {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${type} — ${text}`;
  li.dataset.type = type;
  log.prepend(li);
  while (log.children.length > 50) log.lastChild.remove();
};
document.addEventListener('consent-state', (e) =>
  write('consent-state', e.detail.changed.map((id) => `${id}=${e.detail.decisions[id] ? 'given' : 'refused'}`).join(', ')),
);
// A script already ran for a consent now withdrawn: it stops on the next page.
document.addEventListener('consent-reload', (e) => write('consent-reload', `withdrawn: ${e.detail.consents.join(', ')}; reload to stop what already ran`));
