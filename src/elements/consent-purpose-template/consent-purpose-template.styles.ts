import { css } from 'lit';

/** The template's public custom properties, each falling back to a kit-wide `--consent-*` token. */
export const styles = css`
  :host {
    --_fg: var(--consent-template-color, var(--consent-color-text, light-dark(#1b1f24, #e8eaed)));
    --_bg: var(--consent-template-background, var(--consent-color-background, light-dark(#ffffff, #16181c)));
    --_muted: var(--consent-template-muted-color, var(--consent-color-muted, light-dark(#545b64, #a9b0b8)));
    --_border: var(--consent-template-border-color, var(--consent-color-border, light-dark(#c9ced6, #3a3f47)));
    --_accent: var(--consent-template-accent-color, var(--consent-color-accent, light-dark(#0b57d0, #8ab4f8)));
    --_danger: var(--consent-template-danger-color, var(--consent-color-danger, light-dark(#b3261e, #f2b8b5)));
    --_radius: var(--consent-template-radius, var(--consent-radius, 0.5rem));
    --_gap: var(--consent-template-gap, var(--consent-gap, 0.75rem));
    --_focus: var(--consent-template-focus-ring, var(--consent-focus-ring, 2px solid var(--_accent)));
    --_font: var(--consent-template-font, var(--consent-font, inherit));
    --_min-height: var(--consent-template-min-height, 12rem);
    --_button-color: var(--consent-template-button-color, var(--_accent));
    --_button-background: var(--consent-template-button-background, transparent);
    --_button-border: var(--consent-template-button-border-color, var(--_accent));
    --_badge: var(--consent-template-badge-color, light-dark(#8a4b00, #ffcc80));
  }
  [part~='question'] {
    margin: 0;
    color: var(--_fg);
    font-weight: 600;
    font-size: 1.1em;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0.25rem 0 0 2rem;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .binary .facts,
  .binary p {
    margin-inline-start: 0;
  }
  [part~='sensitive'] {
    color: var(--_badge);
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 0.5rem;
    font-weight: 600;
  }
  a {
    color: var(--_accent);
  }
  a:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .purpose-title {
    font-weight: 600;
  }
`;
