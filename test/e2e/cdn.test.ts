// The script tag served from a CDN (another origin than the page): the bundle finds its
// translations and outbox beside itself or where the page says, a CDN without CORS headers costs
// English buttons, an outbox, and one clear console warning each (never a page error), and the
// all-languages variant needs no second file.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import sirv from 'sirv';
import { browserForFile, stackEnv } from './launch.js';

const env = stackEnv();
// The test's page is fulfilled by Playwright, so it has no address and Chromium counts it as
// public: it would refuse its requests to the loopback "CDN" (Local Network Access) before CORS
// is even asked. CORS is what these tests are about; that check stays on.
const browser = browserForFile(['--disable-features=LocalNetworkAccessChecks']);

/** A static host of dist/ on its own port (so its own origin), with or without CORS headers. */
async function cdn(cors: boolean): Promise<{ url: string; server: Server; requests: string[] }> {
  const files = sirv('dist', { dev: true });
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url!);
    if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
    req.url = req.url!.replace(/^\/dist\//, '/');
    files(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dist/`, server, requests };
}

/** Polls `ok` for up to 5 s. */
async function until(ok: () => boolean, what: string) {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(ok(), `timed out waiting: ${what}`);
}

/** Opens a page of the demo's origin holding a Norwegian picker and the given script tag. */
async function open(page: Page, script: string) {
  const logged = { warnings: [] as string[], errors: [] as string[] };
  page.on('console', (m) => m.type() === 'warning' && logged.warnings.push(m.text()));
  page.on('pageerror', (e) => logged.errors.push(e.message));
  await page.route(`${env.demo}/cdn-page.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="nb-NO"><head><meta charset="utf-8">${script}</head><body>
        <consent-group-picker provider="host" endpoint="/api/consent" issuer="468979834"></consent-group-picker></body></html>`,
    }),
  );
  await page.goto(`${env.demo}/cdn-page.html`);
  await page.locator('consent-group-picker fieldset').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('consent-group-picker')!.matches(':state(translating)'));
  const acceptAll = (await page.locator('consent-group-picker button[part~="accept-all"]').textContent())!.trim();
  return { acceptAll, ...logged };
}

describe('the script tag from a CDN', () => {
  let withCors: Awaited<ReturnType<typeof cdn>>;
  let noCors: Awaited<ReturnType<typeof cdn>>;
  before(async () => {
    [withCors, noCors] = await Promise.all([cdn(true), cdn(false)]);
  });
  after(() => {
    withCors.server.close();
    noCors.server.close();
  });

  it('shows Norwegian buttons, its translation loaded from beside the bundle on the CDN', async () => {
    const page = await browser().newPage();
    const r = await open(page, `<script src="${withCors.url}consent-elements.iife.js"></script>`);
    assert.equal(r.acceptAll, 'Godta alle');
    assert.ok(withCors.requests.includes('/dist/locales/nb.js'), withCors.requests.join());
    assert.deepEqual([r.errors, r.warnings], [[], []]);
    await page.close();
  });

  it('loads the translation from the folder data-assets-path names', async () => {
    const page = await browser().newPage();
    const before = withCors.requests.length;
    const r = await open(page, `<script src="${noCors.url}consent-elements.iife.js" data-assets-path="${withCors.url}"></script>`);
    assert.equal(r.acceptAll, 'Godta alle');
    // And the outbox (fetched once the page is idle) from there too.
    await until(() => withCors.requests.slice(before).includes('/dist/providers/outbox.js'), 'the outbox requested');
    assert.deepEqual(withCors.requests.slice(before).sort(), ['/dist/locales/nb.js', '/dist/providers/outbox.js']);
    assert.ok(!noCors.requests.includes('/dist/locales/nb.js'));
    assert.deepEqual(r.errors, []);
    await page.close();
  });

  it('stays in English with a warning per file saying what to fix when the CDN sends no CORS headers', async () => {
    const page = await browser().newPage();
    const r = await open(page, `<script src="${noCors.url}consent-elements.iife.js"></script>`);
    assert.equal(r.acceptAll, 'Accept all');
    const ours = () => r.warnings.filter((w) => w.includes('consent-elements'));
    // The outbox's file is asked for once the page is idle.
    await until(() => ours().length >= 2, 'two warnings');
    assert.deepEqual(r.errors, [], 'no uncaught error');
    assert.equal(ours().length, 2, ours().join('\n'));
    const [translation, outbox] = [/translation/, /outbox/].map((re) => ours().find((w) => re.test(w)) ?? '');
    assert.match(translation, /"nb" translation could not be loaded/);
    assert.ok(translation.includes(`${noCors.url}locales/nb.js`), 'names the URL');
    assert.match(outbox, /the outbox could not be loaded; saves are sent without it/);
    assert.ok(outbox.includes(`${noCors.url}providers/outbox.js`), 'names the URL');
    for (const w of [translation, outbox]) assert.match(w, /data-assets-path.*CORS/);
    // Saves still reach the backend, sent as a page without IndexedDB sends them.
    const saved = page.evaluate(() => new Promise((resolve) => {
      const picker = document.querySelector('consent-group-picker')!;
      picker.addEventListener('consent-saved', (e) => resolve((e as CustomEvent).detail.queued), { once: true });
      picker.addEventListener('consent-error', (e) => resolve((e as CustomEvent).detail.code), { once: true });
    }));
    await page.locator('consent-group-picker button[part~="accept-all"]').click();
    assert.equal(await saved, false, 'saved, not queued');
    await page.close();
  });

  // The memory transport is for tests and demos: its code is not in the bundle every visitor downloads.
  it('loads the memory transport from beside the bundle when a page builds one', async () => {
    const page = await browser().newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(`${env.demo}/memory-page.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="${withCors.url}consent-elements.iife.js"></script></head><body>
          <consent-group-picker></consent-group-picker>
          <script>
            const item = (id, title) => ({ id, order: 0, active: true, ref: {}, texts: [{ lang: 'en', title }] });
            const picker = document.querySelector('consent-group-picker');
            picker.transport = new ConsentElements.MemoryTransport({
              catalog: { source: 'memory', groups: [{ id: 'g', order: 0, active: true, texts: [{ lang: 'en', title: 'Newsletters' }], items: [item('a', 'Weekly digest')] }] },
              state: [{ itemId: 'a', granted: true }],
            });
          </script></body></html>`,
      }),
    );
    const before = withCors.requests.length;
    await page.goto(`${env.demo}/memory-page.html`);
    const box = page.locator('consent-group-picker input[type="checkbox"]').last();
    await box.waitFor();
    assert.equal(await page.locator('consent-group-picker').getByText('Weekly digest').count(), 1);
    assert.ok(await box.isChecked(), 'the stored answer is not shown');
    assert.ok(withCors.requests.slice(before).includes('/dist/providers/memory.js'), withCors.requests.slice(before).join());
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('needs no second file in its all-languages variant', async () => {
    const page = await browser().newPage();
    const before = noCors.requests.length;
    const r = await open(page, `<script src="${noCors.url}consent-elements.all-languages.iife.js"></script>`);
    assert.equal(r.acceptAll, 'Godta alle');
    // The outbox is inside it too: nothing is asked for once the page is idle (the script tag's would be by now).
    await page.evaluate(() => new Promise((r) => requestIdleCallback(() => setTimeout(r, 300))));
    assert.deepEqual(noCors.requests.slice(before), ['/dist/consent-elements.all-languages.iife.js']);
    assert.deepEqual([r.errors, r.warnings], [[], []]);
    await page.close();
  });
});

describe('a page on an origin the backend does not allow', () => {
  it('gets a config error at load naming the origin, and one console warning (not a network error at save time)', async () => {
    const page = await browser().newPage();
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && m.text().includes('consent-elements') && warnings.push(m.text()));
    await page.route('http://localhost:9/page.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="${env.demo}/dist/consent-elements.iife.js"></script></head><body>
          <consent-group-picker id="prefs" provider="host" endpoint="${env.demo}/api/consent" issuer="468979834"></consent-group-picker></body></html>`,
      }),
    );
    const failed = page.waitForEvent('console', (m) => m.text().includes('allowedOrigins'));
    await page.goto('http://localhost:9/page.html');
    await failed;
    const error = await page.evaluate(() => new Promise((resolve) => {
      const el = document.querySelector('consent-group-picker')!;
      el.addEventListener('consent-error', (e) => resolve((e as CustomEvent).detail.code), { once: true });
      (el as unknown as { reload(): void }).reload();
    }));
    assert.equal(error, 'config');
    // (The outbox's file, not served with CORS headers to this origin, has its own warning: see above.)
    const config = warnings.filter((w) => !w.includes('providers/outbox.js'));
    assert.equal(config.length, 1, warnings.join('\n'));
    assert.match(config[0]!, /<consent-group-picker id="prefs">.*http:\/\/localhost:9\b.*allowedOrigins/);
    await page.close();
  });
});
