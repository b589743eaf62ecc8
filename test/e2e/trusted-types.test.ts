// Every element on pages that require Trusted Types for scripts: no violation, and a gate whose
// template holds scripts runs them through its policy (or says why it cannot).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserForFile, gateIn, stackEnv } from './launch.js';

const env = stackEnv();

const browser = browserForFile();

/** A page whose HTML answers carry `csp`, with violations and page errors collected. */
async function strictPage(csp: string): Promise<{ page: Page; problems: () => Promise<string[]>; close: () => Promise<void> }> {
  const page = await browser().newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective}: ${e.sample}`));
  });
  await page.route(`${env.demo}/**`, async (route) => {
    const response = await route.fetch();
    const html = (response.headers()['content-type'] ?? '').includes('text/html');
    await route.fulfill({ response, headers: html ? { ...response.headers(), 'content-security-policy': csp } : response.headers() });
  });
  const problems = async () => [...errors, ...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations))];
  // A request the page still makes when the test is done (a late catalog) must not outlive it.
  const close = async () => {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.close();
  };
  return { page, problems, close };
}

const GATED = `<!doctype html><html lang="en"><head><title>TT</title>
<script src="/dist/consent-elements.iife.js" defer></script></head><body>
<consent-access-gate id="gate" provider="host" endpoint="/api/consent" product="CO27409">
  <template><script src="/tt-script.js"></script><script>window.inlineRan = true;</script><p id="inside">Inside</p></template>
</consent-access-gate>
<consent-group-picker provider="host" endpoint="/api/consent" issuer="468979834"></consent-group-picker>
</body></html>`;

async function gatedPage(csp: string) {
  const strict = await strictPage(csp);
  await strict.page.route(`${env.demo}/tt.html`, (r) => r.fulfill({ contentType: 'text/html', body: GATED, headers: { 'content-security-policy': csp } }));
  await strict.page.route(`${env.demo}/tt-script.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: 'window.srcRan = true;' }));
  await strict.page.goto(`${env.demo}/tt.html`);
  return strict;
}

describe('Trusted Types', () => {
  for (const path of ['/', '/article.html']) {
    it(`every element on ${path} works with require-trusted-types-for 'script', without violations`, async () => {
      const { page, problems, close } = await strictPage("require-trusted-types-for 'script'");
      await page.goto(`${env.demo}${path}`);
      await page.locator('consent-group-picker fieldset').first().waitFor();
      if (path === '/article.html') await page.locator('#paywall p.premium').first().waitFor();
      else await page.locator('consent-purpose-template fieldset').first().waitFor();
      assert.deepEqual(await problems(), []);
      await close();
    });
  }

  it('(9) a gate stamps a template with <script src> and inline script through its policy', async () => {
    const { page, problems, close } = await gatedPage("require-trusted-types-for 'script'");
    await gateIn(page, '#gate', 'granted');
    await page.locator('#inside').waitFor();
    await page.waitForFunction(() => (window as unknown as { srcRan?: boolean }).srcRan === true);
    assert.equal(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan), true);
    await page.locator('consent-group-picker fieldset').first().waitFor();
    assert.deepEqual(await problems(), []);
    await close();
  });

  it('(9) a gate that may not create its policy reports a config error instead of claiming granted', async () => {
    const { page, close } = await gatedPage("require-trusted-types-for 'script'; trusted-types lit-html");
    await gateIn(page, '#gate', 'error');
    assert.equal(await page.locator('#inside').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { srcRan?: boolean }).srcRan), undefined);
    await close();
  });
});

describe('data-consent markup under a strict CSP', () => {
  // A nonce-only script-src (no 'strict-dynamic': a script the kit makes needs the nonce too): the kit runs a held-back script with the nonce (its own, or configure({ nonce })).
  const CSP = "script-src 'nonce-n0nce'; require-trusted-types-for 'script'";
  const page = (held: string) => `<!doctype html><html lang="en"><head><title>CSP</title>
<script nonce="n0nce" src="/dist/consent-elements.iife.js"></script>
<script nonce="n0nce">
  ConsentElements.configure({
    nonce: 'n0nce',
    // A transport object of the page's own: under a nonce-only script-src the browser fetches no
    // file the page did not name (the script tag's memory transport and providers load from beside it).
    transport: { name: 'page', loadCatalog: async () => ({ source: 'page', groups: [] }), loadState: async () => [{ itemId: '121', granted: true }] },
    consents: { issuer: 'csp-test' },
  });
</script>${held}</head><body><p>Strict CSP</p></body></html>`;

  for (const [name, held] of [
    ['with its own nonce', '<script type="text/plain" nonce="n0nce" data-consent="121">window.heldRan = (window.heldRan ?? 0) + 1;</script>'],
    ['with configure({ nonce })', '<script type="text/plain" data-consent="121">window.heldRan = (window.heldRan ?? 0) + 1;</script>'],
  ] as const) {
    it(`runs a consented inline script ${name}, without violations`, async () => {
      const strict = await strictPage(CSP);
      await strict.page.route(`${env.demo}/csp.html`, (r) => r.fulfill({ contentType: 'text/html', body: page(held), headers: { 'content-security-policy': CSP } }));
      await strict.page.goto(`${env.demo}/csp.html`);
      await strict.page.waitForFunction(() => (window as unknown as { heldRan?: number }).heldRan === 1);
      assert.deepEqual(await strict.problems(), []);
      await strict.close();
    });
  }
});
