import { CONFIGURE_EVENT, getDefaults } from '../config.js';
import { visitorSubject } from '../internal/subject.js';
import { toMap } from '../model/decisions.js';
import { toConsentError } from '../model/errors.js';
import type { ConsentTransport } from '../model/types.js';
import { transportFor } from '../transports/core/registry.js';
import { shared } from '../transports/core/share.js';
import { publish, recall, scopeKey, settled } from './consents.js';

let started: string | undefined;
let stopWatch: (() => void) | undefined;

/**
 * One read of the visitor's decisions through the configured transport (`configure({ consents })`),
 * with what waits in the outbox, and then every save the visitor's tabs make.
 */
async function start(): Promise<void> {
  const o = getDefaults().consents;
  const key = o && JSON.stringify(o);
  if (!o || key === started) return;
  started = key;
  stopWatch?.();
  const scope = scopeKey(o);
  let t: ConsentTransport | undefined;
  try {
    t = o.provider ? transportFor(o.provider, o.endpoint) : getDefaults().transport;
    if (!t) throw new Error('configure({ consents }) needs a provider and endpoint, or configure({ transport }).');
  } catch (e) {
    console.error(`consent-elements: ${toConsentError(e).message}`);
    return;
  }
  const s = shared(t);
  const q = { issuer: o.issuer, clientId: o.clientId, serviceId: o.serviceId, templateId: o.templateId, subject: visitorSubject(o.subject, o.subjectType) };
  stopWatch = s.watch?.(q, (e) => {
    if (e.type === 'sent' || e.type === 'queued' || e.type === 'pending') publish(scope, toMap(e.decisions));
  });
  try {
    const [state, queue] = await Promise.all([s.loadState ? s.loadState(q) : [], s.queued?.(q)]);
    publish(scope, [...toMap(state), ...toMap(queue?.pending ?? [])]);
  } catch (e) {
    // Offline or failing: the visitor's last known decisions on this device, if any.
    console.warn(`consent-elements: the visitor's decisions could not be read (${toConsentError(e).message}); using the last known on this device.`);
    publish(scope, Object.entries(recall()[scope] ?? {}), 'device');
    settled();
  }
}

/** Reads the visitor's decisions once `configure({ consents })` names where (now, or when it is called). */
export function startPageConsents(): void {
  void start();
  globalThis.addEventListener?.(CONFIGURE_EVENT, () => void start());
}
