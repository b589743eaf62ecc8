import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  /* The gate's own strings wait for the page's translation (see ConsentElement). */
  :host(:state(translating)) :is([part~='message'], [part~='consent'], button, a) {
    visibility: hidden;
  }
  [part~='message'] {
    margin: 0;
    padding: var(--consent-gate-padding, 0.75rem);
    border: 1px dashed var(--consent-gate-border-color, var(--consent-color-border, light-dark(#c9ced6, #3a3f47)));
    border-radius: var(--consent-gate-radius, var(--consent-radius, 0.5rem));
    color: var(--consent-gate-color, var(--consent-color-muted, light-dark(#545b64, #a9b0b8)));
    /* Its own background, so its text keeps its contrast whatever the page's behind it. */
    background: var(--consent-gate-background, var(--consent-color-background, light-dark(#ffffff, #16181c)));
  }
  [part~='consent'] p {
    margin: 0 0 0.5rem;
  }
  [part~='consent'] button {
    margin-inline: 0 0.75rem;
  }
  [part~='choices'] {
    color: var(--consent-color-accent, light-dark(#0b57d0, #8ab4f8));
  }
  [part~='loading'] {
    min-block-size: var(--consent-gate-min-height, 3rem);
  }
  button {
    margin-inline-start: 0.5rem;
    min-block-size: 2.25rem;
    padding: 0.25rem 0.75rem;
    font: inherit;
    color: var(--consent-color-accent, light-dark(#0b57d0, #8ab4f8));
    background: transparent;
    border: 2px solid currentColor;
    border-radius: var(--consent-gate-radius, var(--consent-radius, 0.5rem));
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.6;
  }
  button:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
  }
`;
