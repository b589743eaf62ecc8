// Demo glue: language switcher and a live log of the elements' events.
const elements = document.querySelectorAll('consent-group-picker, consent-purpose-template');
const nameOf = (el) => el.id || el.localName;
const log = document.getElementById('log');
const lang = document.getElementById('lang');

// The language chosen earlier in this tab, else the page's own (the switcher follows it).
const saved = sessionStorage.getItem('demo-lang');
if (saved) document.documentElement.lang = saved;
lang.value = document.documentElement.lang;
lang.addEventListener('change', () => {
  document.documentElement.lang = lang.value;
  sessionStorage.setItem('demo-lang', lang.value);
});

const summary = {
  'consent-load': (d) => `${d.catalog.groups.length} groups from ${d.catalog.source}`,
  'consent-change': (d) => `${d.changes.length} unsaved change(s)`,
  'consent-submit': (d) => d.decisions.map((x) => `${x.itemId}=${x.granted ? 'yes' : 'no'}`).join(', '),
  'consent-saved': (d) =>
    `${d.receipts.length} receipt(s)${d.receipts[0]?.version ? `, template version ${d.receipts[0].version}` : ''}${d.queued ? ' (queued)' : ''}`,
  'consent-error': (d) => `${d.code}${d.status ? ` ${d.status}` : ''}: ${d.message}`,
};
for (const [type, describe] of Object.entries(summary)) {
  for (const el of elements) el.addEventListener(type, (e) => {
    const li = document.createElement('li');
    const time = new Date().toLocaleTimeString();
    li.textContent = `${time} ${nameOf(el)} ${type} — ${describe(e.detail)}`;
    li.dataset.type = type;
    li.dataset.element = nameOf(el);
    log.prepend(li);
    while (log.children.length > 50) log.lastChild.remove();
  });
}
