import { css } from 'lit';
import { getDefaults } from '../config.js';

/** `light`, `dark`, or `auto` (the visitor's system setting). */
export type Theme = 'light' | 'dark' | 'auto';

/**
 * An element's colours follow the page's own `color-scheme` (inherited: light unless the page
 * declares `dark` or `light dark`), so a light site never gets a dark box. A `theme` — the
 * element's, else `configure({ theme })` — overrides it. Shown as a custom state, so the page's
 * markup is never written to.
 */
export function showTheme(internals: ElementInternals, own: string | undefined): void {
  const theme = own || getDefaults().theme;
  try {
    for (const t of ['light', 'dark', 'auto']) internals.states[theme === t ? 'add' : 'delete'](`theme-${t}`);
  } catch {
    // Browsers before 2024 take only `--name` states: the page's colour scheme applies.
  }
}

export const themeStyles = css`
  :host(:state(theme-light)) {
    color-scheme: light;
  }
  :host(:state(theme-dark)) {
    color-scheme: dark;
  }
  :host(:state(theme-auto)) {
    color-scheme: light dark;
  }
`;
