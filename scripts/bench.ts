// `npm run bench`: size and speed, measured side by side in one run, with targets.
// - Size: the script-tag bundle against Lit alone (the runtime every Lit kit pays), gzip and brotli.
// - Speed: time for a picker to show 5 and 50 groups in headless Chromium (memory transport,
//   median of several runs), and the ratio between them: rendering should grow no faster than
//   the data.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ensureBrowser } from './browser.mjs';

const targets = {
  /** gzip bytes of dist/consent-elements.iife.js */
  bundleGzip: 36_000,
  /** the bundle as a multiple of Lit alone (gzip) */
  bundleVsLit: 6.5,
  /** ms for the 50-group picker to render, median */
  render50: 250,
  /** 50 groups against 5 groups: at most this many times slower */
  renderRatio: 12,
  /** ms, the longest main-thread task while a picker at the data caps (200 groups, 2,000 items) loads */
  longestTask: 50,
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
  window.render = (groups, items = 4) => new Promise((resolve) => {
    const catalog = { source: 'bench', groups: Array.from({ length: groups }, (_, g) => group(g, items)) };
    const el = document.createElement('consent-group-picker');
    el.lang = 'en';
    el.transport = new ConsentElements.MemoryTransport({ catalog });
    const t0 = performance.now();
    el.addEventListener('consent-load', () => requestAnimationFrame(() => { const ms = performance.now() - t0; el.remove(); resolve(ms); }), { once: true });
    document.body.append(el);
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
// The longest main-thread task while a picker at the data caps (200 groups, 2,000 items) loads.
const longest = await tab.evaluate(
  () =>
    new Promise<number>((resolve) => {
      let max = 0;
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => (max = Math.max(max, e.duration))));
      observer.observe({ type: 'longtask' });
      void (window as unknown as { render: (n: number, items: number) => Promise<number> }).render(200, 10).then(() =>
        setTimeout(() => {
          observer.disconnect();
          resolve(max); // 0: no task reached 50 ms (the browser reports none shorter)
        }, 100),
      );
    }),
);
await browser.close();
server.close();

const render5 = median(timings[5]!);
const render50 = median(timings[50]!);
const results = {
  bundleGzip: sizes.kit.gzip,
  bundleVsLit: sizes.kit.gzip / sizes.lit.gzip,
  render50,
  renderRatio: render50 / render5,
  longestTask: longest,
};
console.log(`script-tag bundle  raw ${sizes.kit.raw} B, gzip ${sizes.kit.gzip} B, brotli ${sizes.kit.brotli} B`);
console.log(`lit alone          raw ${sizes.lit.raw} B, gzip ${sizes.lit.gzip} B, brotli ${sizes.lit.brotli} B`);
console.log(`longest task       ${longest ? `${longest.toFixed(0)} ms` : 'under 50 ms'} while a picker with 200 groups and 2,000 items loads`);
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
