// `npm test`: finds (or installs) Chromium, builds, starts the simulator + host backend + demo
// on free ports with a throwaway data file, runs the browser tests (web-test-runner) and the
// end-to-end tests (node:test + Playwright), and ends with one line: `N passed, N failed`.
// Last, the fault suite (test/faults/run.ts) counts as one test: it passes only when no decision
// was lost, doubled or reversed. `npm test -- --unit` skips the end-to-end tests and the fault
// suite; `--chromium-only` skips Firefox; `--no-faults` skips the fault suite.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBrowser } from './browser.mjs';
import { freePort, startStack } from './stack.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'consent-elements-test-'));
const children = new Set();
let stack;
const cleanup = () => {
  for (const c of children) c.kill('SIGTERM');
  stack?.stop();
  rmSync(tmp, { recursive: true, force: true });
};
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const finish = () => {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(totals.failed > 0 ? 1 : 0);
};

const chrome = ensureBrowser();

console.log('\n# Build');
if ((await run('npm', ['run', '--silent', 'build:lib'])) !== 0) {
  totals.failed = 1;
  finish();
}

const wtrPort = await freePort();
console.log('# Start simulator + host backend + demo');
stack = await startStack({
  extraOrigins: [`http://localhost:${wtrPort}`, `http://127.0.0.1:${wtrPort}`],
  env: { HOST_CATALOG_TTL_MS: '0' }, // tests inject provider faults: let every catalog request reach the simulator
});
console.log(`  demo ${stack.demo}, simulator ${stack.simulator}`);
const testEnv = JSON.stringify({
  simulator: stack.simulator,
  demo: stack.demo,
  clientId: stack.clientId,
  clientSecret: stack.clientSecret,
  superofficeAuthorization: stack.superofficeAuthorization,
});
const add = (r) => Object.keys(totals).forEach((k) => (totals[k] += r[k] ?? 0));

/** The browser tests in one browser; their counts are added to the totals. */
async function browserTests(browser) {
  const file = join(tmp, `wtr-${browser}.json`);
  const code = await run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], {
    TEST_ENV: testEnv,
    WTR_PORT: String(wtrPort),
    WTR_RESULTS_FILE: file,
    WTR_BROWSER: browser,
    CHROME_PATH: chrome,
    CI: 'true', // no watch mode, no interactive output
  });
  const counts = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { failed: 1 };
  if (code !== 0 && !counts.failed) counts.failed = 1;
  add(counts);
}

console.log('\n# Browser tests (web-test-runner, Chromium)');
await browserTests('chromium');

// Firefox where the machine has it (Debian: apt-get install firefox-esr).
const firefox = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
if (firefox && !process.argv.includes('--chromium-only')) {
  console.log(`\n# Browser tests (web-test-runner, Firefox: ${firefox})`);
  process.env.FIREFOX_PATH = firefox;
  await browserTests('firefox');
} else {
  console.log(`\n# ${firefox ? 'Firefox skipped (--chromium-only)' : 'Firefox not found'}: browser tests ran in Chromium only`);
}

if (!process.argv.includes('--unit')) {
  // The stories' accessibility test reads the built Storybook (CI builds it just before).
  if (!existsSync('storybook-static/index.json')) {
    console.log('\n# Build Storybook (for the stories test; `npm run build-storybook` refreshes it)');
    if ((await run('npm', ['run', '--silent', 'build-storybook'])) !== 0) totals.failed++;
  }
  console.log('\n# End-to-end tests (node:test + Playwright, built demo)');
  const tapFile = join(tmp, 'e2e.tap');
  const files = readdirSync('test/e2e').filter((f) => f.endsWith('.test.ts')).map((f) => join('test/e2e', f));
  const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`];
  const code = await run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...reporters, ...files], {
    TEST_ENV: testEnv,
    CHROME_PATH: chrome,
  });
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const count = (k) => Number(new RegExp(`^# ${k} (\\d+)`, 'm').exec(tap)?.[1] ?? 0);
  add({ passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') });
  if (code !== 0 && count('fail') + count('cancelled') === 0) totals.failed++;
}

if (!process.argv.includes('--unit') && !process.argv.includes('--no-faults')) {
  // Its own stack and proxy; the one above is no longer needed and would share the cores.
  stack.stop();
  stack = undefined;
  console.log('\n# Fault suite (42 visitors, >= 1,000 saves through injected faults)');
  const code = await run(process.execPath, ['--import', 'tsx', 'test/faults/run.ts', '--no-build'], { CHROME_PATH: chrome });
  add(code === 0 ? { passed: 1 } : { failed: 1 });
}

cleanup();
finish();
