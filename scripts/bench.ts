// `npm run bench`: size and speed, measured side by side in one run, with targets.
// - Size: the script-tag bundle against Lit alone (the runtime every Lit kit pays), gzip and brotli.
// - Speed: time for a picker to show 5 and 50 groups in headless Chromium, to the painted frame
//   (memory transport, median of several runs), and the ratio between them: rendering should
//   grow no faster than the data; the longest main-thread task drawing 1,000 consents and of
//   "Accept all" on them.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ensureBrowser } from './browser.mjs';

const targets = {
  /** brotli bytes of dist/consent-elements.iife.js: the goal of scripts/size.ts (CI enforces its ceiling) */
  bundleBrotli: 22 * 1024,
  /** the bundle as a multiple of Lit alone (gzip) */
  bundleVsLit: 6.5,
  /** ms for the 50-group picker to render, median */
  render50: 250,
  /** 50 groups against 5 groups: at most this many times slower */
  renderRatio: 12,
  /** ms, the longest main-thread task while a picker with 1,000 consents (100 groups of 10) loads */
  longestTask1000: 50,
  /** ms, the longest main-thread task of "Accept all" on those 1,000 consents, until saved */
  acceptAll1000: 50,
};

const size = (b: Buffer) => ({
  raw: b.length,
  gzip: gzipSync(b, { level: 9 }).length,
  brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const kit = readFileSync('dist/consent-elements.iife.js');
const lit = await build({ stdin: { contents: "export * from 'lit';", resolveDir: '.' }, bundle: true, minify: true, write: false, format: 'iife', target: 'es2022' });
const sizes = { kit: size(kit), lit: size(Buffer.from(lit.outputFiles[0]!.contents)) };

// A page that renders pickers from the built bundle with in-memory catalogs.
const page = `<!doctype html><html lang="en"><body><script src="/kit.js"></script><script>
  const group = (g, items) => ({ id: 'g' + g, order: g, active: true, texts: [{ lang: 'en', title: 'Group ' + g, description: 'About group ' + g }],
    items: Array.from({ length: items }, (_, i) => ({ id: g + '-' + i, order: i, active: true, ref: {}, texts: [{ lang: 'en', title: 'Item ' + i, description: 'What item ' + i + ' is for' }] })) });
  const picker = (groups, items) => {
    const el = document.createElement('consent-group-picker');
    el.lang = 'en';
    el.transport = new ConsentElements.MemoryTransport({ catalog: { source: 'bench', groups: Array.from({ length: groups }, (_, g) => group(g, items)) } });
    return el;
  };
  window.render = (groups, items = 4) => new Promise((resolve) => {
    const el = picker(groups, items);
    const t0 = performance.now();
    // The painted frame: a message posted from the frame's rAF runs after its style, layout and paint.
    el.addEventListener('consent-load', () => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => { const ms = performance.now() - t0; el.remove(); resolve(ms); }; c.port2.postMessage(0); }), { once: true });
    document.body.append(el);
  });
  // The longest task while a picker draws groups × items (until its buttons are enabled), then of Accept all until saved.
  window.tasks = (groups, items) => new Promise((resolve) => {
    const el = picker(groups, items);
    let max = 0;
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => (max = Math.max(max, e.duration))));
    observer.observe({ type: 'longtask' });
    const settle = () => new Promise((r) => setTimeout(r, 200));
    const button = () => el.shadowRoot.querySelector('[part~="accept-all"]');
    document.body.append(el);
    const ready = setInterval(async () => {
      if (!button() || button().disabled) return;
      clearInterval(ready);
      await settle();
      const drawing = max;
      max = 0;
      const saved = new Promise((r) => el.addEventListener('consent-saved', () => r(), { once: true }));
      button().click();
      await saved;
      await settle();
      observer.disconnect();
      el.remove();
      resolve({ drawing, acceptAll: max }); // 0: no task reached 50 ms (the browser reports none shorter)
    }, 20);
  });
</script></body></html>`;
const server = createServer((req, res) => {
  if (req.url === '/kit.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(kit);
  res.writeHead(200, { 'content-type': 'text/html' }).end(page);
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const browser = await chromium.launch({ executablePath: ensureBrowser(() => {}), args: ['--no-sandbox', '--disable-background-networking'] });
const tab = await browser.newPage();
await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timings: Record<number, number[]> = { 5: [], 50: [] };
for (let run = 0; run < 9; run++) {
  // Interleaved, so both sizes see the same machine state.
  for (const n of [5, 50]) timings[n]!.push(await tab.evaluate((g) => (window as unknown as { render: (n: number) => Promise<number> }).render(g), n));
}
// Long tasks at 1,000 consents, each run on a fresh page; the worst of five.
const worst = { drawing: 0, acceptAll: 0 };
for (let run = 0; run < 5; run++) {
  const fresh = await browser.newPage();
  await fresh.goto(tab.url());
  const t = await fresh.evaluate(() => (window as unknown as { tasks: (g: number, i: number) => Promise<typeof worst> }).tasks(100, 10));
  worst.drawing = Math.max(worst.drawing, t.drawing);
  worst.acceptAll = Math.max(worst.acceptAll, t.acceptAll);
  await fresh.close();
}
await browser.close();
server.close();

const render5 = median(timings[5]!);
const render50 = median(timings[50]!);
const results = {
  bundleBrotli: sizes.kit.brotli,
  bundleVsLit: sizes.kit.gzip / sizes.lit.gzip,
  render50,
  renderRatio: render50 / render5,
  longestTask1000: worst.drawing,
  acceptAll1000: worst.acceptAll,
};
console.log(`script-tag bundle  raw ${sizes.kit.raw} B, gzip ${sizes.kit.gzip} B, brotli ${sizes.kit.brotli} B`);
console.log(`lit alone          raw ${sizes.lit.raw} B, gzip ${sizes.lit.gzip} B, brotli ${sizes.lit.brotli} B`);
const task = (ms: number) => (ms ? `${ms.toFixed(0)} ms` : 'under 50 ms');
console.log(`longest task       ${task(worst.drawing)} drawing 1,000 consents, ${task(worst.acceptAll)} for Accept all on them (worst of 5 fresh pages)`);
console.log(`picker render      5 groups ${render5.toFixed(1)} ms, 50 groups ${render50.toFixed(1)} ms (median of 9)`);
let failed = 0;
for (const [k, limit] of Object.entries(targets)) {
  const value = results[k as keyof typeof results];
  const ok = value <= limit;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${k.padEnd(12)} ${value.toFixed(2).padStart(10)}  (target ≤ ${limit})`);
}
console.log(`\n${Object.keys(targets).length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
