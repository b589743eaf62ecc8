// `npm run screenshots`: pictures of the demo at desktop and 320 px widths, as a visitor sees
// them, for the README and for checking layout by eye. Writes docs/*.png.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ensureBrowser } from './browser.mjs';
import { startStack } from './stack.mjs';

const stack = await startStack();
const browser = await chromium.launch({
  executablePath: ensureBrowser(() => {}),
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  mkdirSync('docs', { recursive: true });
  for (const [width, name, scheme] of [
    [1400, 'demo', 'light'],
    [320, 'demo-320', 'light'],
    [1100, 'demo-dark', 'dark'],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    await page.goto(stack.demo);
    await page.locator('consent-group-picker fieldset').first().waitFor();
    await page.locator('consent-group-picker input[data-item-input="10"]').check();
    await page.locator('consent-group-picker input[data-item-input="1"]').check();
    await page.screenshot({ path: `docs/${name}.png`, fullPage: name !== 'demo' });
    console.log(`docs/${name}.png`);
    await page.close();
  }
  for (const [width, name] of [
    [1000, 'article'],
    [320, 'article-320'],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${stack.demo}/article.html`);
    // The gates' state is a read-only property (CSS :state()), not an attribute.
    await page.waitForFunction(() => ['#video', '#paywall'].map((s) => (document.querySelector(s) as { state?: string } | null)?.state).join() === 'denied,granted');
    await page.locator('#video consent-group-picker fieldset').first().waitFor();
    await page.screenshot({ path: `docs/${name}.png`, fullPage: true });
    console.log(`docs/${name}.png`);
    await page.close();
  }
  // The consent manager page with its first-visit prompt (a banner), light and dark, wide and narrow.
  for (const [width, name, scheme] of [
    [1100, 'manager', 'light'],
    [320, 'manager-320', 'dark'],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
    await page.goto(`${stack.demo}/consent-manager.html`);
    await page.locator('consent-prompt dialog[open]').waitFor();
    await page.screenshot({ path: `docs/${name}.png` });
    console.log(`docs/${name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  stack.stop();
}
