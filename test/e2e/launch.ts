import { chromium, type Browser } from 'playwright-core';

/** The system Chromium, headless, as every e2e file (and the fault suite) drives it; `args` are added. */
export const launchChromium = (args: string[] = []): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', ...args],
  });
