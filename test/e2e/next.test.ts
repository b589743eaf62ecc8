// The Next.js example (demo/next/) as a publisher builds it: the packed package installed into a
// fresh project, `next build` (which type-checks it), `next start` with the shipped backend as a
// route handler talking to the simulator, then the server's HTML and a save in Chromium.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../../scripts/stack.mjs';
import { Simulator } from '../../demo/simulator/server.js';
import { browserForFile, gateIn } from './launch.js';
import { installInto, versionHere } from './package.js';

const dir = mkdtempSync(join(tmpdir(), 'consent-elements-next-'));
const app = join(dir, 'app');
const secret = `secret-${crypto.randomUUID()}`;
const browser = browserForFile();
let sim: Simulator;
let server: ChildProcess | undefined;
let url: string;
let build: { status: number | null; output: string };

before(async () => {
  cpSync(resolve(import.meta.dirname, '../../demo/next'), app, { recursive: true });
  installInto(
    app,
    {
      next: versionHere('next'),
      react: versionHere('react'),
      'react-dom': versionHere('react-dom'),
      // Next's type check needs TypeScript's JS API, which the repo's TypeScript 7 (native) lacks:
      // the 5.9 that @lit/localize-tools brings, so it comes from the npm cache too.
      typescript: versionHere('@lit/localize-tools/node_modules/typescript'),
      '@types/react': versionHere('@types/react'),
      '@types/react-dom': versionHere('@types/react-dom'),
      '@types/node': versionHere('@types/node'),
    },
    false,
  );
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const b = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { cwd: app, env, encoding: 'utf8', timeout: 300_000 });
  build = { status: b.status, output: `${b.stdout}\n${b.stderr}` };
  if (build.status !== 0) return;

  sim = new Simulator({ dataFile: join(dir, 'sim.json'), clients: { c1: secret }, consentuaServiceKey: 'k', superofficeAuthorization: 'Bearer none', cspApiToken: 't' });
  const simUrl = await sim.listen(0);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: app,
    env: {
      ...env,
      ALLOWED_ORIGINS: url,
      VISITOR_SECRET: `visitor-${crypto.randomUUID()}`,
      PROVIDER_URL: `${simUrl}/capi`,
      PROVIDER_TOKEN_URL: `${simUrl}/user/oauth/token`,
      CONNECT_CLIENT_ID: 'c1',
      CONNECT_CLIENT_SECRET: secret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  server.stdout!.on('data', (d) => (out += d));
  server.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`next start did not answer:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

after(async () => {
  server?.kill('SIGTERM');
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Next.js example (demo/next)', () => {
  it('builds with next build, type-checked, App Router and Pages Router', () => {
    assert.equal(build.status, 0, build.output);
    assert.match(build.output, /Compiled successfully/);
    assert.match(build.output, /Finished TypeScript/);
    assert.match(build.output, /\/pages-router/);
  });

  it('renders the wrappers on the server with their attributes, from a Server Component', async () => {
    const html = await (await fetch(url)).text();
    assert.match(html, /<consent-group-picker id="choices" provider="host" endpoint="\/api\/consent" issuer="913456780" source="Next.js example"/);
    assert.match(html, /<consent-access-gate id="video" provider="host" endpoint="\/api\/consent" issuer="913456780" consent="120"/);
    // The Pages Router, with a prop from getServerSideProps.
    const pages = await (await fetch(`${url}/pages-router`)).text();
    assert.match(pages, /<consent-group-picker id="choices" provider="host" endpoint="\/api\/consent" issuer="913456780" lang="nb"/);
  });

  it('comes alive in the browser and saves through the route handler', async () => {
    const page = await browser().newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // (The example has no favicon: the browser's own request for one is not the kit's error.)
    page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && errors.push(`${m.text()} ${m.location().url}`));
    await page.goto(url);
    await gateIn(page, '#video', 'denied');
    await page.locator('consent-group-picker input[data-item-input="120"]').check();
    await page.locator('#status', { hasText: '1 unsaved change(s)' }).waitFor();
    await page.locator('consent-group-picker button[part~="save"]').click();
    await page.locator('#status', { hasText: 'saved 120=yes' }).waitFor();
    await gateIn(page, '#video', 'granted');
    // Kept by the provider: the visitor's cookie from the route handler reads it back.
    await page.reload();
    await page.locator('consent-group-picker input[data-item-input="120"]:checked').waitFor();
    // The Pages Router page upgrades too, in its own language.
    await page.goto(`${url}/pages-router`);
    await page.locator('consent-group-picker button[part~="save"]', { hasText: 'Lagre' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });
});
