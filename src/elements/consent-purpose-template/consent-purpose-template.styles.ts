import { css } from 'lit';

/** What only the template has: question, facts, badge, links. Colours and sizes: `formTokens('template')`. */
export const styles = css`
  :host {
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
    margin: 0.25rem 0 0;
    margin-inline-start: 2rem;
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
