// The kit as the page's only consent tool (demo/consent-manager.html): nothing held back is
// requested before consent, each once after "Accept all" in the prompt, Consent Mode in
// dataLayer, withdrawal unloads the video, and a second view needs one state read at most.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, Request } from 'playwright-core';
import { browserForFile, stackEnv } from './launch.js';

const env = stackEnv();

const browser = browserForFile();

const gated = ['/embed/analytics.js', '/embed/video.html', '/embed/pixel.svg'];
/** Every request of the page, in order, by path. */
function requestLog(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (r: Request) => paths.push(new URL(r.url()).pathname));
  return paths;
}
const count = (log: string[], path: string) => log.filter((p) => p === path).length;
/** dataLayer, with gtag's `arguments` entries as arrays. */
const dataLayer = (page: Page) =>
  page.evaluate(() => ((window as unknown as { dataLayer: unknown[] }).dataLayer ?? []).map((e) => (Object.prototype.toString.call(e) === '[object Arguments]' ? [...(e as IArguments)] : e)));
const prompt = (page: Page) => page.locator('consent-prompt dialog[part="dialog"]');
/** One of the prompt's own buttons (its picker has buttons of the same names). */
const promptButton = (page: Page, part: string) => prompt(page).locator(`> .choose > [part="actions"] > button[part~="${part}"]`);

describe('consent manager page', () => {
  it('holds back the script, iframe and image until "Accept all", then loads each once; Consent Mode follows; withdrawal unloads the video', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const log = requestLog(page);
    await page.goto(`${env.demo}/consent-manager.html`);
    await prompt(page).waitFor();
    assert.deepEqual(gated.map((p) => count(log, p)), [0, 0, 0], 'nothing held back was requested before consent');
    const first = await dataLayer(page);
    assert.deepEqual(first[0], ['consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', wait_for_update: 500 }]);
    // The prompt names the consents asked for, in the provider's words.
    const listed = await page.locator('consent-prompt [part~="list"] li').allTextContents();
    assert.ok(listed.includes('Audience measurement') && listed.includes('Videos from our video partner'), listed.join(', '));

    await promptButton(page, 'accept-all').click();
    await page.waitForFunction(() => (window as unknown as { analyticsRuns?: number }).analyticsRuns === 1);
    await page.locator('#video[src="/embed/video.html?v=quay"]').waitFor({ state: 'attached' });
    await page.waitForFunction(() => (document.getElementById('pixel') as HTMLImageElement).complete && !!(document.getElementById('pixel') as HTMLImageElement).getAttribute('src'));
    await page.waitForTimeout(300); // anything loaded twice would be asked for by now
    assert.deepEqual(gated.map((p) => count(log, p)), [1, 1, 1], 'each exactly once');
    assert.equal(await prompt(page).evaluate((d) => (d as HTMLDialogElement).open), false, 'the prompt closed');

    const layer = await dataLayer(page);
    const def = layer.findIndex((e) => Array.isArray(e) && e[1] === 'default');
    const view = layer.findIndex((e) => (e as { event?: string }).event === 'page_view');
    assert.ok(def >= 0 && def < view, 'the default came before the analytics script');
    assert.deepEqual(layer.filter((e) => Array.isArray(e) && e[1] === 'update').at(-1), [
      'consent', 'update', { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' },
    ]);

    // Withdraw the video in the page's picker: the iframe goes; Consent Mode says so.
    const choices = page.locator('#choices');
    await choices.locator('input[data-item-input="120"]').uncheck();
    await choices.locator('button[part~="save"]').click();
    await page.locator('#video[src="about:blank"]').waitFor({ state: 'attached' });
    assert.deepEqual((await dataLayer(page)).filter((e) => Array.isArray(e) && e[1] === 'update').at(-1), [
      'consent', 'update', { analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' },
    ]);
    // Withdraw statistics: the analytics script already ran, so the page is told to reload.
    const told = page.evaluate(() => new Promise<string[]>((r) => document.addEventListener('consent-reload', (e) => r([...(e as CustomEvent).detail.consents]), { once: true })));
    await choices.locator('input[data-item-input="121"]').uncheck();
    await choices.locator('button[part~="save"]').click();
    assert.deepEqual(await told, ['121']);

    // A second view: decisions known to the provider; the script runs after one state read at most, and no prompt.
    await choices.locator('input[data-item-input="121"]').check();
    await choices.locator('button[part~="save"]').click();
    await choices.locator('[part~="status"]', { hasText: 'saved' }).waitFor();
    const again = await context.newPage();
    const log2 = requestLog(again);
    await again.goto(`${env.demo}/consent-manager.html`);
    await again.waitForFunction(() => (window as unknown as { analyticsRuns?: number }).analyticsRuns === 1);
    const ran = log2.indexOf('/embed/analytics.js');
    assert.ok(log2.slice(0, ran).filter((p) => p === '/api/consent/state').length <= 1, log2.join('\n'));
    await again.locator('#choices input[data-item-input="121"]').waitFor();
    assert.equal(await prompt(again).evaluate((d) => (d as HTMLDialogElement).open), false, 'nothing undecided: no prompt');
    assert.equal(count(log2, '/embed/video.html'), 0, 'the withdrawn video stays held back');
    await context.close();
  });

  it('the prompt works with the keyboard alone, from the first Tab to saved', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${env.demo}/consent-manager.html`);
    await prompt(page).waitFor();
    // Focus is in the prompt: Reject all, Accept all, Choose.
    const focused = () => page.evaluate(() => document.querySelector('consent-prompt')!.shadowRoot!.activeElement?.getAttribute('part'));
    assert.equal(await focused(), 'button reject-all');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'button choose');
    await page.keyboard.press('Enter');
    await page.locator('consent-prompt consent-group-picker input[data-item-input="121"]').waitFor();
    // Into the picker: its first control is focused; Space on the statistics consent, then Save by keyboard.
    await page.locator('consent-prompt consent-group-picker input[data-item-input="121"]').focus();
    await page.keyboard.press('Space');
    await page.locator('consent-prompt consent-group-picker button[part~="reject-all"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !(document.querySelector('consent-prompt')!.shadowRoot!.querySelector('dialog') as HTMLDialogElement).open);
    assert.equal(await page.evaluate(() => (window as unknown as { analyticsRuns?: number }).analyticsRuns ?? 0), 0, 'refused: the script never ran');
    await context.close();
  });
});
