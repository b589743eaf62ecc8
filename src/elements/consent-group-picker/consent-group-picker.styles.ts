import { css } from 'lit';

/** The picker's public custom properties, each falling back to a kit-wide `--consent-*` token. */
export const styles = css`
  :host {
    --_fg: var(--consent-picker-color, var(--consent-color-text, light-dark(#1b1f24, #e8eaed)));
    --_bg: var(--consent-picker-background, var(--consent-color-background, light-dark(#ffffff, #16181c)));
    --_muted: var(--consent-picker-muted-color, var(--consent-color-muted, light-dark(#545b64, #a9b0b8)));
    --_border: var(--consent-picker-border-color, var(--consent-color-border, light-dark(#c9ced6, #3a3f47)));
    --_accent: var(--consent-picker-accent-color, var(--consent-color-accent, light-dark(#0b57d0, #8ab4f8)));
    --_danger: var(--consent-picker-danger-color, var(--consent-color-danger, light-dark(#b3261e, #f2b8b5)));
    --_radius: var(--consent-picker-radius, var(--consent-radius, 0.5rem));
    --_gap: var(--consent-picker-gap, var(--consent-gap, 0.75rem));
    --_focus: var(--consent-picker-focus-ring, var(--consent-focus-ring, 2px solid var(--_accent)));
    --_font: var(--consent-picker-font, var(--consent-font, inherit));
    --_min-height: var(--consent-picker-min-height, 12rem);
    --_button-color: var(--consent-picker-button-color, var(--_accent));
    --_button-background: var(--consent-picker-button-background, transparent);
    --_button-border: var(--consent-picker-button-border-color, var(--_accent));
  }
  ul ul {
    padding-inline-start: var(--consent-picker-indent, 2rem);
  }
`;
