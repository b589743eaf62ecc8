// Starts the demo stack (simulator + host backend + demo pages) on free ports with a throwaway
// data file, for the tests and the screenshot script. Needs the bundle built first.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/**
 * The port is picked free and then given back for the demo to take; meanwhile another process
 * (or the demo's own simulator, on a port the system picks) may take it: then it starts again
 * on another.
 * @param {{ extraOrigins?: string[], env?: Record<string,string> }} o
 */
export async function startStack(o = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(o);
    } catch (e) {
      if (attempt >= 3 || !String(e).includes('EADDRINUSE')) throw e;
    }
  }
}

/** @param {{ extraOrigins?: string[], env?: Record<string,string> }} o */
async function startOnce(o) {
  const tmp = mkdtempSync(join(tmpdir(), 'consent-elements-'));
  const port = await freePort();
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`, ...(o.extraOrigins ?? [])];
  const clientSecret = randomBytes(18).toString('base64url');
  const superofficeAuthorization = `Bearer ${randomBytes(18).toString('base64url')}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/start.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      SIM_PORT: '0',
      SIM_DATA_FILE: join(tmp, 'simulator.json'),
      ALLOWED_ORIGINS: origins.join(','),
      CONNECT_CLIENT_ID: 'test-client',
      CONNECT_CLIENT_SECRET: clientSecret,
      SUPEROFFICE_AUTHORIZATION: superofficeAuthorization,
      DEMO_QUIET: '1',
      DEMO_SUBJECTS_AS_NAMED: '1',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  };
  const ready = await new Promise((resolve, reject) => {
    let out = '';
    let started = false;
    const timer = setTimeout(() => reject(new Error(`The demo did not start in 60 s:\n${out}`)), 60_000);
    // Its errors still reach the console; kept until it is up, so that a port taken meanwhile can be told.
    child.stderr.on('data', (d) => {
      process.stderr.write(d);
      if (!started) out += d;
    });
    child.stdout.on('data', (d) => {
      if (started) return;
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (line) {
        started = true;
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(6)));
      }
    });
    child.on('exit', (code) => reject(new Error(`The demo exited with ${code}:\n${out}`)));
  }).catch((e) => {
    stop();
    throw e;
  });
  child.stdout.resume();
  return { ...ready, clientId: 'test-client', clientSecret, superofficeAuthorization, stop };
}
