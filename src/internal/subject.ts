import type { Subject } from '../model/types.js';

const KEY = 'consent-elements:subject';
let memoryId: string | undefined;

/**
 * A random, pseudonymous visitor id kept in localStorage, so an anonymous visitor's decisions
 * can be found again on the next visit. Falls back to one id per page when storage is blocked.
 */
export function pseudonymousSubject(): string {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored) return stored;
    const id = crypto.randomUUID();
    localStorage.setItem(KEY, id);
    return id;
  } catch {
    return (memoryId ??= crypto.randomUUID());
  }
}

/**
 * Who the visitor is, the same for every element: the `subject` given, with its type; without
 * one, the pseudonymous id, always of type `EXTERNAL` (a `subject-type` names the kind of a
 * given subject, never the pseudonymous one).
 */
export function visitorSubject(subject: string | undefined, type: string | undefined): Subject {
  return subject ? { id: subject, type: type || 'EXTERNAL' } : { id: pseudonymousSubject(), type: 'EXTERNAL' };
}
