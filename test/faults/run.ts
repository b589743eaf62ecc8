// `npm run test:faults`: the fault suite. Real Chromium pages with the built script-tag bundle
// save decisions through the host backend (and straight to Connect in user mode) while a fault
// layer breaks what it can: requests dropped before and after the provider stored them, 429
// bursts, 500s, latency, HTML 200 pages, closed tabs, offline/online, two and three tabs,
// reloads with a queue and return visits. Then, for every visitor, it compares the last choice
// the visitor saw confirmed or queued with the provider's final state and event log, and prints
// `intents N, stored N, lost N, duplicated N, wrong-final N`. Any non-zero count fails.
//
// Options: --visitors N (default 42), --intents N per visitor (default 24), --parallel N
// (default 12), --seed N, --no-build (use dist/ as it is), --verbose, --out FILE (intents and events as JSON).
import { spawnSync } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';
import { ensureBrowser } from '../../scripts/browser.mjs';
import { startStack } from '../../scripts/stack.mjs';
import { seeded } from '../../demo/simulator/core.js';
import { BULK, consents } from '../../fixtures/connect.js';
import type { SimEvent } from '../../demo/simulator/store.js';
import { faultPage } from './page.js';
import { startFaultProxy, type Fault } from './proxy.js';
import { launchChromium, visitorOf } from '../e2e/launch.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const VISITORS = arg('visitors', 42);
const INTENTS = arg('intents', 24);
const PARALLEL = arg('parallel', 12);
const SEED = arg('seed', 20261124);
const verbose = process.argv.includes('--verbose');
/** No answer to a save within this long is a stuck save (the kit says "queued" after 8 s). */
const ANSWER_MS = 20_000;

