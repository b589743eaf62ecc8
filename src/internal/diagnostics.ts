import { getDefaults } from '../config.js';

const said = new Set<string>();

/**
 * A `config` error is the developer's to fix, and a visitor only sees "not set up correctly":
 * the console says what and where, once per element and message. `configure({ diagnostics:
 * false })` keeps the console quiet (the `consent-error` event still fires).
 */
export function warnDeveloper(el: Element, error: { code: string; message: string }): void {
  if (error.code !== 'config' || getDefaults().diagnostics === false) return;
  const line = `consent-elements: <${el.localName}${el.id ? ` id="${el.id}"` : ''}> ${error.message}`;
  if (said.has(line)) return;
  said.add(line);
  console.warn(line);
}
