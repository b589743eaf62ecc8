/**
 * The page a test visitor opens: the built script-tag bundle and one picker, through the host
 * backend (`/api/consent` on the page's origin) or straight to Connect in user mode. The page
 * notes the element's events and offers the test a few helpers (`__act`, `__view`, `__error`,
 * `__outbox`).
 */
export function faultPage({ kind, simulator: sim, token, issuer }: { kind: 'host' | 'connect'; simulator: string; token?: string; issuer: string }): string {
  const attrs = kind === 'host' ? 'provider="host" endpoint="/api/consent"' : `provider="connect" endpoint="${sim}/capi"`;
  const setup =
    kind === 'connect'
      ? // A short write deadline, longer than the longest injected latency, so unknown outcomes settle within the run.
        `const { configure, OutboxTransport, CachedTransport, ConnectTransport } = window.ConsentElements;
         const inner = new ConnectTransport({ endpoint: ${JSON.stringify(`${sim}/capi`)}, mode: 'user', getToken: () => ${JSON.stringify(token)} });
         configure({ transports: { connect: new OutboxTransport(new CachedTransport(inner, { key: 'faults' }), { key: 'connect faults' }) } });`
      : '';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>fault suite</title>
<script src="/dist/consent-elements.iife.js"></script>
<script>${setup}
window.__events = [];
// What this tab hears of the visitor's other tabs, for the runner's trail.
new BroadcastChannel('consent-elements:outbox').onmessage = (m) => console.debug('heard ' + JSON.stringify({ type: m.data.type, entry: m.data.entry && m.data.entry.slice(0, 8), decisions: m.data.decisions, announced: m.data.announced, error: m.data.error && m.data.error.code }));
window.__wake = new Set();
const el = () => document.querySelector('consent-group-picker');
addEventListener('DOMContentLoaded', () => {
  for (const type of ['consent-submit', 'consent-saved', 'consent-error', 'consent-load'])
    el().addEventListener(type, (e) => {
      const d = e.detail || {};
      window.__events.push({ type, decisions: d.decisions, queued: d.queued, operation: d.operation, code: d.code });
      console.debug(type + ' ' + JSON.stringify({ decisions: d.decisions, queued: d.queued, code: d.code }));
      for (const f of [...window.__wake]) f();
    });
});
/** Sets the named items as the visitor would (a click each), then clicks Save. */
window.__act = async (targets) => {
  const root = el().shadowRoot;
  // A save under way (a retry, another tab's outcome) ends first: the buttons are disabled meanwhile.
  for (let i = 0; i < 400 && root.querySelector('button[part~="save"]')?.disabled; i++) await new Promise((r) => setTimeout(r, 50));
  for (const [id, v] of targets) {
    const input = root.querySelector('input[data-item-input="' + id + '"]');
    if (!input) return { error: 'no input ' + id };
    if (input.checked !== v) input.click();
  }
  const mark = window.__events.length;
  root.querySelector('button[part~="save"]').click();
  const submit = window.__events.slice(mark).find((e) => e.type === 'consent-submit');
  return { mark, decisions: submit ? submit.decisions : null };
};
/**
 * Resolves with the outcome the page showed for the save submitted after \`mark\` (the visitor's
 * Save or Retry): saved, queued or refused; \`nothing\` when nothing was submitted.
 */
window.__answer = (mark, timeout) => new Promise((resolve) => {
  const find = () => {
    const after = window.__events.slice(mark);
    const submit = after.findIndex((x) => x.type === 'consent-submit');
    if (submit < 0) return Date.now() - started > 2000 ? 'nothing' : undefined;
    const key = JSON.stringify(after[submit].decisions);
    const e = after.slice(submit).find((x) => (x.type === 'consent-saved' && JSON.stringify(x.decisions) === key) || (x.type === 'consent-error' && x.operation === 'save'));
    return e && (e.type === 'consent-error' ? 'refused' : e.queued ? 'queued' : 'saved');
  };
  const started = Date.now();
  const done = (v) => { clearTimeout(timer); clearInterval(tick); window.__wake.delete(check); resolve(v); };
  const check = () => { const v = find(); if (v) done(v); };
  const timer = setTimeout(() => done('stuck'), timeout);
  const tick = setInterval(check, 500);
  window.__wake.add(check);
  check();
});
window.__retry = () => {
  const b = el().shadowRoot.querySelector('[part~="error"] button[part~="retry"]');
  b?.click();
  return !!b;
};
window.__view = () => {
  const root = el().shadowRoot;
  const out = {};
  for (const i of root.querySelectorAll('input[data-item-input]')) out[i.dataset.itemInput] = i.checked;
  return out;
};
window.__error = () => {
  const e = el().shadowRoot.querySelector('[part~="error"]');
  return e ? e.textContent.replace(/\\s+/g, ' ').trim() : '';
};
window.__outbox = () => new Promise((resolve) => {
  const open = indexedDB.open('consent-elements');
  open.onerror = () => resolve({ count: -1 });
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('outbox')) return resolve({ count: 0, failed: 0 });
    const all = db.transaction('outbox').objectStore('outbox').getAll();
    all.onsuccess = () => resolve({ count: all.result.length, failed: all.result.filter((e) => e.failed).length });
  };
});
</script></head><body>
<consent-group-picker ${attrs} issuer="${issuer}" source="Fault suite" fallback-lang="en-GB"></consent-group-picker>
</body></html>`;
}

