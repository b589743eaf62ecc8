import { expect } from '@open-wc/testing';
import { customers } from '../fixtures/connect.js';
import { ConsentError } from '../src/model/errors.js';

// The seed the simulator answers with: tests name its ids from there.
export { HOSTILE, NORDLYS } from '../fixtures/connect.js';
export { CSP_IDS, CSP_ORG } from '../fixtures/csp.js';

// Shared by the browser tests: where the simulator and demo run (set by scripts/test.mjs).
export interface TestEnv {
  simulator: string;
  demo: string;
  clientId: string;
  clientSecret: string;
  superofficeAuthorization: string;
}

declare global {
  interface Window {
    TEST_ENV: TestEnv;
  }
}

export const env = (): TestEnv => {
  const e = window.TEST_ENV;
  if (!e?.simulator) throw new Error('TEST_ENV is missing: run the tests with `npm test`.');
  return e;
};

export const capi = () => `${env().simulator}/capi`;
/** The demo backend's mount that takes the subject a test names (each test its own visitor); pages use the visitor cookie. */
export const hostApi = () => `${env().demo}/as-named/api/consent`;

/** A fresh visitor id, so tests never see each other's decisions. */
export const newSubject = () => `test-${crypto.randomUUID()}`;

export async function simAdmin(path: string, body?: unknown): Promise<any> {
  const r = await fetch(`${env().simulator}/__sim/${path}`, {
    method: body === undefined ? 'GET' : path === 'faults' && body === null ? 'DELETE' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined || body === null ? undefined : JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`simulator admin ${path}: ${r.status}`);
  return r.json();
}

/** Queues a fault for the next matching simulator request(s). */
export const queueFault = (fault: string, opts: { path?: string; times?: number; ms?: number } = {}) =>
  simAdmin('faults', { fault, ...opts });
export const clearFaults = () => simAdmin('faults', null);

export async function userToken(subject: string): Promise<string> {
  return (await simAdmin('user-token', { subject })).access_token;
}

/** A client-credentials token, fetched as the host backend would (test-only secret). */
export async function clientToken(): Promise<string> {
  const r = await fetch(`${env().simulator}/user/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${btoa(`${env().clientId}:${env().clientSecret}`)}` },
    body: 'grant_type=client_credentials',
  });
  return (await r.json()).access_token;
}

export async function eventsFor(subject: string): Promise<{ consentId: number; action: boolean; source: string; parentEventId?: number }[]> {
  return (await simAdmin('events')).events.filter((e: { subject: string }) => e.subject === subject);
}

export const consentuaApi = () => `${env().simulator}/consentua/`;
export const consentuaHostApi = () => `${env().demo}/as-named/api/consentua`;

/** A Consentua access token, as the host backend holds after its service login. */
export async function consentuaToken(): Promise<string> {
  return (await simAdmin('consentua/token', {})).Token;
}

export async function received(path: string): Promise<{ method: string; path: string; body: any }[]> {
  return (await fetch(`${env().simulator}/__sim/received?path=${encodeURIComponent(path)}`).then((r) => r.json())).received;
}

export const superofficeApi = () => `${env().simulator}/superoffice/api/v1`;
export const superofficeHostApi = () => `${env().demo}/api/superoffice`;

/** The ConsentError a promise fails with; the test fails if it resolves or throws anything else. */
export async function failure(p: Promise<unknown>): Promise<ConsentError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(ConsentError);
    return e as ConsentError;
  }
  throw new Error('expected a failure');
}

/** The seeded Connect reader with a subscription. */
export const READER = { uniqueId: customers[0]!.uniqueId };

/** A CSP access token, as the host backend holds after its API-token exchange. */
export async function cspToken(role: 'admin' | 'service' = 'admin'): Promise<string> {
  return (await simAdmin('csp/token', { role })).access_token;
}

/** A fresh REQUESTED consent to approve or reject. */
export async function newCspConsent(status = 'REQUESTED'): Promise<string> {
  return (await simAdmin('csp/consents', { sourceUserId: `t-${crypto.randomUUID()}@example.com`, status })).consentId;
}

// Tests count requests in resource timing: its default buffer (250 entries) fills within a file.
globalThis.performance?.setResourceTimingBufferSize?.(100_000);