const items = consents.filter((c) => c.issuer === BULK && c.active).map((c) => String(c.consentId));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (!process.argv.includes('--no-build')) {
  const b = spawnSync('npm', ['run', '--silent', 'build:lib'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}
process.env.CHROME_PATH ??= ensureBrowser();

const started = Date.now();
const stack = await startStack({
  env: {
    HOST_CATALOG_TTL_MS: '60000',
    // Short enough that unknown outcomes settle within the run; longer than any injected latency.
    HOST_WRITE_DEADLINE_MS: '6000',
    // Every visitor here shares one address.
    HOST_RATE_LIMIT: '1000000',
  },
});
const sim = stack.simulator as string;
const post = (path: string, body: unknown) =>
  fetch(`${sim}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
// Behind the backend, the provider itself misbehaves on writes and reads.
await post('/__sim/chaos', {
  seed: SEED,
  rate: 0.12,
  faults: ['drop', 'drop-after', 'drop-after', '500', '429', 'latency', 'html'],
  ms: [300, 3000],
  paths: ['/capi/v1/client/customer/privacy/consentEvent', '/capi/v1/client/customer/privacy/consentEvent/history'],
});

// Each visitor's page and the faults of its requests, by visitor.
const pages = new Map<number, string>();
const decide = new Map<number, (method: string, path: string) => Fault | undefined>();
const proxy = await startFaultProxy({
  demo: stack.demo as string,
  simulator: sim,
  page: (n) => pages.get(n) ?? '',
  decide: (n, method, path) => decide.get(n)?.(method, path),
  answered: (n, headers) => {
    for (const c of headers['set-cookie'] ?? []) {
      const id = /^consent_visitor=([0-9a-f-]{36})\./.exec(c)?.[1];
      if (id) issuedTo.set(id, n);
    }
  },
});
/** Which visitor each id the backend issued went to (whether or not the answer reached the browser). */
const issuedTo = new Map<string, number>();
// A visitor's tabs share one renderer process (same site): process start-ups cost the suite about a fifth of its time.
const browser = await launchChromium(['--disable-gpu', '--process-per-site']);

interface Intent {
  at: number;
  targets: [string, boolean][];
  outcome: 'saved' | 'queued' | 'refused' | 'left' | 'stuck';
}
interface Result {
  visitor: number;
  kind: string;
  subject: string;
  intents: Intent[];
  stuck: number;
  problems: string[];
  /** What the visitor did and its tabs heard, when (printed when the visitor ends wrong; --out). */
  trail: string[];
}

type Decision = { itemId: string; granted: boolean };
const tabIds = new WeakMap<Page, number>();
let tabCounter = 0;
const tabId = (page: Page) => {
  if (!tabIds.has(page)) tabIds.set(page, ++tabCounter);
  return `tab${tabIds.get(page)}`;
};

async function visit(n: number): Promise<Result> {
  const random = seeded(SEED * 7919 + n);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const kind = n % 3 === 2 ? 'connect' : 'host';
  const tabCount = n % 5 === 0 ? 3 : n % 5 === 1 || n % 5 === 3 ? 2 : 1;
  const problems: string[] = [];
  const intents: Intent[] = [];
  const trail: string[] = [];
  const note = (what: string) => trail.push(`${Date.now()} ${what}`);
  let stuck = 0;
  let noop = 0;
  let token: string | undefined;
  let subject = '';
  if (kind === 'connect') {
    subject = `fault-visitor-${SEED}-${n}`;
    token = ((await post('/__sim/user-token', { subject })) as { access_token: string }).access_token;
  }
  const base = `${proxy.url}/v/${n}`;
  // Each tab's events go to the trail (printed for a visitor that ends wrong; it costs the suite little).
  pages.set(n, faultPage({ kind, base, token, issuer: BULK, trace: true }));
  const url = `${base}/index.html`;
  const context: BrowserContext = await browser.newContext();
  let faultsOn = true;
  // The fault layer between the page and what it talks to (the host backend, or Connect).
  decide.set(n, (method) => {
    requests.set(n, (requests.get(n) ?? 0) + 1);
    const write = method === 'POST';
    if (!faultsOn || random() >= (write ? 0.3 : 0.06)) return undefined;
    const f = pick(write ? (['drop', 'drop-after', 'drop-after', '429', '500', 'html', 'latency', 'latency'] as const) : (['drop', '500', 'latency', 'html'] as const));
    // Mostly a few seconds; one in eight longer than the 8 s a save waits before it says "queued".
    return f === 'latency' ? { latency: random() < 0.125 ? 9000 + random() * 3000 : 300 + random() * 2700 } : f;
  });

  /** Opens a tab and waits until the picker shows its items (a failed load is retried, as a visitor would). */
  async function open(): Promise<Page> {
    phase(n, 'open');
    const page = await context.newPage();
    note(`open ${tabId(page)}`);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'debug' && note(`${tabId(page)} ${m.text()}`));
    if (verbose) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Debugger.enable');
      debuggers.set(page, cdp);
    }
    if (verbose) page.on('console', (m) => m.type() === 'error' && console.log(`  visitor ${n} console: ${m.text()}`));
    for (let attempt = 0; ; attempt++) {
      try {
        await page.goto(url);
        await ready(page);
        return page;
      } catch (e) {
        if (attempt >= 5) throw e;
      }
    }
  }
  /** What the page submitted after event `mark` (its consent-submit), if anything. */
  const submitted = (page: Page, mark: number) =>
    page.evaluate((m) => (window as any).__events.slice(m).find((e: any) => e.type === 'consent-submit'), mark) as Promise<{ t: number; decisions: Decision[] } | undefined>;
  /** Clicks the error's Retry, as a visitor would; false when there is none. */
  const clickRetry = (page: Page) => page.evaluate(() => (window as any).__retry() as boolean);
  async function ready(page: Page) {
    // Waits in the page (polling through the browser costs the suite most of its CPU).
    const r = (await page.evaluate(() => (window as any).__ready(15000))) as { ready: boolean; text: string };
    if (!r.ready) throw new Error(`the picker did not load: ${r.text}`);
  }

  /** A save the visitor makes, and what the page told them of it. */
  async function act(page: Page, targets: [string, boolean][], leave = false): Promise<void> {
    // A save refused earlier is shown with Retry: the visitor retries it first.
    await settleError(page);
    phase(n, 'act');
    const r = (await page.evaluate((t) => (window as any).__act(t), targets)) as { mark: number; at?: number; decisions: Decision[] | null; error?: string };
    if (r.error) return void problems.push(r.error);
    if (!r.decisions) {
      // Nothing differed from what the provider holds (the page showed unsaved choices): start afresh.
      if (++noop > 3) problems.push('Save did nothing four times in a row');
      return reload(page);
    }
    noop = 0;
    // What the visitor saved is everything the page showed as chosen: the targets, and any choice
    // still on screen (a refused save shown again with Retry).
    const chosen = new Map(targets);
    for (const d of r.decisions) chosen.set(d.itemId, d.granted);
    const intent: Intent = { at: r.at ?? Date.now(), targets: [...chosen], outcome: 'left' };
    note(`save ${tabId(page)} ${JSON.stringify(r.decisions)}${leave ? ' and close' : ''}`);
    const t0 = Date.now();
    intents.push(intent);
    if (leave) return void (await page.close());
    for (let retry = 0; ; retry++) {
      phase(n, 'answer');
      const outcome = await answer(page, r.mark);
      if (outcome === 'stuck') stuck++;
      if (verbose) console.log(`  visitor ${n}: ${outcome} in ${Date.now() - t0} ms`);
      if (outcome !== 'refused' || retry >= 6) {
        intent.outcome = outcome;
        note(`${outcome} ${tabId(page)}`);
        // Given up, or no answer: the visitor reloads, and their unsaved choices go.
        if (outcome !== 'saved' && outcome !== 'queued') await reload(page);
        return;
      }
      // "Your choices were not saved" with Retry: the visitor retries.
      note(`retry ${tabId(page)}: ${await page.evaluate(() => (window as any).__error())}`);
      r.mark = await page.evaluate(() => (window as any).__events.length);
      const again = await clickRetry(page);
      if (!again) {
        intent.outcome = 'refused';
        return reload(page);
      }
      // Retry sends every choice on screen: an older queued save refused meanwhile is among them.
      const submit = await submitted(page, r.mark);
      for (const d of submit?.decisions ?? []) chosen.set(d.itemId, d.granted);
      intent.targets = [...chosen];
    }
  }
  /** Tabs to reload once back online (a page reloaded offline does not load at all). */
  let offline = false;
  const reloadLater = new Set<Page>();
  async function reload(page: Page) {
    if (offline) return void reloadLater.add(page);
    phase(n, 'reload');
    note(`reload ${tabId(page)}`);
    await page.reload();
    await ready(page);
  }
  async function answer(page: Page, mark: number): Promise<Intent['outcome']> {
    const hung = verbose ? setTimeout(() => void where(page), ANSWER_MS + 5000) : undefined;
    try {
      const outcome = await page.evaluate(([m, t]) => (window as any).__answer(m, t), [mark, ANSWER_MS] as const).catch(() => 'stuck' as const);
      // A Retry that found nothing to send: the visitor cannot tell what was recorded.
      return outcome === 'nothing' ? 'refused' : outcome;
    } finally {
      clearTimeout(hung);
    }
  }
  /** Prints where a page that stopped answering is busy (its JavaScript stack). */
  async function where(page: Page) {
    const cdp = debuggers.get(page);
    if (!cdp) return;
    cdp.on('Debugger.paused', (e: any) => {
      console.log(`visitor ${n}: page busy in\n${e.callFrames.slice(0, 12).map((f: any) => `  ${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.location.lineNumber + 1}:${f.location.columnNumber}`).join('\n')}`);
      void cdp.send('Debugger.resume').catch(() => undefined);
    });
    await cdp.send('Debugger.pause').catch((e) => console.log(`visitor ${n}: cannot pause: ${e.message}`));
  }
  // Attached while the page is responsive, so a later pause can interrupt a busy script.
  const debuggers = new Map<Page, import('playwright-core').CDPSession>();
  async function settleError(page: Page) {
    phase(n, 'settle');
    for (let i = 0; i < 3; i++) {
      const text = await page.evaluate(() => (window as any).__error() as string);
      if (!text) return;
      note(`retry ${tabId(page)}: ${text}`);
      const mark = await page.evaluate(() => (window as any).__events.length);
      await clickRetry(page);
      if (text.includes('not saved')) {
        const outcome = await answer(page, mark);
        // Retry saves the choices on screen again: a choice of the visitor's, as any Save.
        const submit = await submitted(page, mark);
        if (submit) {
          intents.push({ at: submit.t, targets: submit.decisions.map((d) => [d.itemId, d.granted]), outcome });
          note(`${outcome} ${tabId(page)} (retry)`);
        }
      } else await ready(page);
    }
  }

  const expected = () => new Map([...lastChoices(intents)].map(([id, { v }]) => [id, v]));
  /** A tab of this visitor shows what they chose last before they act in it (cross-tab truth). */
  async function fresh(page: Page) {
    phase(n, 'fresh');
    // Each item's acceptable values: the last choice, or one whose outcome the visitor could not know.
    const allowed = Object.fromEntries([...expected()].map(([id, v]) => [id, [v, ...[true, false].filter((x) => x !== v && uncertain(intents, id, x))]]));
    const off = (await page.evaluate(([a, t]) => (window as any).__fresh(a, t), [allowed, 3000] as const)) as string[];
    if (off.length && verbose) console.log(`  visitor ${n}: a tab shows an older choice for ${off.join(', ')} after 3 s`);
  }
  const randomTargets = (free: string[]): [string, boolean][] => {
    if (random() < 0.08 && free.length === items.length) {
      const v = random() < 0.5;
      return items.map((id) => [id, v]);
    }
    const count = Math.min(free.length, 1 + Math.floor(random() * 4));
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(pick(free));
    return [...chosen].map((id) => [id, random() < 0.5]);
  };
  /** Targets that differ from what the tab shows, so Save has something to send; none of `taken` (another tab's). */
  async function targetsFor(page: Page, taken = new Set<string>()): Promise<[string, boolean][]> {
    const view = (await page.evaluate(() => (window as any).__view())) as Record<string, boolean>;
    const free = items.filter((id) => !taken.has(id));
    for (;;) {
      const t = randomTargets(free);
      if (t.some(([id, v]) => view[id] !== v)) return t;
    }
  }

  let tabs: Page[] = [];
  try {
    for (let i = 0; i < tabCount; i++) tabs.push(await open());
    while (intents.length < INTENTS) {
      const step = random();
      const page = pick(tabs);
      await fresh(page);
      if (step < 0.07) {
        // Offline: a save or two is kept on the device; back online, they are sent.
        await context.setOffline(true);
        offline = true;
        note('offline');
        await act(page, await targetsFor(page));
        if (random() < 0.5) await act(page, await targetsFor(page));
        phase(n, 'idle');
        await sleep(random() * 1000);
        await context.setOffline(false);
        offline = false;
        note('online');
        for (const t of reloadLater) if (!t.isClosed()) await reload(t);
        reloadLater.clear();
      } else if (step < 0.14) {
        // Save and close the tab at once; the visitor comes back in a new tab.
        await act(page, await targetsFor(page), true);
        tabs = tabs.filter((t) => t !== page);
        phase(n, 'idle');
        await sleep(random() * 1500);
        tabs.push(await open());
      } else if (step < 0.2) {
        // Save, then reload whatever its outcome (a queued save goes with the next page).
        await act(page, await targetsFor(page));
        note(`reload ${tabId(page)}`);
        await page.reload();
        await ready(page);
      } else if (step < 0.23) {
        // Leaves the site and returns later.
        for (const t of tabs) await t.close();
        note('left the site');
        phase(n, 'idle');
        await sleep(random() * 2000);
        tabs = [];
        for (let i = 0; i < tabCount; i++) tabs.push(await open());
      } else if (tabs.length > 1 && step < 0.3) {
        // Two tabs save different things at once.
        const other = tabs.find((t) => t !== page)!;
        await fresh(other);
        let mine = await targetsFor(page);
        // Leave the other tab something of its own to choose.
        if (mine.length === items.length) mine = mine.slice(0, 12);
        const theirs = await targetsFor(other, new Set(mine.map(([id]) => id)));
        await Promise.all([act(page, mine), act(other, theirs)]);
      } else {
        await act(page, await targetsFor(page));
      }
    }
    // The last return visit: the network is fine now. What waits is sent; what was refused is retried.
    phase(n, 'final');
    note('final visit');
    faultsOn = false;
    await context.setOffline(false);
    for (const t of tabs) await t.close();
    const last = await open();
    for (let i = 0; ; i++) {
      await settleError(last);
      const box = (await last.evaluate(() => (window as any).__outbox())) as { count: number; failed: number };
      if (box.count === 0) break;
      if (i > 240) {
        problems.push(`${box.count} saves still waiting (${box.failed} refused) after 60 s`);
        break;
      }
      await sleep(250);
    }
    // And the page shows what the provider holds.
    await last.reload();
    await ready(last);
    const view = (await last.evaluate(() => (window as any).__view())) as Record<string, boolean>;
    const want = expected();
    const shown = [...want].filter(([id, v]) => view[id] !== v && !uncertain(intents, id, view[id]!));
    if (shown.length) problems.push(`the page shows an older choice for ${shown.map(([id]) => id).join(', ')}`);
    // Who the visitor is at the provider: the backend's cookie, as the browser kept it at the end.
    if (kind === 'host') subject = await visitorOf(context).catch(() => '');
  } catch (e) {
    problems.push(`runner: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await context.close().catch(() => undefined);
    decide.delete(n);
  }
  return { visitor: n, kind, subject, intents, stuck, problems, trail };
}

const known = (i: Intent) => i.outcome === 'saved' || i.outcome === 'queued';
/** In the order the visitor made them (two tabs act at once: their saves may end in either order). */
const byTime = (intents: Intent[]) => [...intents].sort((a, b) => a.at - b.at);

/** What a visitor chose last per item, and when, as far as they were told (confirmed or queued). */
function lastChoices(intents: Intent[]): Map<string, { v: boolean; at: number }> {
  const want = new Map<string, { v: boolean; at: number }>();
  for (const i of byTime(intents)) if (known(i)) for (const [id, v] of i.targets) want.set(id, { v, at: i.at });
  return want;
}

/**
 * Whether `value` is an acceptable final value for `id` because of a save whose tab closed right
 * after Save, after the last choice the visitor saw confirmed or queued: it may or may not land.
 */
function uncertain(unsorted: Intent[], id: string, value: boolean): boolean {
  const intents = byTime(unsorted);
  const chose = (i: Intent) => i.targets.some(([t, v]) => t === id && v === value);
  let lastKnown = -1;
  intents.forEach((i, k) => known(i) && i.targets.some(([t]) => t === id) && (lastKnown = k));
  // Two tabs saved this item within a second of each other: which came last is a matter of milliseconds.
  const last = intents[lastKnown];
  if (last && intents.some((i) => i !== last && known(i) && Math.abs(i.at - last.at) < 1000 && chose(i))) return true;
  return intents.slice(lastKnown + 1).some((i) => (i.outcome === 'left' || i.outcome === 'stuck' || i.outcome === 'refused') && chose(i));
}

/** What each running visitor is doing, since when: a visitor stuck for a minute is reported. */
const watch = new Map<number, string>();
/** Seconds all visitors spent in each phase, printed at the end: where the suite's time goes. */
const spent: Record<string, number> = {};
function phase(n: number, name: string) {
  const [was, since] = (watch.get(n) ?? '').split(' ');
  if (was) spent[was] = (spent[was] ?? 0) + (Date.now() - Number(since)) / 1000;
  if (name) watch.set(n, `${name} ${Date.now()}`);
  else watch.delete(n);
}
const requests = new Map<number, number>();
const watchdog = setInterval(() => {
  if (verbose) console.log(`requests in 30 s by visitor: ${JSON.stringify(Object.fromEntries(requests))}; phases: ${JSON.stringify(Object.fromEntries(watch))}`);
  requests.clear();
  for (const [n, what] of watch) {
    const [phase, since] = what.split(' ');
    if (Date.now() - Number(since) > 60_000) console.log(`visitor ${n} has been in "${phase}" for ${Math.round((Date.now() - Number(since)) / 1000)} s`);
  }
}, 30_000);

// Visitors run a few at a time.
const results: Result[] = [];
let next = 0;
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    while (next < VISITORS) {
      const n = next++;
      const r = await visit(n);
      phase(n, '');
      results.push(r);
      if (verbose) console.log(`visitor ${n} (${r.kind}): ${r.intents.length} intents, ${r.problems.length} problems`);
    }
  }),
);
clearInterval(watchdog);
await browser.close();

