import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** What `npm test` (scripts/stack.mjs) tells the e2e files about the running stack. */
export interface StackEnv {
  demo: string;
  simulator: string;
  clientId: string;
  clientSecret: string;
  superofficeAuthorization: string;
}

/** The running stack's addresses; a clear error when a file is run without `npm test`. */
export function stackEnv(): StackEnv {
  const env = JSON.parse(process.env.TEST_ENV ?? '{}') as StackEnv;
  if (!env.demo) throw new Error('TEST_ENV is missing: run the tests with `npm test`.');
  return env;
}

/** The system Chromium, headless, as every e2e file (and the fault suite) drives it; `args` are added. */
export const launchChromium = (args: string[] = []): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', ...args],
  });

/** One system Chromium for the calling test file: launched before its tests, closed after them. */
export function browserForFile(args: string[] = []): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchChromium(args);
  });
  after(() => browser?.close());
  return () => browser!;
}

/** Waits until the gate `selector` is in `state` (its read-only `state` property; CSS: `:state(…)`). */
export const gateIn = (page: Page, selector: string, state: string) =>
  page.waitForFunction(([s, st]) => (document.querySelector(s) as { state?: string } | null)?.state === st, [selector, state] as const);

/** The anonymous visitor's id at the provider: the one in the backend's signed cookie (HttpOnly: the page never sees it). */
export async function visitorOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === 'consent_visitor');
  if (!cookie) throw new Error('No visitor cookie: the backend has not issued one yet.');
  return cookie.value.split('.')[0]!;
}
