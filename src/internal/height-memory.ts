import type { ReactiveController, ReactiveElement } from 'lit';

const STORE = 'consent-elements:heights';
/** Heights kept at most; the oldest go first. */
const KEEP = 50;

/**
 * Keeps how tall an element was when the visitor left the page, per page, element, language
 * and width, and gives it that height while it loads on the next view (in any tab): what
 * follows it on the page does not move (layout shift). Only pixel counts are kept, on the device.
 */
export class HeightMemory implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #ready: () => boolean;
  readonly #failed: () => boolean;
  readonly #lang: () => string;
  #observer?: ResizeObserver;
  /** The page's own inline height of the element, given back when ready. */
  #pageHeight?: string;

  /** `ready`: it shows what it loaded (the height to keep); `failed`: it shows why it could not load. */
  constructor(host: ReactiveElement, ready: () => boolean, failed: () => boolean, lang: () => string) {
    this.#host = host;
    this.#ready = ready;
    this.#failed = failed;
    this.#lang = lang;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('pagehide', this.#keep);
    // Nothing kept for this element (a first view): no layout to force at start.
    const prefix = this.#prefix();
    if (this.#done() || !Object.keys(read()).some((k) => k.startsWith(prefix))) return;
    // Before the first paint that shows the element. One not laid out yet (in a slot not
    // shown) waits for its first size.
    if (this.#reserve(this.#host.getBoundingClientRect().width) || typeof ResizeObserver === 'undefined') return;
    this.#observer = new ResizeObserver(([entry]) => {
      if (this.#reserve(entry.borderBoxSize?.[0]?.inlineSize ?? entry.contentRect.width)) this.#observer?.disconnect();
    });
    this.#observer.observe(this.#host);
  }

  /** Gives the element its kept height while it loads; false while it has no width yet. */
  #reserve(width: number): boolean {
    if (!width) return false;
    const height = !this.#done() && read()[this.#key(Math.round(width))];
    if (height) {
      // As a height, not a minimum: the default placeholder may be taller than what it stands for.
      this.#pageHeight = this.#host.style.blockSize;
      this.#host.style.blockSize = `${height}px`;
    }
    return true;
  }

  hostUpdated(): void {
    if (this.#pageHeight === undefined || !this.#done()) return;
    this.#host.style.blockSize = this.#pageHeight;
    this.#pageHeight = undefined;
  }

  /** No longer loading: its height is its own again (an error is shorter than what it stood for). */
  #done(): boolean {
    return this.#ready() || this.#failed();
  }

  hostDisconnected(): void {
    removeEventListener('pagehide', this.#keep);
    this.#observer?.disconnect();
  }

  /** The key of this element's heights without the width. */
  #prefix(): string {
    const host = this.#host;
    const nth = [...document.getElementsByTagName(host.localName)].indexOf(host);
    return `${location.pathname}|${host.localName}#${host.id || nth}|${this.#lang()}|`;
  }

  #key(width: number): string {
    return this.#prefix() + width;
  }

  /** The height as the visitor last saw it (with whatever it holds, loaded since). */
  #keep = () => {
    if (!this.#ready() || this.#pageHeight !== undefined) return;
    const { width, height } = this.#host.getBoundingClientRect();
    if (width && height) write(this.#key(Math.round(width)), Math.round(height));
  };
}

/** The kept heights, read once per page: every element asks at start. */
let kept: Record<string, number> | undefined;

function read(): Record<string, number> {
  if (kept) return kept;
  try {
    kept = JSON.parse(localStorage.getItem(STORE) ?? '{}') as Record<string, number>;
  } catch {
    kept = {};
  }
  return kept;
}

function write(key: string, height: number): void {
  // Afresh: the visitor's other tabs may have kept heights since this page read them.
  kept = undefined;
  const all = read();
  if (all[key] === height) return;
  delete all[key];
  all[key] = height;
  const keys = Object.keys(all);
  for (const k of keys.slice(0, Math.max(0, keys.length - KEEP))) delete all[k];
  try {
    localStorage.setItem(STORE, JSON.stringify(all));
  } catch {
    // Storage off or full: the next view reserves the default height.
  }
}
