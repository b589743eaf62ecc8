import type { AccessQuery, AccessResult, ConsentTransport } from '../model/types.js';

/** How long an answer is reused on a page before asking again. */
export const ACCESS_TTL_MS = 30_000;

interface Entry {
  at: number;
  epoch: number;
  result: Promise<AccessResult>;
}

const answers = new WeakMap<ConsentTransport, Map<string, Entry>>();
let epoch = 0;

/**
 * Asks a transport an access question once for every gate asking the same thing at the same
 * time, and reuses the answer briefly. Failures are never reused.
 */
export function sharedAccess(transport: ConsentTransport & Required<Pick<ConsentTransport, 'checkAccess'>>, q: AccessQuery): Promise<AccessResult> {
  const key = JSON.stringify(Object.entries(q).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
  let byKey = answers.get(transport);
  if (!byKey) answers.set(transport, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit && hit.epoch === epoch && Date.now() - hit.at < ACCESS_TTL_MS) return hit.result;
  // No signal: the request is shared, one gate going away must not cancel it for the others.
  const result = transport.checkAccess(q);
  const entry = { at: Date.now(), epoch, result };
  byKey.set(key, entry);
  result.catch(() => byKey.get(key) === entry && byKey.delete(key));
  return result;
}

/** Forget every answer (after a consent was saved somewhere on the page). */
export function forgetAccess(): void {
  epoch++;
}
