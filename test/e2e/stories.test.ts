// Every Storybook story in both themes and both directions it is shown in, checked by axe-core
// (WCAG 2.2 A/AA, contrast included) in Chromium, from the built Storybook (storybook-static/,
// which `npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import sirv from 'sirv';
import { browserForFile } from './launch.js';

const require = createRequire(import.meta.url);
const browser = browserForFile();
const index = 'storybook-static/index.json';
let server: Server;
let url: string;

before(async () => {
  server = createServer(sirv('storybook-static', { dev: true }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server?.close());

if (!existsSync(index)) throw new Error(`${index} is missing: run \`npm run build-storybook\` (npm test does) before these tests.`);
const stories = Object.values((JSON.parse(readFileSync(index, 'utf8')) as { entries: Record<string, { id: string; type: string }> }).entries).filter(
  (e) => e.type === 'story',
);

type Violation = { id: string; impact: string; nodes: { target: unknown; failureSummary?: string }[] };

describe('Storybook controls (from custom-elements.json)', () => {
  it('apply attributes, properties and CSS custom properties to the element', async () => {
    const page = await browser().newPage();
    await page.goto(`${url}/iframe.html?id=elements-consent-group-picker--ready&viewMode=story`);
    const picker = page.locator('#storybook-root consent-group-picker');
    await picker.locator('fieldset').first().waitFor();
    // What the Controls panel sends when a control changes.
    await page.evaluate(() => {
      const preview = (window as unknown as { __STORYBOOK_PREVIEW__: { channel: { emit(e: string, p: unknown): void } } }).__STORYBOOK_PREVIEW__;
      preview.channel.emit('updateStoryArgs', {
        storyId: 'elements-consent-group-picker--ready',
        updatedArgs: { theme: 'dark', 'privacy-rights': true, source: 'Docs', '--consent-picker-accent-color': 'rebeccapurple' },
      });
    });
    await page.waitForFunction(() => (document.querySelector('#storybook-root consent-group-picker') as HTMLElement & { theme?: string }).theme === 'dark');
    const seen = await picker.evaluate((el: HTMLElement & { theme?: string; source?: string }) => ({
      theme: el.theme,
      source: el.source,
      privacyRights: el.hasAttribute('privacy-rights'),
      accent: el.style.getPropertyValue('--consent-picker-accent-color'),
    }));
    assert.deepEqual(seen, { theme: 'dark', source: 'Docs', privacyRights: true, accent: 'rebeccapurple' });
    await page.close();
  });
});

describe('Storybook stories (axe-core, WCAG 2.2 A/AA)', () => {
  it('has stories to check', () => assert.ok(stories.length >= 15, `${stories.length} stories`));

  for (const theme of ['light', 'dark'])
    it(`finds no violations in any story, ${theme} theme`, async () => {
      const page = await browser().newPage();
      await page.emulateMedia({ colorScheme: theme === 'dark' ? 'dark' : 'light', reducedMotion: 'reduce' });
      const found: string[] = [];
      for (const { id } of stories) {
        for (const dir of theme === 'light' ? ['ltr', 'rtl'] : ['ltr']) {
          await page.goto(`${url}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme};dir:${dir}`);
          await page.locator('#storybook-root :is(consent-group-picker, consent-purpose-template, consent-access-gate, consent-prompt)').first().waitFor({ state: 'attached' });
          // Loaded (or for good in its loading state): the stories answer after 300 ms.
          await page.waitForTimeout(700);
          if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: Violation[] }> } }).axe;
            const r = await axe.run(document.querySelector('#storybook-root'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
            return r.violations.map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => [n.target, n.failureSummary]))}`);
          });
          found.push(...violations.map((v) => `${id} ${theme} ${dir}: ${v}`));
        }
      }
      assert.deepEqual(found, []);
      await page.close();
    });
});