// Give what is still under way a moment, then read the provider.
const chaos = await (await fetch(`${sim}/__sim/chaos`, { method: 'DELETE' })).json();
const events = ((await (await fetch(`${sim}/__sim/events`)).json()) as { events: SimEvent[] }).events;
stack.stop();
proxy.close();

let intents = 0;
let stored = 0;
let lost = 0;
let duplicated = 0;
let reversed = 0;
let wrongFinal = 0;
let stuckTotal = 0;
const outcomes: Record<string, number> = {};
const failing: { r: Result; bad: string[]; items: string[] }[] = [];
for (const r of results.sort((a, b) => a.visitor - b.visitor)) {
  intents += r.intents.length;
  stuckTotal += r.stuck;
  for (const i of r.intents) outcomes[i.outcome] = (outcomes[i.outcome] ?? 0) + 1;
  stored += r.intents.filter((i) => i.outcome === 'saved' || i.outcome === 'queued').length;
  const mine = events.filter((e) => e.subject === r.subject && items.includes(String(e.consentId)));
  const bad: string[] = [...r.problems];
  // Duplicated: one save's decision stored twice (an event carries the time the visitor acted).
  // Reversed: a decision stored after one the visitor made later.
  const previous = new Map<number, boolean>();
  const seen = new Set<string>();
  const latest = new Map<number, number>();
  for (const e of mine) {
    const once = `${e.consentId}:${e.action}:${e.eventTime}`;
    if (seen.has(once)) {
      duplicated++;
      bad.push(`duplicate event ${e.consentEventId} (${e.consentId}=${e.action})`);
    }
    seen.add(once);
    if (e.eventTime !== undefined && e.eventTime < (latest.get(e.consentId) ?? 0)) {
      reversed++;
      bad.push(`event ${e.consentEventId} (${e.consentId}=${e.action}) stored after a later choice`);
    }
    latest.set(e.consentId, Math.max(e.eventTime ?? 0, latest.get(e.consentId) ?? 0));
    previous.set(e.consentId, e.action);
  }
  // Lost and wrong-final: the provider's final state against the last choice the visitor saw confirmed or queued.
  const want = lastChoices(r.intents);
  let wrong = false;
  const wrongItems: string[] = [];
  for (const id of items) {
    const final = previous.get(Number(id)) ?? false;
    const w = want.get(id);
    const v = w?.v ?? false;
    if (final === v || uncertain(r.intents, id, final)) continue;
    wrong = true;
    wrongItems.push(id);
    if (w && !mine.some((e) => String(e.consentId) === id && e.action === w.v && e.created >= w.at - 1000)) {
      lost++;
      bad.push(`lost ${id}=${w.v}`);
    } else bad.push(`wrong final ${id}: provider ${final}, visitor chose ${v}`);
  }
  if (wrong) wrongFinal++;
  if (bad.length) failing.push({ r, bad, items: wrongItems });
}
// Orphaned: decisions stored for a visitor id that no browser holds at the end (its cookie was
// replaced by another id's): no page of that visitor finds them again.
const holders = new Set(results.map((r) => r.subject));
const orphans = new Map<string, number>();
for (const e of events) if (items.includes(String(e.consentId)) && !holders.has(e.subject)) orphans.set(e.subject, (orphans.get(e.subject) ?? 0) + 1);
for (const [subject, count] of orphans) {
  const n = issuedTo.get(subject);
  const r = results.find((x) => x.visitor === n);
  const line = `${count} decisions stored for visitor id ${subject}, which visitor ${n ?? '?'}'s browser does not hold${r ? ` (it holds ${r.subject})` : ''}`;
  const f = failing.find((x) => x.r === r);
  if (f) f.bad.push(line);
  else if (r) failing.push({ r, bad: [line], items: [] });
  else console.log(line);
}
// What the failing visitors did and heard, for a closer look (CI keeps only its log, and shows its end).
for (const { r } of failing) {
  console.log(`\n--- trail of visitor ${r.visitor} (epoch ms; what each tab did and heard)`);
  for (const line of r.trail) console.log(line.length > 400 ? `${line.slice(0, 400)}…` : line);
}
// Last, where a shortened log still shows it: what went wrong, and each wrong item's history.
for (const { r, bad, items: wrongItems } of failing) {
  console.log(`\nvisitor ${r.visitor} (${r.kind}, ${r.subject}): ${bad.join('; ')}`);
  for (const id of wrongItems) {
    const chose = byTime(r.intents)
      .filter((i) => i.targets.some(([t]) => t === id))
      .map((i) => `${i.at} ${i.targets.find(([t]) => t === id)![1]} ${i.outcome}`);
    const stored = events.filter((e) => e.subject === r.subject && String(e.consentId) === id).map((e) => `${e.created} ${e.action} (acted ${e.eventTime})`);
    console.log(`  ${id} chosen: ${chose.join(', ') || 'never'}; provider: ${stored.join(', ') || 'nothing'}`);
  }
}
// --out FILE: every visitor's intents and provider events, for a closer look at a failure.
const out = process.argv.indexOf('--out');
if (out > 0) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.argv[out + 1]!, JSON.stringify({ results, events }, null, 1));
}
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\n${VISITORS} visitors (${PARALLEL} at a time), ${events.length} provider events, ${seconds} s`);
console.log(`seconds spent by visitors in each phase: ${JSON.stringify(Object.fromEntries(Object.entries(spent).map(([k, v]) => [k, Math.round(v)])))}`);
console.log(`outcomes seen by visitors: ${JSON.stringify(outcomes)}; provider-side faults: ${JSON.stringify(chaos.counts)}`);
const problems = results.reduce((n, r) => n + r.problems.length, 0);
console.log(`intents ${intents}, stored ${stored}, lost ${lost}, duplicated ${duplicated}, wrong-final ${wrongFinal}`);
if (reversed) console.log(`${reversed} decisions stored after a later choice of the same visitor`);
if (orphans.size) console.log(`${[...orphans.values()].reduce((a, b) => a + b, 0)} decisions stored for ${orphans.size} visitor ids no browser holds`);
const ok = orphans.size === 0 && lost === 0 && duplicated === 0 && wrongFinal === 0 && reversed === 0 && stuckTotal === 0 && problems === 0 && intents >= VISITORS * INTENTS;
if (stuckTotal) console.log(`${stuckTotal} saves got no answer within ${ANSWER_MS / 1000} s`);
if (problems) console.log(`${problems} other problems (listed above)`);
process.exit(ok ? 0 : 1);
