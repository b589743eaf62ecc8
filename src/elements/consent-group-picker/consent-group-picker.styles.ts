import { css } from 'lit';

/** What only the picker has: nested consents. Colours and sizes: `formTokens('picker')`. */
export const styles = css`
  ul ul {
    padding-inline-start: var(--consent-picker-indent, 2rem);
  }
  [part~='privacy'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    margin-block-start: var(--_gap);
    padding-block-start: var(--_gap);
    border-block-start: 1px solid var(--_border);
  }
  [part~='privacy-status'] {
    flex-basis: 100%;
    margin: 0;
    color: var(--_muted);
  }
  [part~='privacy-status']:empty {
    display: none;
  }
  dialog {
    max-inline-size: min(32rem, calc(100vw - 2rem));
    padding: calc(var(--_gap) * 1.5);
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font: var(--_font);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog h2 {
    margin-block-start: 0;
    font-size: 1.1em;
  }
  dialog p {
    margin-block: 0 0.5em;
  }
  dialog label {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    margin-block: var(--_gap);
  }
`;
