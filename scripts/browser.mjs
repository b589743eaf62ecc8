// Finds a Chromium for the tests, or installs one, and says what it did.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter(Boolean);

function playwrightChromium() {
  try {
    // playwright-core knows where `npx playwright install chromium` puts its browser.
    const out = execFileSync(process.execPath, ['-e', "import('playwright-core').then(m => console.log(m.chromium.executablePath()))"], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return out && existsSync(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

export function findBrowser() {
  return candidates.find((p) => existsSync(p)) ?? playwrightChromium();
}

/** Returns a Chromium path, installing one when none is found. Throws with advice if it cannot. */
export function ensureBrowser(log = console.log) {
  const found = findBrowser();
  if (found) {
    log(`Browser: ${found}`);
    return found;
  }
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    log('Browser: none found; installing Debian chromium (apt-get install -y chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium', 'fonts-liberation']]) {
      const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (r.status !== 0) break;
    }
  } else {
    log('Browser: none found; installing Playwright Chromium (npx playwright-core install chromium)…');
    spawnSync(process.execPath, ['node_modules/playwright-core/cli.js', 'install', 'chromium'], { stdio: 'inherit' });
  }
  const installed = findBrowser();
  if (!installed)
    throw new Error(
      'No Chromium found and the install failed. Install one (Debian: `apt-get install -y chromium`; ' +
        'elsewhere: `npx playwright install chromium`) or set CHROME_PATH.',
    );
  log(`Browser: installed ${installed}`);
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureBrowser(() => {}));
