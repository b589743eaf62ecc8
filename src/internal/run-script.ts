import { ConsentError } from '../model/errors.js';

interface ScriptPolicy {
  createScript(s: string): unknown;
  createScriptURL(s: string): unknown;
}
let policy: ScriptPolicy | undefined;

/**
 * The Trusted Types policy (`consent-elements`) through which the kit runs scripts the page's
 * own markup holds (a gate's template, `data-consent` scripts) on pages that require Trusted
 * Types. Pages that also restrict policy names must list it: `trusted-types consent-elements
 * lit-html`. Without Trusted Types, none is needed.
 */
function scriptPolicy(): ScriptPolicy | undefined {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: ScriptPolicy): ScriptPolicy } }).trustedTypes;
  if (!tt || policy) return policy;
  try {
    return (policy = tt.createPolicy('consent-elements', { createScript: (s) => s, createScriptURL: (s) => s }));
  } catch (e) {
    throw new ConsentError(
      'config',
      'This page restricts Trusted Types policies: add consent-elements to its trusted-types directive so the kit can run the scripts of its markup.',
      { cause: e },
    );
  }
}

/**
 * A script element that runs when inserted (one parsed as markup or held back never does): a
 * copy of `old`'s attributes (but `omit`ted ones) and text, with `type` and `nonce` if given.
 */
export function freshScript(old: HTMLScriptElement, o: { omit?: (name: string) => boolean; type?: string; nonce?: string } = {}): HTMLScriptElement {
  const p = scriptPolicy();
  const script = document.createElement('script');
  for (const a of old.attributes) {
    if (o.omit?.(a.name)) continue;
    script.setAttribute(a.name, a.name === 'src' && p ? (p.createScriptURL(a.value) as string) : a.value);
  }
  if (o.type !== undefined) script.type = o.type;
  // A nonce is hidden from attributes once parsed: the property still has it.
  const nonce = o.nonce || old.nonce;
  if (nonce) script.nonce = nonce;
  if (old.text) script.text = p ? (p.createScript(old.text) as string) : old.text;
  return script;
}
