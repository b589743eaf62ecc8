// A page that imports only the picker class and sets a memory transport: a bundler keeps no
// provider code, zod or idb-keyval in what the page loads at start, and the page still works
// (the device receipt store arrives with the first save).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { budgets, bundledModules, HEAVY, measurePickerAlone, modulesAtStart, startBytes, type Chunk } from '../../scripts/size.js';
import { launchChromium } from './launch.js';

let browser: Browser;
let server: Server;
let measured: { outDir: string; chunks: Chunk[] };
let base: string;

before(async () => {
  measured = await measurePickerAlone();
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    try {
      const body = await readFile(join(measured.outDir, path === '/' ? 'index.html' : path));
      res.writeHead(200, { 'content-type': types[extname(path || '.html')] ?? 'text/html' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.close();
});

describe('a page with the picker class and a memory transport only', () => {
  it('loads none of zod, idb-keyval or any provider transport at start', () => {
    const initial = measured.chunks.filter((c) => c.initial);
    assert.ok(initial.length > 0, 'no entry chunk');
    const packages = initial.flatMap((c) => c.packages);
    for (const heavy of HEAVY) assert.ok(!packages.includes(heavy), `${heavy} is loaded at start`);
    const sources = initial.flatMap((c) => c.sources);
    assert.ok(sources.includes('transports/memory/memory.ts'), 'the memory transport is bundled');
    const providers = sources.filter((f) => /^transports\/(connect|host|consentua|superoffice|csp)\/|^transports\/builtins|^transports\/core\/(outbox|cache|http|schemas)/.test(f));
    assert.deepEqual(providers, [], 'provider code in the page');
    // The provider registry comes only with a page that names providers in attributes.
    assert.ok(!sources.includes('transports/core/registry.ts'), 'the provider registry is loaded at start');
    const gzip = initial.reduce((n, c) => n + c.gzip, 0);
    console.log(`# picker + memory transport: ${(gzip / 1024).toFixed(2)} KB gzip at start`);
  });

  /** The built page, with its errors and every URL it requested. */
  async function openPage() {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(r.url()));
    await page.goto(base);
    return { page, errors, loaded };
  }

  it('shows the catalog and saves, loading the device store only then', async () => {
    const { page, errors, loaded } = await openPage();
    const weekly = page.getByRole('checkbox', { name: 'Weekly digest' });
    await weekly.waitFor();
    assert.ok(!loaded.some((u) => u.includes('receipt-store')), 'the device store was loaded before any save');
    await weekly.check();
    await page.getByRole('button', { name: 'Save choices' }).click();
    await page.getByText('Your choices are saved').waitFor();
    assert.ok(loaded.some((u) => u.includes('receipt-store')), 'the save did not load the device store');
    const stored = await page.evaluate(() => [...(document.querySelector('consent-group-picker') as unknown as { transport: { state: Map<string, boolean> } }).transport.state]);
    assert.deepEqual(stored, [['weekly', true]]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('loads the privacy-rights buttons only once the picker offers them', async () => {
    const { page, errors, loaded } = await openPage();
    await page.getByRole('checkbox', { name: 'Weekly digest' }).waitFor();
    assert.ok(!loaded.some((u) => u.includes('privacy-rights')), 'loaded before the picker offered them');
    await page.evaluate(() => document.querySelector('consent-group-picker')!.setAttribute('privacy-rights', ''));
    await page.getByRole('button', { name: 'Request a copy of my data' }).waitFor();
    assert.ok(loaded.some((u) => u.includes('privacy-rights')), 'no chunk of its own');
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('browser entries', () => {
  // Server-only files hold provider logins and secrets' plumbing: a page must never get them.
  for (const entry of ['src/define.ts', 'src/index.ts', 'src/react.ts', 'src/script-tag.ts']) {
    it(`${entry} bundles no server-only file and no node: module`, async () => {
      const modules = await bundledModules(entry);
      assert.ok(modules.some((m) => m.startsWith('src/elements/')), 'the elements are bundled');
      assert.deepEqual(modules.filter((m) => /\.server\.ts$|^src\/server|^node:|\0node:/.test(m)), []);
    });
  }

  it('the script-tag bundle holds no server-only file (its source map)', async () => {
    const map = JSON.parse(await readFile('dist/consent-elements.iife.js.map', 'utf8')) as { sources: string[] };
    assert.ok(map.sources.some((s) => s.includes('src/elements/')), 'the map lists the sources');
    assert.deepEqual(map.sources.filter((s) => /\.server\.ts$|src\/server/.test(s)), []);
  });
});

// `provider="connect"` loads Connect's transport on demand, and a save the receipt store: a
// bundler splits each off only when no module of the page imports it statically, used or not
// (re-exports included).
describe('the define and React entries in a vite app', () => {
  for (const entry of ['test/size/define.ts', 'test/size/react.ts'])
    it(`${entry} loads no provider transport, no zod, no receipt store and no outbox at start`, async () => {
      const modules = await modulesAtStart(entry);
      assert.ok(modules.some((m) => m.includes('/register.js')), 'the tags are not registered');
      assert.ok(modules.some((m) => m.includes('/outbox.lazy.js')), "the outbox's stand-in");
      const heavy = modules.filter((m) => /\/transports\/(connect|consentua)\/|\/internal\/receipt-store|\/transports\/core\/outbox\.js|node_modules\/(zod|idb-keyval)\//.test(m));
      assert.deepEqual(heavy, [], 'in the first files');
    });
});

describe('size budgets (brotli, what a visitor downloads at start)', () => {
  for (const b of budgets)
    it(`${b.name} stays within ${(b.ceiling / 1024).toFixed(1)} KB (goal ${(b.goal / 1024).toFixed(1)} KB)`, async () => {
      const bytes = await startBytes(b.entry);
      console.log(`# ${b.name}: ${(bytes / 1024).toFixed(2)} KB brotli`);
      assert.ok(bytes <= b.ceiling, `${(bytes / 1024).toFixed(2)} KB is over the ${(b.ceiling / 1024).toFixed(1)} KB ceiling`);
    });

  it('keeps provider code, zod and the outbox out of the script-tag bundle, in chunks beside it', async () => {
    const iife = await readFile('dist/consent-elements.iife.js', 'utf8');
    assert.ok(!/connectGroupsSchema|consentuaTemplatesSchema|ZodMini|zod/i.test(iife), 'provider code or zod in the script-tag bundle');
    const connect = await readFile('dist/providers/connect.js', 'utf8');
    assert.ok(connect.length > 1000, 'no Connect chunk beside the bundle');
    // The receipt store too: a visitor downloads it at the first confirmed save.
    assert.ok(!iife.includes('KI-CR-v1.1.0'), 'the receipt store is in the script-tag bundle');
    assert.ok((await readFile('dist/providers/receipts.js', 'utf8')).includes('KI-CR-v1.1.0'), 'no receipt store beside the bundle');
    // The memory transport (tests, demos) too; Connect's files do not share a chunk with it.
    assert.ok(!iife.includes('accessChecks'), 'the memory transport is in the script-tag bundle');
    assert.ok((await readFile('dist/providers/memory.js', 'utf8')).includes('accessChecks'), 'no memory transport beside the bundle');
    // The outbox too (the page loads it once idle); the one-file variant keeps it inside.
    assert.ok(!iife.includes('indexedDB'), 'the outbox is in the script-tag bundle');
    assert.ok((await readFile('dist/providers/outbox.js', 'utf8')).includes('indexedDB'), 'no outbox beside the bundle');
    assert.ok((await readFile('dist/consent-elements.all-languages.iife.js', 'utf8')).includes('indexedDB'), 'no outbox in the one-file variant');
    const imported = [...connect.matchAll(/from\s*"\.\/([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(imported.length && imported.every((f) => f.startsWith('provider-errors-')), `connect.js fetches ${imported.join(', ')}`);
  });

  it('the picker loads its privacy-rights part only on pages that offer it', async () => {
    const modules = await modulesAtStart('test/size/picker-host.ts');
    assert.ok(modules.some((m) => m.includes('/consent-group-picker.js')), 'no picker');
    assert.deepEqual(modules.filter((m) => m.includes('/internal/privacy-rights.js')), [], 'in the first files');
  });

  it('the script tag wraps no module in a lazy initialiser (a dynamic import inside it does)', async () => {
    const iife = await readFile('dist/consent-elements.iife.js', 'utf8');
    assert.ok(!/Promise\.resolve\(\)\.then\(\(\)=>\(\w+\(\),\w+\)\)/.test(iife), 'an inlined import() in the script tag');
  });

  // V8 reads the hint only on a file's first line; a minifier or a banner put before it drops it.
  it('asks V8 to compile the script tag and the provider files while they download', async () => {
    for (const file of ['dist/consent-elements.iife.js', 'dist/consent-elements.all-languages.iife.js', 'dist/providers/connect.js', 'dist/providers/consentua.js', 'dist/providers/receipts.js', 'dist/providers/memory.js'])
      assert.equal((await readFile(file, 'utf8')).split('\n', 1)[0], '//# allFunctionsCalledOnLoad', file);
  });
});
