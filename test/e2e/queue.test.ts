// End to end: a long queue kept across a reload, sent once when the connection is back, and
// never allowed to overwrite a later, contrary choice (built bundle → host backend → simulator).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { BULK } from '../../fixtures/connect.js';
import type { SimEvent } from '../../demo/simulator/store.js';
import { faultPage } from '../faults/page.js';
import { browserForFile, stackEnv, visitorOf } from './launch.js';

const env = stackEnv();

/** The visitor's events at the provider (the visitor is named by the backend's cookie, from their first stored decision on). */
const events = async (context: BrowserContext): Promise<SimEvent[]> => {
  const subject = await visitorOf(context).catch(() => undefined);
  const all = ((await (await fetch(`${env.simulator}/__sim/events`)).json()) as { events: SimEvent[] }).events;
  return subject ? all.filter((e) => e.subject === subject) : [];
};
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const twenty = ids(1001, 1020);

const browser = browserForFile();

/** A visitor's context with the bulk issuer's picker page; `blocked` makes its saves fail as if offline. */
async function visitor() {
  const context = await browser().newContext();
  const html = faultPage({ kind: 'host', base: env.demo, issuer: BULK, trace: false });
  await context.route(`${env.demo}/__queue.html`, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: html }));
  const state = { blocked: false };
  await context.route(`${env.demo}/api/consent/decisions`, (r) => (state.blocked ? r.abort('internetdisconnected') : r.continue()));
  return { context, state };
}
async function open(page: Page) {
  await page.goto(`${env.demo}/__queue.html`);
  await page.locator('consent-group-picker input[data-item-input="1024"]').waitFor();
}
const act = (page: Page, targets: [string, boolean][]) => page.evaluate((t) => (window as any).__act(t), targets);
const view = (page: Page) => page.evaluate(() => (window as any).__view()) as Promise<Record<string, boolean>>;
const status = (page: Page, text: string) => page.locator('consent-group-picker [part~="status"]', { hasText: text }).waitFor();
/** Back online: the browser's `online` event makes the outbox send what waits. */
async function online(context: BrowserContext, state: { blocked: boolean }) {
  state.blocked = false;
  await context.setOffline(true);
  await context.setOffline(false);
}
async function until(fn: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 150; i++) if (await fn()) return;
  else await new Promise((r) => setTimeout(r, 100));
  assert.fail(`timed out waiting: ${what}`);
}

describe('a long queue', () => {
  it('delivers 20 decisions queued offline, across a reload, exactly once', async () => {
    const { context, state } = await visitor();
    const page = await context.newPage();
    await open(page);

    // Offline, and writes refused too: a keepalive write can leave outside the emulated offline
    // state (it did once in CI, 132 ms after the save).
    state.blocked = true;
    await context.setOffline(true);
    await act(page, twenty.map((id) => [id, true]));
    await status(page, 'kept on this device');
    // Reload with the queue: the page comes back (writes still fail) and shows the 20 as chosen and queued.
    await context.setOffline(false);
    await page.reload();
    await open(page);
    await status(page, 'kept on this device');
    const shown = await view(page);
    assert.deepEqual(twenty.filter((id) => !shown[id]), [], 'the queued choices are shown after the reload');
    assert.deepEqual(await events(context), [], 'nothing reached the provider yet');

    await online(context, state);
    await until(async () => (await events(context)).length >= 20, '20 events');
    await new Promise((r) => setTimeout(r, 1500)); // anything sent twice would arrive by now
    const got = await events(context);
    assert.deepEqual(got.map((e) => [String(e.consentId), e.action]).sort(), twenty.map((id) => [id, true]).sort(), 'each of the 20 once, granted');
    await page.reload();
    await open(page);
    const after = await view(page);
    assert.deepEqual(twenty.filter((id) => !after[id]), []);
    await context.close();
  });

  it('never lets an older queued choice overwrite a later, contrary one', async () => {
    const { context, state } = await visitor();
    const page = await context.newPage();
    await open(page);

    state.blocked = true;
    await act(page, twenty.map((id) => [id, true]));
    await status(page, 'kept on this device');
    await page.reload();
    await open(page);
    // The visitor changes their mind about five of them while the grants still wait.
    const withdrawn = ids(1001, 1005);
    await act(page, withdrawn.map((id) => [id, false]));
    await status(page, 'kept on this device');

    await online(context, state);
    const granted = ids(1006, 1020);
    await until(async () => (await events(context)).length >= 20, '20 events');
    await new Promise((r) => setTimeout(r, 1500));
    const got = await events(context);
    for (const id of withdrawn)
      assert.deepEqual(got.filter((e) => String(e.consentId) === id).map((e) => e.action), [false], `${id}: only the withdrawal reached the provider`);
    for (const id of granted)
      assert.deepEqual(got.filter((e) => String(e.consentId) === id).map((e) => e.action), [true], `${id}: granted once`);
    await page.reload();
    await open(page);
    const after = await view(page);
    assert.deepEqual(withdrawn.filter((id) => after[id]), [], 'withdrawn ones show unchecked');
    assert.deepEqual(granted.filter((id) => !after[id]), [], 'granted ones show checked');
    await context.close();
  });

  it('keeps a save made before the outbox code came, in a tab closed at once, and the next page sends it', async () => {
    const { context, state } = await visitor();
    // The outbox's file is held back: the choices must not wait for it, and a save must not need it.
    const held: Route[] = [];
    let hold = true;
    await context.route('**/dist/providers/outbox.js', (r) => (hold ? void held.push(r) : r.continue()));
    const page = await context.newPage();
    await open(page);
    state.blocked = true; // and the save's own request is lost on the way
    await act(page, [['1001', true]]);
    const journaled = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('consent-elements:outbox-journal:')).length);
    assert.equal(journaled, 1, 'written ahead in the task of the click');
    await page.close();
    await Promise.all(held.map((r) => r.abort()));

    hold = false;
    state.blocked = false;
    const next = await context.newPage();
    await open(next);
    await until(async () => (await events(context)).length >= 1, 'the save reaches the provider');
    await new Promise((r) => setTimeout(r, 1500)); // anything sent twice would arrive by now
    assert.deepEqual((await events(context)).map((e) => [String(e.consentId), e.action]), [['1001', true]], 'once, granted');
    await context.close();
  });

  it('keeps a save made offline before the outbox code came, and sends it once when back online', async () => {
    const { context, state } = await visitor();
    // The outbox's file is not in yet when the connection drops: it fails as the save's own request does.
    const held: Route[] = [];
    let file: 'held' | 'offline' | 'served' = 'held';
    await context.route('**/dist/providers/outbox.js', (r) => (file === 'held' ? void held.push(r) : file === 'offline' ? r.abort('internetdisconnected') : r.continue()));
    const page = await context.newPage();
    await open(page);
    file = 'offline';
    state.blocked = true;
    await Promise.all(held.map((r) => r.abort('internetdisconnected')));
    await act(page, [['1002', true]]);
    await status(page, 'kept on this device');
    assert.deepEqual(await events(context), [], 'nothing reached the provider yet');

    file = 'served';
    await online(context, state);
    await until(async () => (await events(context)).length >= 1, 'the save reaches the provider');
    // The visitor, told it was kept, hears that it is saved now.
    await page.waitForFunction(() => (window as any).__events.some((e: { type: string; queued?: boolean }) => e.type === 'consent-saved' && e.queued === false));
    await new Promise((r) => setTimeout(r, 1500)); // anything sent twice would arrive by now
    assert.deepEqual((await events(context)).map((e) => [String(e.consentId), e.action]), [['1002', true]], 'once, granted');
    await context.close();
  });
});
