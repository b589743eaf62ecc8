// What the element tests share: finding parts in an element's shadow root, and waiting for it.
import { waitUntil } from '@open-wc/testing';
import type { ConsentAccessGate } from '../../src/elements/consent-access-gate/consent-access-gate.js';
import type { ConsentElement } from '../../src/internal/consent-element.js';

export const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
export const input = (el: Element, id: string) => $<HTMLInputElement>(el, `input[data-item-input="${id}"]`)!;
export const groupToggle = (el: Element, id: string) => $<HTMLInputElement>(el, `input[data-group-toggle="${id}"]`)!;
export const button = (el: Element, part: string) => $<HTMLButtonElement>(el, `button[part~="${part}"]`)!;
export const legends = (el: Element) => $$(el, 'legend').map((l) => l.textContent!.trim());
export const statusText = (el: Element) => $(el, '[part~="status"]')!.textContent!.trim();

/** A form element once it shows groups, an error or its empty state. */
export async function ready<T extends Element & { updateComplete: Promise<boolean> }>(el: T): Promise<T> {
  await waitUntil(() => $(el, 'fieldset') || $(el, '[part~="error"]') || $(el, '[part~="empty"]'), `${el.localName} did not load`, { timeout: 10000 });
  await el.updateComplete;
  return el;
}

/** A gate once it has an answer. */
export const settled = (el: ConsentAccessGate) => waitUntil(() => el.state !== 'loading', 'gate did not settle', { timeout: 10000 });

/** Waits until an element draws its own strings in `locale` (its translation loaded). */
export const localeIs = async (el: ConsentElement, locale: string) => {
  await el.updateComplete; // a lang just set is drawn (translating, if its strings must load) first
  await waitUntil(() => el.uiLocale === locale && !el.isUpdatePending && !el.matches(':state(translating)'), `${el.localName}: locale ${locale} not drawn (${el.uiLocale})`, { timeout: 5000 });
};
