import { chromium, type Browser, type Page } from 'playwright-core';

/** The system Chromium, headless, as every e2e file (and the fault suite) drives it; `args` are added. */
export const launchChromium = (args: string[] = []): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', ...args],
  });

/** Waits until the gate `selector` is in `state` (its read-only `state` property; CSS: `:state(…)`). */
export const gateIn = (page: Page, selector: string, state: string) =>
  page.waitForFunction(([s, st]) => (document.querySelector(s) as { state?: string } | null)?.state === st, [selector, state] as const);
