/**
 * The page a test visitor opens: the built script-tag bundle and one picker, through the host
 * backend (`/api/consent` on the page's origin) or straight to Connect in user mode. The page
 * notes the element's events and offers the test a few helpers (`__act`, `__view`, `__error`,
 * `__outbox`).
 */
export function faultPage({ kind, base, token, issuer, trace }: { kind: 'host' | 'connect'; base: string; token?: string; issuer: string; trace: boolean }): string {
  const attrs = kind === 'host' ? `provider="host" endpoint="${base}/api/consent"` : `provider="connect" endpoint="${base}/capi"`;
  const setup =
    kind === 'connect'
      ? `const { configure, OutboxTransport, CachedTransport, ConnectTransport } = window.ConsentElements;
         const inner = new ConnectTransport({ endpoint: ${JSON.stringify(`${base}/capi`)}, mode: 'user', getToken: () => ${JSON.stringify(token)} });
         // A write lands at most ~15 s after it left here (12 s on the way, 3 s at the provider).
         configure({ transports: { connect: new OutboxTransport(new CachedTransport(inner, { key: 'faults' }), { key: 'connect faults', writeDeadline: 20000 }) } });`
      : '';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>fault suite</title>
<script src="${base}/dist/consent-elements.iife.js"></script>
<script>${setup}
window.__events = [];
const trace = ${trace};
// What this tab hears of the visitor's other tabs, for the runner's trail.
if (trace) new BroadcastChannel('consent-elements:outbox').onmessage = (m) => console.debug('heard ' + JSON.stringify({ type: m.data.type, entry: m.data.entry && m.data.entry.slice(0, 8), announced: m.data.announced, error: m.data.error && m.data.error.code, receipts: m.data.receipts && m.data.receipts.map((r) => r.itemId + (r.superseded ? ' superseded' : '') + (r.queued ? ' queued' : '')).join(), decisions: m.data.decisions }));
window.__wake = new Set();
const el = () => document.querySelector('consent-group-picker');
addEventListener('DOMContentLoaded', () => {
  for (const type of ['consent-submit', 'consent-saved', 'consent-error', 'consent-load'])
    el().addEventListener(type, (e) => {
      const d = e.detail || {};
      window.__events.push({ type, t: Date.now(), decisions: d.decisions, queued: d.queued, operation: d.operation, code: d.code });
      if (trace) console.debug(type + ' ' + JSON.stringify({ decisions: d.decisions, queued: d.queued, code: d.code }));
      for (const f of [...window.__wake]) f();
    });
});
/** Sets the named items as the visitor would (a click each), then clicks Save. */
window.__act = async (targets) => {
  const root = el().shadowRoot;
  // A save under way (a retry, another tab's outcome) ends first: the buttons are aria-disabled meanwhile.
  for (let i = 0; i < 400 && root.querySelector('button[part~="save"]')?.getAttribute('aria-disabled') === 'true'; i++) await new Promise((r) => setTimeout(r, 50));
  for (const [id, v] of targets) {
    const input = root.querySelector('input[data-item-input="' + id + '"]');
    if (!input) return { error: 'no input ' + id };
    if (input.checked !== v) input.click();
  }
  const mark = window.__events.length;
  root.querySelector('button[part~="save"]').click();
  const submit = window.__events.slice(mark).find((e) => e.type === 'consent-submit');
  return { mark, at: submit && submit.t, decisions: submit ? submit.decisions : null };
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
    // (An error with queued: false is an older queued save refused now, not this one's answer.)
    const e = after.slice(submit).find((x) => (x.type === 'consent-saved' && JSON.stringify(x.decisions) === key) || (x.type === 'consent-error' && x.operation === 'save' && x.queued !== false));
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
const poll = (test, timeout) => new Promise((resolve) => {
  const t0 = Date.now();
  const tick = () => { const v = test(Date.now() - t0 >= timeout); if (v !== undefined) resolve(v); else setTimeout(tick, 100); };
  tick();
});
/**
 * Waits until the picker shows its items; a load error is retried, as a visitor would. Not a
 * refused save's Retry (an earlier page's, shown while the items load): that is a choice of the
 * visitor's, made only where the runner records it (settleError).
 */
window.__ready = (timeout) => {
  let retried = 0;
  return poll((late) => {
    const root = el()?.shadowRoot;
    if (root?.querySelector('input[data-item-input]')) return { ready: true };
    if (late) return { ready: false, text: (root?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200) };
    const last = window.__events.filter((e) => e.type === 'consent-load' || e.type === 'consent-error').pop();
    if (last?.type === 'consent-error' && last.operation === 'load' && Date.now() - retried > 500 && window.__retry()) retried = Date.now();
  }, timeout);
};
/** Waits until every item shows one of its allowed values; resolves with those that do not. */
window.__fresh = (allowed, timeout) => poll((late) => {
  const view = window.__view();
  const off = Object.keys(allowed).filter((id) => !allowed[id].includes(view[id]));
  if (!off.length || late) return off;
}, timeout);
window.__retry = () => {
  const b = el()?.shadowRoot?.querySelector('[part~="error"] button[part~="retry"]');
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

