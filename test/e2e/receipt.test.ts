// End to end: a confirmed save yields a Kantara consent receipt (KI-CR-v1.1.0), kept on the
// device, listed by `receipts()` and downloadable; each field is checked against what the
// simulator stored and what the page showed (built bundle → host backend → simulator).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';

import { BULK } from '../../fixtures/connect.js';
import type { SimEvent } from '../../demo/simulator/store.js';
import { browserForFile, stackEnv, visitorOf } from './launch.js';

const env = stackEnv();

const settings = {
  jurisdiction: 'NO',
  policyUrl: 'https://example.com/privacy',
  piiControllers: [{ piiController: 'Example Media AS', contact: 'Privacy desk', email: 'privacy@example.com', piiControllerUrl: 'https://example.com' }],
};
const page = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>receipt</title>
<script src="/dist/consent-elements.iife.js"></script>
<script>ConsentElements.configure({ receipt: ${JSON.stringify(settings)} });</script></head>
<body><consent-group-picker provider="host" endpoint="/api/consent" issuer="${BULK}" source="Receipt test"></consent-group-picker></body></html>`;

const browser = browserForFile();

describe('consent receipts', () => {
  it('match what the provider stored and what the page showed, and can be downloaded', async () => {
    const context = await browser().newContext({ acceptDownloads: true });
    await context.route(`${env.demo}/__receipt.html`, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: page }));
    const tab = await context.newPage();
    await tab.goto(`${env.demo}/__receipt.html`);
    const picker = tab.locator('consent-group-picker');
    await picker.locator('input[data-item-input="1001"]').waitFor();
    // One grant and one refusal of something granted before: two purposes, given and withdrawn.
    await picker.locator('input[data-item-input="1002"]').check();
    await picker.locator('button[part~="save"]').click();
    await picker.locator('[part~="status"]', { hasText: 'saved' }).waitFor();
    await picker.locator('input[data-item-input="1001"]').check();
    await picker.locator('input[data-item-input="1002"]').uncheck();
    await picker.locator('button[part~="save"]').click();
    await picker.locator('a[part~="receipt"]').waitFor();

    // What the page showed for each item: its title and language.
    const shown = Object.fromEntries(
      await Promise.all(
        ['1001', '1002'].map(async (id) => {
          const span = picker.locator(`[data-item="${id}"] [part~="item-title"]`);
          return [id, { title: (await span.textContent())!.trim(), lang: await span.getAttribute('lang') }] as const;
        }),
      ),
    ) as Record<string, { title: string; lang: string | null }>;
    const subject = await visitorOf(tab.context());
    const listed = (await tab.evaluate(() => (window as any).ConsentElements.receipts())) as any[];
    const receipt = listed[0];
    const stored = ((await (await fetch(`${env.simulator}/__sim/events`)).json()) as { events: SimEvent[] }).events.filter((e) => e.subject === subject);
    const last = (id: number) => stored.filter((e) => e.consentId === id).at(-1)!;

    assert.equal(listed.length, 2, 'one receipt per confirmed save');
    assert.equal(receipt.version, 'KI-CR-v1.1.0');
    assert.match(receipt.consentReceiptID, /^[0-9a-f-]{36}$/);
    assert.notEqual(receipt.consentReceiptID, listed[1].consentReceiptID);
    assert.equal(receipt.jurisdiction, settings.jurisdiction);
    assert.equal(receipt.policyUrl, settings.policyUrl);
    assert.deepEqual(receipt.piiControllers, settings.piiControllers);
    assert.match(receipt.collectionMethod, /^web form: <consent-group-picker> http:\/\/.+\/__receipt\.html$/);
    // Pseudonymous: a hash of the subject, never the subject itself.
    assert.equal(receipt.piiPrincipalId, `sha256:${createHash('sha256').update(`EXTERNAL:${subject}`).digest('hex')}`);
    assert.equal(JSON.stringify(receipt).includes(subject), false);
    assert.equal(receipt.language, shown['1001']!.lang);
    assert.equal(receipt.consentTimestamp, Math.floor(Math.max(last(1001).created, last(1002).created) / 1000));
    assert.equal(receipt.services.length, 1);
    const purposes = receipt.services[0].purposes as any[];
    assert.deepEqual(purposes.map((p) => p.item_id).sort(), ['1001', '1002']);
    for (const p of purposes) {
      const event = last(Number(p.item_id));
      assert.equal(p.record_id, String(event.consentEventId), 'the provider event id');
      assert.equal(p.record_time, new Date(event.created).toISOString());
      assert.equal(p.consent_status, event.action ? 'given' : 'withdrawn');
      assert.equal(p.purpose, shown[p.item_id].title, 'the exact title shown');
      assert.ok(p.notice_text.startsWith(p.purpose));
      assert.equal(p.notice_language, shown[p.item_id].lang);
      assert.equal(p.consentType, 'EXPLICIT');
    }
    assert.equal(purposes.find((p) => p.item_id === '1001').consent_status, 'given');
    assert.equal(purposes.find((p) => p.item_id === '1002').consent_status, 'withdrawn');

    // The visitor's download is the same receipt.
    const [download] = await Promise.all([tab.waitForEvent('download'), picker.locator('a[part~="receipt"]').click()]);
    const { readFile } = await import('node:fs/promises');
    const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
    assert.deepEqual(file, receipt);
    await context.close();
  });

  it('are fetched beside the script tag at the first save; without that file the save holds and the console says why', async () => {
    const context = await browser().newContext();
    await context.route(`${env.demo}/__receipt.html`, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: page }));
    const tab = await context.newPage();
    const asked: string[] = [];
    tab.on('request', (r) => asked.push(new URL(r.url()).pathname));
    const warnings: string[] = [];
    tab.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await tab.route('**/dist/providers/receipts.js', (r) => r.fulfill({ status: 404, body: 'not here' }));
    await tab.goto(`${env.demo}/__receipt.html`);
    const picker = tab.locator('consent-group-picker');
    await picker.locator('input[data-item-input="1001"]').waitFor();
    assert.ok(!asked.includes('/dist/providers/receipts.js'), 'the receipt store was fetched before any save');
    await picker.locator('input[data-item-input="1001"]').check();
    await picker.locator('button[part~="save"]').click();
    await picker.locator('[part~="status"]', { hasText: 'saved' }).waitFor();
    // The store is asked for after the save is shown (in a task of its own).
    for (let i = 0; i < 50 && !warnings.some((w) => w.includes('consent receipts are not kept')); i++) await tab.waitForTimeout(100);
    assert.ok(asked.includes('/dist/providers/receipts.js'), 'the save did not fetch the receipt store');
    const said = warnings.filter((w) => w.includes('consent receipts are not kept'));
    assert.equal(said.length, 1, `the console did not say why: ${JSON.stringify(warnings)}`);
    assert.match(said[0]!, /providers\/receipts\.js.*Serve dist\/providers\//);
    assert.equal(await picker.locator('a[part~="receipt"]').count(), 0, 'a receipt link with no receipt kept');
    await context.close();
  });

  it('a Connect receipt in consent-saved names the consent text the visitor saw, and so does the kept receipt', async () => {
    const context = await browser().newContext();
    const tab = await context.newPage();
    await tab.goto(env.demo);
    const picker = tab.locator('consent-group-picker').first();
    await picker.locator('input[data-item-input="1"]').waitFor();
    // The wording shown: the description under "Newsletters by email" (the consent text in force in en-GB).
    const description = (await picker.locator('[data-item="1"] > [part~="item-description"]').textContent())!.trim();
    assert.equal(description, 'Do you agree to receive our newsletters by email?');
    await tab.evaluate(() => {
      const w = window as unknown as { saved: unknown[] };
      w.saved = [];
      document.querySelector('consent-group-picker')!.addEventListener('consent-saved', (e) => w.saved.push((e as CustomEvent).detail));
    });
    await picker.locator('input[data-item-input="1"]').check();
    await picker.locator('button[part~="save"]').click();
    await picker.locator('[part~="status"]', { hasText: 'saved' }).waitFor();
    const saved = (await tab.evaluate(() => (window as unknown as { saved: { receipts: { itemId: string; textId?: string; textVersion?: string }[] }[] }).saved)).at(-1)!;
    // en-GB consent text 2, in force since its window 3 (fixtures/connect.ts).
    assert.deepEqual(
      saved.receipts.filter((r) => r.itemId === '1').map((r) => [r.textId, r.textVersion]),
      [['2', '3']],
    );
    // The receipt is kept on the device after the save is shown (IndexedDB, loaded at the first save).
    // Polled with evaluate: waitForFunction takes an async predicate's promise as a truthy answer at once.
    let kept: any[] = [];
    for (let i = 0; i < 100 && !kept.length; i++) {
      if (i) await tab.waitForTimeout(100);
      kept = (await tab.evaluate(() => (window as any).ConsentElements.receipts())) as any[];
    }
    assert.ok(kept.length, 'no receipt kept within 10 s');
    const purpose = kept[0].services[0].purposes.find((p: { item_id: string }) => p.item_id === '1');
    assert.deepEqual([purpose.notice_id, purpose.notice_version], ['2', '3']);
    assert.ok(purpose.notice_text.endsWith(description), 'the receipt holds the exact wording shown');
    await context.close();
  });
});
