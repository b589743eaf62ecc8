// Unit, transport and element tests in real Chromium. `npm test` (scripts/test.mjs) starts the
// simulator and host backend first and passes their addresses in TEST_ENV.
import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { findBrowser } from './scripts/browser.mjs';

const testEnv = process.env.TEST_ENV ?? '{}';

/** Writes pass/fail counts for scripts/test.mjs to add up. A file that failed to load counts as failed. */
function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const t of suite.tests) t.skipped ? skipped++ : t.passed ? passed++ : failed++;
        suite.suites.forEach(walk);
      };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        if (s.errors.length || !s.testResults) failed++;
      }
      if (file) writeFileSync(file, JSON.stringify({ passed, failed, skipped }));
    },
  };
}

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: true,
  port: Number(process.env.WTR_PORT ?? 8000),
  concurrency: 1, // the simulator's fault queue is shared: one file at a time
  testFramework: { config: { timeout: 15000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  testRunnerHtml: (testFramework) => `<!doctype html><html lang="en-GB"><head>
      <script>window.TEST_ENV = ${testEnv.replace(/</g, '\\u003c')};
        // Every test file starts as a new visitor: no catalogs kept by an earlier file's pages.
        for (const k of Object.keys(localStorage)) if (k.startsWith('consent-elements:catalog:')) localStorage.removeItem(k);</script>
    </head><body><script type="module" src="${testFramework}"></script></body></html>`,
  browsers: [
    process.env.WTR_BROWSER === 'firefox'
      ? // Stock Firefox has no Playwright protocol: drive it over WebDriver BiDi (puppeteer).
        chromeLauncher({ launchOptions: { browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true } })
      : playwrightLauncher({
          product: 'chromium',
          launchOptions: {
            executablePath: findBrowser() ?? '/usr/bin/chromium',
            args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
          },
        }),
  ],
  reporters: [defaultReporter(), countReporter(process.env.WTR_RESULTS_FILE)],
};
