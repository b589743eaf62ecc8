import { getDefaults } from '../config.js';
import { ConsentReloadEvent } from '../events/consent-reload.js';
import { freshScript } from '../internal/run-script.js';
import { consents } from './consents.js';

/**
 * Markup held back until the visitor consents, without code:
 * `<script type="text/plain" data-consent="120">` (inline or `src`; `data-type="module"` keeps
 * its type), `<iframe data-consent="…" data-src="…">`, `<img data-consent="…" data-src="…">`.
 * `data-consent` lists consent ids that must all be given (space or comma separated);
 * `data-consent-scope` names a provider scope (a Connect issuer, …) when the page has several.
 */
const SELECTOR = 'script[data-consent], iframe[data-consent], img[data-consent]';

const required = (el: HTMLElement) => (el.dataset.consent ?? '').split(/[\s,]+/).filter(Boolean);
/** Scripts already run: their originals (a script runs once per page). */
const ran = new WeakSet<HTMLScriptElement>();
/** Withdrawn scripts that ran and the page was told of (told once per withdrawal). */
const told = new WeakSet<HTMLScriptElement>();

/** Runs, loads or unloads one marked element for the decisions known now; a withdrawn script that ran is returned. */
function apply(el: HTMLElement): HTMLScriptElement | undefined {
  const ids = required(el);
  const given = consents.all(ids, el.dataset.consentScope);
  if (el instanceof HTMLScriptElement) {
    if (ran.has(el)) return given ? undefined : el;
    // Only a held-back script: one of another type ran (or will) on its own.
    if (!given || el.type !== 'text/plain') return undefined;
    ran.add(el);
    const s = freshScript(el, { omit: (n) => n === 'type' || n.startsWith('data-consent'), type: el.dataset.type ?? '', nonce: getDefaults().nonce });
    el.after(s);
    return undefined;
  }
  const src = el.dataset.src;
  if (!src || !/^(https?:|\/|\.)/i.test(src)) return undefined; // a page's own URL, or http(s): never javascript:
  if (given && el.getAttribute('src') !== src) el.setAttribute('src', src);
  // A withdrawn iframe stops at once (its page, its scripts); an image shown stays (it is already here).
  else if (!given && el instanceof HTMLIFrameElement && el.getAttribute('src') === src) el.setAttribute('src', 'about:blank');
  return undefined;
}

function applyAll(root: ParentNode = document): void {
  const withdrawn: HTMLScriptElement[] = [];
  const marked = root instanceof Element && root.matches(SELECTOR) ? [root, ...root.querySelectorAll(SELECTOR)] : [...root.querySelectorAll(SELECTOR)];
  for (const el of marked) {
    const w = apply(el as HTMLElement);
    if (w) withdrawn.push(w);
  }
  // Told once per withdrawal: a withdrawn script counts again only after it was given again.
  const fresh = withdrawn.filter((s) => !told.has(s));
  for (const s of fresh) told.add(s);
  for (const s of marked) if (s instanceof HTMLScriptElement && !withdrawn.includes(s)) told.delete(s);
  if (fresh.length)
    document.dispatchEvent(new ConsentReloadEvent({ consents: [...new Set(fresh.flatMap((s) => required(s).filter((id) => consents.get(id, s.dataset.consentScope) !== true)))], scripts: fresh }));
}

let started = false;

/** Starts acting on `data-consent` markup: now, on every change of the visitor's decisions, and for markup added later. */
export function startBlocking(): void {
  if (started || typeof document === 'undefined') return;
  started = true;
  consents.subscribe(() => applyAll());
  const observe = () => {
    applyAll();
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes) if (n instanceof Element && (n.matches(SELECTOR) || n.querySelector(SELECTOR))) applyAll(n);
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', observe, { once: true });
  else observe();
}
